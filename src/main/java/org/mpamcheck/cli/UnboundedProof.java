package org.mpamcheck.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.mpamcheck.alloy.InductionResult;
import org.mpamcheck.alloy.InductiveSet;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.ResctrlModel;
import org.mpamcheck.model.Scope;
import org.mpamcheck.model.SortSizes;
import org.mpamcheck.report.ProofRun;
import org.mpamcheck.smt.Z3InductionChecker;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Spec;

/**
 * {@code prove --unbounded}: the same candidates as the bounded proof (what the native search
 * finds holding), proved by Houdini with Z3 for every size. The scope fixes only the spec's
 * shape (which sorts exist: with monitor groups and locks, or without); a counterexample to
 * induction comes back at whatever size Z3's model has and is replayed on the model at that size.
 */
final class UnboundedProof {

    private UnboundedProof() {
    }

    static ProofRun prove(KernelModePolicy v, Scope shape, Duration timeout, Duration perCheck,
            Consumer<String> progress) {
        progress.accept("searching for candidates at " + ProveCommand.SEARCH_SCOPE.bounds());
        Map<String, Verdict> verdicts = ProveCommand.searchVerdicts(v);
        Spec spec = ResctrlModel.spec(v, shape);
        List<Invariant> candidates = spec.invariants().stream()
                .filter(i -> ProveCommand.candidate(verdicts, i)).toList();
        Z3InductionChecker z3 = new Z3InductionChecker(SortSizes.of(v, shape)::apply, perCheck);
        return new ProofRun(v, spec, verdicts, InductiveSet.find(spec, candidates, timeout,
                z3::check, Z3InductionChecker.SOLVER, progress));
    }

    /**
     * Each obligation of the candidates the run proved, as SMT-LIB: {@code VARIANT-OBLIGATION
     * .smt2}, every one UNSAT. Nothing is written for a run that proved nothing.
     */
    static void writeQueries(ProofRun run, Path dir) throws IOException {
        List<Invariant> proved = run.spec().invariants().stream().filter(i -> {
            InductionResult r = run.outcome().results().get(i.name());
            return r != null && r.outcome() == InductionResult.Outcome.PROVED;
        }).toList();
        if (proved.isEmpty()) {
            return;
        }
        for (Map.Entry<String, String> q : Z3InductionChecker.queries(run.spec(), proved)
                .entrySet()) {
            OutputFile.write(dir.resolve(run.policy().id() + "-" + q.getKey() + ".smt2"),
                    "; " + run.policy().id() + ": " + q.getKey() + " for "
                            + proved.stream().map(Invariant::name).toList()
                            + "\n; unsat: the obligation holds for every size\n" + q.getValue());
        }
    }
}
