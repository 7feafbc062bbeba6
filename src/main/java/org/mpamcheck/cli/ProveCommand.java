package org.mpamcheck.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mpamcheck.alloy.InductiveSet;
import org.mpamcheck.alloy.SatSolver;
import org.mpamcheck.check.Limits;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Result;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.engine.NativeChecker;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.ResctrlModel;
import org.mpamcheck.model.Scope;
import org.mpamcheck.report.ProofJson;
import org.mpamcheck.report.ProofReport;
import org.mpamcheck.report.ProofRun;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Spec;

/**
 * Proves what the matrix says holds, for every state of a scope no search can enumerate: the
 * native search at ci picks the candidates (holding properties and lemmas; a violated lemma is
 * reported, never assumed), then Alloy finds the largest inductive subset at the proof scope.
 */
final class ProveCommand implements Command {

    public String name() {
        return "prove";
    }

    public String synopsis() {
        return "[--variant IDS] [--property IDS] [--scope S] [--solver NAME] [--timeout SECONDS] "
                + "[--format text|markdown|json] [--output FILE]";
    }

    public String summary() {
        return "prove the holding properties by one-step induction (default scope: ci)";
    }

    public Options options() {
        Options o = new Options();
        o.addOption(Selection.option("variant", "IDS", "variants, comma-separated (default: all)"));
        o.addOption(Selection.proposalOption());
        o.addOption(Selection.option("property", "IDS", "properties, comma-separated "
                + "(default: all)"));
        o.addOption(Selection.option("scope", "S", "the proof scope: small, ci, deep, proof or "
                + "KEY=N,... (default: ci)"));
        o.addOption(Selection.option("solver", "NAME", "the SAT solver: "
                + String.join(", ", SatSolver.ids()) + " (default: " + DEFAULT_SOLVER.id() + ")"));
        o.addOption(Selection.option("timeout", "SECONDS", "time limit per variant "
                + "(default: 3600)"));
        o.addOption(Selection.option("format", "F", "text, markdown or json (default: text)"));
        o.addOption(Selection.option("output", "FILE", "write the report there"));
        return o;
    }

    public int run(CommandLine line, Session session) throws IOException {
        String format = line.getOptionValue("format", "text");
        if (!format.equals("text") && !format.equals("markdown") && !format.equals("json")) {
            throw new UsageException("unknown format '" + format + "'; valid: text, markdown, "
                    + "json");
        }
        Path output = line.hasOption("output") ? Path.of(line.getOptionValue("output")) : null;
        if (output != null) {
            OutputFile.checkWritable(output);
        }
        List<String> properties = Selection.properties(line);
        Scope scope = Selection.scope(line);
        Duration timeout = line.hasOption("timeout") ? Selection.limits(line).timeout()
                : Duration.ofHours(1);
        SatSolver solver = DEFAULT_SOLVER;
        if (line.hasOption("solver")) {
            solver = SatSolver.byId(line.getOptionValue("solver"));
            if (solver == null) {
                throw new UsageException("unknown solver '" + line.getOptionValue("solver")
                        + "'; valid: " + String.join(", ", SatSolver.ids()));
            }
        }
        List<ProofRun> runs = new ArrayList<>();
        for (KernelModePolicy v : Selection.variants(line)) {
            runs.add(prove(v, scope, timeout, solver, session.progress().forStatus(v.id())));
        }
        session.progress().done();
        String text = format.equals("json") ? ProofJson.render(runs, properties, scope,
                SEARCH_SCOPE, ReportFormat.provenance()) : ProofReport.render(runs, properties,
                scope, SEARCH_SCOPE, format.equals("markdown"));
        if (output == null) {
            session.out().print(text);
        } else {
            OutputFile.write(output, text);
            session.err().println("mpamcheck: wrote " + output);
        }
        return exitCode(runs, properties);
    }

    /**
     * The scope whose exhaustive search decides which candidates are worth proving: ci with a
     * monitor group, so that the monitor-group lemmas are searched too.
     */
    static final Scope SEARCH_SCOPE = Scope.ci().with("monitors", 1);

    /** The solver of {@code prove} unless --solver says otherwise. */
    static final SatSolver DEFAULT_SOLVER = SatSolver.SAT4J;

    static ProofRun prove(KernelModePolicy v, Scope scope, Duration timeout, SatSolver solver) {
        return prove(v, scope, timeout, solver, text -> { });
    }

    static ProofRun prove(KernelModePolicy v, Scope scope, Duration timeout, SatSolver solver,
            Consumer<String> progress) {
        progress.accept("searching for candidates at " + SEARCH_SCOPE.bounds());
        Result searched = new NativeChecker().check(ResctrlModel.spec(v, SEARCH_SCOPE),
                Limits.DEFAULT, org.mpamcheck.check.Progress.NONE);
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        for (PropertyResult p : searched.properties()) {
            verdicts.put(p.invariant(), p.verdict());
        }
        Spec spec = ResctrlModel.spec(v, scope);
        List<Invariant> candidates = spec.invariants().stream()
                .filter(i -> verdicts.get(i.name()) == Verdict.HOLDS).toList();
        return new ProofRun(v, spec, verdicts, InductiveSet.find(spec, candidates, timeout,
                solver, progress));
    }

    private static int exitCode(List<ProofRun> runs, List<String> properties) {
        int code = 0;
        for (ProofRun r : runs) {
            for (String p : properties) {
                switch (r.status(p)) {
                    case NOT_INDUCTIVE:
                        code = Math.max(code, 1);
                        break;
                    case INCOMPLETE:
                    case ERROR:
                        code = 3;
                        break;
                    default:
                        break;
                }
            }
        }
        return code;
    }
}
