package org.mpamcheck.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.Properties;
import org.mpamcheck.model.Scope;
import org.mpamcheck.report.HtmlReport;
import org.mpamcheck.report.ItfTrace;
import org.mpamcheck.report.JsonReport;
import org.mpamcheck.report.Report;
import org.mpamcheck.report.TextReport;
import org.mpamcheck.report.VariantRun;

/** One counterexample told in full: every step and the register table after it. */
final class ExplainCommand implements Command {

    static final List<String> FORMATS = List.of("text", "html", "json", "itf");

    public String name() {
        return "explain";
    }

    public String synopsis() {
        return "--variant ID --property ID [--engine E] [--scope S] [--format F] [--output FILE]";
    }

    public String summary() {
        return "one counterexample, told in full (exit 1 when the property is violated)";
    }

    public Options options() {
        Options o = new Options();
        Selection.addWhat(o, false);
        Selection.addLimits(o);
        ReportFormat.addOptions(o, FORMATS);
        return o;
    }

    public int run(CommandLine line, Session session) throws IOException {
        if (!(line.hasOption("variant") || line.hasOption("proposal"))
                || !line.hasOption("property")) {
            throw new UsageException("explain needs --variant ID (or --proposal FILE) and --property ID");
        }
        List<KernelModePolicy> variants = Selection.variants(line);
        List<String> properties = Selection.properties(line);
        if (variants.size() != 1 || properties.size() != 1) {
            throw new UsageException("explain takes one variant and one property");
        }
        String format = ReportFormat.format(line, FORMATS);
        Path output = ReportFormat.output(line);
        Scope scope = Selection.scope(line);
        List<org.mpamcheck.check.Checker> engines = Selection.engines(line, "native");
        VariantRun run = new MatrixRunner(session.progress()).runOne(variants.get(0), properties,
                scope, engines, Selection.limits(line));
        session.progress().done();
        PropertyResult p = run.agreed().get(0);
        Report report = new Report(scope, engines.stream().map(e -> e.name()).toList(),
                properties, List.of(run));
        switch (format) {
            case "html":
                ReportFormat.emit(session, output, HtmlReport.explain(report,
                        ReportFormat.provenance()), p.verdict().name());
                break;
            case "json":
                ReportFormat.emit(session, output, JsonReport.render(report,
                        ReportFormat.provenance()), p.verdict().name());
                break;
            case "itf":
                if (p.verdict() != Verdict.VIOLATED) {
                    session.err().println("mpamcheck explain: " + run.id() + " / "
                            + p.invariant() + " is " + p.verdict()
                            + ": no counterexample, no ITF trace written");
                    break;
                }
                ReportFormat.emit(session, output, ItfTrace.render(run, p, scope,
                        ReportFormat.provenance()), p.verdict().name());
                break;
            default:
                ReportFormat.emit(session, output, text(run, p, scope), "");
        }
        return p.verdict().exitCode();
    }

    private static String text(VariantRun run, PropertyResult p, Scope scope) {
        String engines = String.join("+", run.results().stream().map(r -> r.engine()).toList());
        if (p.verdict() == Verdict.VIOLATED) {
            return TextReport.counterexample(run, p, scope, true) + "(scope " + scope.name()
                    + ": " + scope.bounds() + "; engine " + engines + ")\n";
        }
        return run.id() + " / " + p.invariant() + ": " + p.verdict()
                + (p.message().isEmpty() ? "" : " - " + p.message()) + "\n"
                + TextReport.wrap("  ", Properties.description(p.invariant()))
                + "(scope " + scope.name() + ": " + scope.bounds() + "; engine " + engines
                + ", " + String.format("%,d", run.results().get(0).statistics().distinct())
                + " distinct states)\n";
    }
}
