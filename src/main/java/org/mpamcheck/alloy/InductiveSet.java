package org.mpamcheck.alloy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Spec;

/**
 * The largest subset of candidate invariants that is inductive as a whole (the Houdini
 * algorithm): check each candidate's consecution assuming all the others, drop those that fail,
 * repeat until nothing fails. What remains is proved for every state of the spec's scope; each
 * dropped candidate keeps the counterexample to induction that dropped it.
 */
public final class InductiveSet {

    /** Per candidate, in the candidates' order: the result that proved or dropped it. */
    public record Outcome(Map<String, InductionResult> results, int rounds, double seconds) {
    }

    private InductiveSet() {
    }

    public static Outcome find(Spec spec, List<Invariant> candidates, Duration timeoutPerCheck) {
        long start = System.nanoTime();
        AlloyInductionChecker checker = new AlloyInductionChecker(false);
        List<Invariant> kept = new ArrayList<>(candidates);
        Map<String, InductionResult> dropped = new LinkedHashMap<>();
        Map<String, InductionResult> proved = new LinkedHashMap<>();
        int rounds = 0;
        boolean changed = true;
        while (changed && !kept.isEmpty()) {
            changed = false;
            rounds++;
            proved.clear();
            for (Invariant goal : List.copyOf(kept)) {
                List<Invariant> assumed = new ArrayList<>(kept);
                assumed.remove(goal);
                InductionResult r = checker.check(spec, assumed, goal, timeoutPerCheck);
                if (r.outcome() == InductionResult.Outcome.PROVED) {
                    proved.put(goal.name(), r);
                } else {
                    dropped.put(goal.name(), r);
                    kept.remove(goal);
                    changed = true;
                    break;
                }
            }
        }
        Map<String, InductionResult> results = new LinkedHashMap<>();
        for (Invariant c : candidates) {
            results.put(c.name(), proved.containsKey(c.name()) ? proved.get(c.name())
                    : dropped.get(c.name()));
        }
        return new Outcome(results, rounds, (System.nanoTime() - start) / 1e9);
    }
}
