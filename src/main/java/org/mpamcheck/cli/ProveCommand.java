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
                + "[--unbounded [--check-timeout SECONDS] [--smt-dir DIR]] "
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
        o.addOption(Selection.option("unbounded", null, "prove for every number of CPUs, tasks, "
                + "groups and PARTIDs with Z3 (the scope gives only the spec's shape; default: ci "
                + "with a monitor group)"));
        o.addOption(Selection.option("check-timeout", "SECONDS", "with --unbounded: time limit "
                + "per SMT obligation (default: 300)"));
        o.addOption(Selection.option("smt-dir", "DIR", "with --unbounded: write each obligation "
                + "of the proved candidates there as SMT-LIB (VARIANT-OBLIGATION.smt2), to recheck "
                + "with any solver"));
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
        boolean unbounded = line.hasOption("unbounded");
        if (unbounded && line.hasOption("solver")) {
            throw new UsageException("--solver chooses Alloy's SAT solver; --unbounded uses Z3");
        }
        if (!unbounded && line.hasOption("check-timeout")) {
            throw new UsageException("--check-timeout needs --unbounded");
        }
        if (!unbounded && line.hasOption("smt-dir")) {
            throw new UsageException("--smt-dir needs --unbounded");
        }
        Path smtDir = line.hasOption("smt-dir") ? Path.of(line.getOptionValue("smt-dir")) : null;
        if (smtDir != null) {
            OutputFile.checkWritable(smtDir.resolve("obligation.smt2"));
        }
        Scope scope = unbounded && !line.hasOption("scope") ? SEARCH_SCOPE : Selection.scope(line);
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
        Duration perCheck = unbounded && line.hasOption("check-timeout")
                ? Duration.ofMillis(Math.round(1000 * checkTimeout(line)))
                : Duration.ofSeconds(300);
        List<ProofRun> runs = new ArrayList<>();
        for (KernelModePolicy v : Selection.variants(line)) {
            Consumer<String> progress = session.progress().forStatus(v.id());
            runs.add(unbounded ? UnboundedProof.prove(v, scope, timeout, perCheck, progress)
                    : prove(v, scope, timeout, solver, progress));
        }
        session.progress().done();
        if (smtDir != null) {
            for (ProofRun r : runs) {
                UnboundedProof.writeQueries(r, smtDir);
            }
        }
        String text = format.equals("json") ? ProofJson.render(runs, properties, scope,
                SEARCH_SCOPE, ReportFormat.provenance()) : ProofReport.render(runs, properties,
                scope, SEARCH_SCOPE, format.equals("markdown"), unbounded);
        if (output == null) {
            session.out().print(text);
        } else {
            OutputFile.write(output, text);
            session.err().println("mpamcheck: wrote " + output);
        }
        return exitCode(runs, properties);
    }

    /**
     * The scope whose exhaustive search decides which candidates are worth proving: ci. A lemma
     * the search scope does not have (the monitor-group ones, ci having no monitor group) is a
     * candidate unsearched: Houdini keeps it only if it is inductive, which a false lemma is not.
     */
    static final Scope SEARCH_SCOPE = Scope.ci();

    /** Whether {@code i} is worth proving: the search found it holding, or did not have it. */
    static boolean candidate(Map<String, Verdict> searched, Invariant i) {
        Verdict v = searched.get(i.name());
        return v == null ? i.kind() == Invariant.Kind.LEMMA : v == Verdict.HOLDS;
    }

    /** The solver of {@code prove} unless --solver says otherwise. */
    static final SatSolver DEFAULT_SOLVER = SatSolver.SAT4J;

    static ProofRun prove(KernelModePolicy v, Scope scope, Duration timeout, SatSolver solver) {
        return prove(v, scope, timeout, solver, text -> { });
    }

    static ProofRun prove(KernelModePolicy v, Scope scope, Duration timeout, SatSolver solver,
            Consumer<String> progress) {
        progress.accept("searching for candidates at " + SEARCH_SCOPE.bounds());
        Map<String, Verdict> verdicts = searchVerdicts(v);
        Spec spec = ResctrlModel.spec(v, scope);
        List<Invariant> candidates = spec.invariants().stream()
                .filter(i -> candidate(verdicts, i)).toList();
        return new ProofRun(v, spec, verdicts, InductiveSet.find(spec, candidates, timeout,
                solver, progress));
    }

    private static double checkTimeout(CommandLine line) {
        String text = line.getOptionValue("check-timeout");
        try {
            double v = Double.parseDouble(text);
            if (v > 0 && v <= 86_400) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--check-timeout needs a number of seconds in (0, 86400], got '"
                + text + "'");
    }

    /** The candidates: the properties and lemmas the native search finds holding. */
    static Map<String, Verdict> searchVerdicts(KernelModePolicy v) {
        Result searched = new NativeChecker().check(ResctrlModel.spec(v, SEARCH_SCOPE),
                Limits.DEFAULT, org.mpamcheck.check.Progress.NONE);
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        for (PropertyResult p : searched.properties()) {
            verdicts.put(p.invariant(), p.verdict());
        }
        return verdicts;
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
