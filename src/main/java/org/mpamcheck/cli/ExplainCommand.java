package org.mpamcheck.cli;

import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.Properties;
import org.mpamcheck.model.Scope;
import org.mpamcheck.report.TextReport;
import org.mpamcheck.report.VariantRun;

/** One counterexample told in full: every step and the register table after it. */
final class ExplainCommand implements Command {

    public String name() {
        return "explain";
    }

    public String synopsis() {
        return "--variant ID --property ID [--engine E] [--scope S]";
    }

    public String summary() {
        return "one counterexample, told in full (exit 1 when the property is violated)";
    }

    public Options options() {
        Options o = new Options();
        Selection.addWhat(o, false);
        Selection.addLimits(o);
        return o;
    }

    public int run(CommandLine line, Session session) {
        if (!line.hasOption("variant") || !line.hasOption("property")) {
            throw new UsageException("explain needs --variant ID and --property ID");
        }
        List<KernelModePolicy> variants = Selection.variants(line);
        List<String> properties = Selection.properties(line);
        if (variants.size() != 1 || properties.size() != 1) {
            throw new UsageException("explain takes one variant and one property");
        }
        Scope scope = Selection.scope(line);
        VariantRun run = new MatrixRunner(session.progress()).runOne(variants.get(0), properties,
                scope, Selection.engines(line, "native"), Selection.limits(line));
        session.progress().done();
        PropertyResult p = run.agreed().get(0);
        String engines = String.join("+", run.results().stream().map(r -> r.engine()).toList());
        if (p.verdict() == Verdict.VIOLATED) {
            session.out().print(TextReport.counterexample(run, p, scope, true));
            session.out().println("(scope " + scope.name() + ": " + scope.bounds() + "; engine "
                    + engines + ")");
        } else {
            session.out().println(run.id() + " / " + p.invariant() + ": " + p.verdict()
                    + (p.message().isEmpty() ? "" : " - " + p.message()));
            session.out().print(TextReport.wrap("  ", Properties.DESCRIPTIONS.get(p.invariant())));
            session.out().println("(scope " + scope.name() + ": " + scope.bounds() + "; engine "
                    + engines + ", " + String.format("%,d", run.results().get(0).statistics()
                            .distinct()) + " distinct states)");
        }
        return p.verdict().exitCode();
    }
}
