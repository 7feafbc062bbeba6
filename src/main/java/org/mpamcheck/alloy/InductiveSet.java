package org.mpamcheck.alloy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Spec;

/**
 * The largest subset of candidate invariants that is inductive as a whole (the Houdini
 * algorithm): check the conjunction of the candidates, drop those that the initial state or a
 * counterexample to induction breaks, repeat until the check passes. What remains is proved for
 * every state of the spec's scope; each dropped candidate keeps the result that dropped it.
 * Houdini's answer does not depend on which counterexample the solver finds: a dropped
 * candidate fails from a state satisfying all that remain, so it is in no inductive subset.
 */
public final class InductiveSet {

    /**
     * Per candidate, in the candidates' order: the result that proved or dropped it; and the
     * totals over the rounds (checks of a candidate set).
     */
    public record Outcome(Map<String, InductionResult> results, int rounds, int solves,
            double seconds, long clauses, String solver) {
    }

    private InductiveSet() {
    }

    /** {@code timeout} bounds the whole search, every round together. */
    public static Outcome find(Spec spec, List<Invariant> candidates, Duration timeout,
            SatSolver solver) {
        return find(spec, candidates, timeout, solver, text -> { });
    }

    /** As above, telling {@code progress} the round and the check being solved. */
    public static Outcome find(Spec spec, List<Invariant> candidates, Duration timeout,
            SatSolver solver, Consumer<String> progress) {
        return find(spec, candidates, timeout, new AlloyInductionChecker(solver)::check,
                solver.id(), progress);
    }

    /** One induction check of a candidate set: Alloy's at a bound, or another engine's. */
    @FunctionalInterface
    public interface Checker {
        InductionResult check(Spec spec, List<Invariant> candidates, Duration timeout,
                Consumer<String> progress);
    }

    /** Houdini over any induction checker; {@code solverName} names it until it answers. */
    public static Outcome find(Spec spec, List<Invariant> candidates, Duration timeout,
            Checker checker, String solverName, Consumer<String> progress) {
        long start = System.nanoTime();
        long deadline = start + Math.min(timeout.toNanos(), Long.MAX_VALUE / 4);
        List<Invariant> kept = new ArrayList<>(candidates);
        Map<String, InductionResult> settled = new LinkedHashMap<>();
        int rounds = 0;
        int solves = 0;
        long clauses = 0;
        while (!kept.isEmpty()) {
            rounds++;
            Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 0));
            int round = rounds;
            int size = kept.size();
            InductionResult r = checker.check(spec, kept, left, phase -> progress.accept("round "
                    + round + ", " + size + " candidates: " + phase));
            solves += r.solves();
            clauses = Math.max(clauses, r.clauses());
            solverName = r.solver();
            boolean drops = r.outcome() == InductionResult.Outcome.NOT_INITIAL
                    || r.outcome() == InductionResult.Outcome.NOT_INDUCTIVE;
            for (Invariant c : List.copyOf(kept)) {
                if (!drops || r.broken().contains(c.name())) {
                    settled.put(c.name(), r);
                    kept.remove(c);
                }
            }
        }
        Map<String, InductionResult> results = new LinkedHashMap<>();
        candidates.forEach(c -> results.put(c.name(), settled.get(c.name())));
        return new Outcome(results, rounds, solves, (System.nanoTime() - start) / 1e9, clauses,
                solverName);
    }
}
