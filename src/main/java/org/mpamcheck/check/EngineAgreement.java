package org.mpamcheck.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.mpamcheck.spec.Trace;

/**
 * One verdict per invariant from several engines' results on the same spec. Engines must agree:
 * a violation one engine finds and another rules out, shortest counterexamples of different
 * lengths, a bounded engine that missed a violation within its bound, or (when the search is
 * exhaustive on both sides and symmetry is off) different distinct-state counts, all become an
 * ERROR naming both sides. Nothing is silently resolved. The first engine's trace is kept.
 */
public final class EngineAgreement {

    private EngineAgreement() {
    }

    /**
     * @param results one per engine, the reference (native) first
     * @param compareCounts whether exhaustive searches must report equal distinct-state counts
     */
    public static List<PropertyResult> merge(List<Result> results, boolean compareCounts) {
        List<PropertyResult> merged = new ArrayList<>();
        Optional<String> countMismatch = compareCounts ? countMismatch(results) : Optional.empty();
        for (PropertyResult first : results.get(0).properties()) {
            String inv = first.invariant();
            List<Named> views = new ArrayList<>();
            for (Result r : results) {
                r.property(inv).ifPresent(p -> views.add(new Named(r.engine(), p)));
            }
            merged.add(countMismatch.map(m -> PropertyResult.error(inv, m))
                    .orElseGet(() -> mergeOne(inv, views)));
        }
        return merged;
    }

    private record Named(String engine, PropertyResult result) {
        Verdict verdict() {
            return result.verdict();
        }

        String describe() {
            return engine + " " + verdict() + result.counterexample()
                    .map(t -> " (" + t.length() + " steps)").orElse("");
        }
    }

    private static PropertyResult mergeOne(String inv, List<Named> views) {
        if (views.size() == 1) {
            return views.get(0).result();
        }
        StringJoiner errors = new StringJoiner("; ");
        views.stream().filter(v -> v.verdict() == Verdict.ERROR)
                .forEach(v -> errors.add(v.engine() + ": " + v.result().message()));
        if (errors.length() > 0) {
            return PropertyResult.error(inv, errors.toString());
        }
        List<Named> violated = views.stream().filter(v -> v.verdict() == Verdict.VIOLATED).toList();
        List<Named> holds = views.stream().filter(v -> v.verdict() == Verdict.HOLDS).toList();
        if (!violated.isEmpty() && !holds.isEmpty()) {
            return disagreement(inv, views);
        }
        if (!violated.isEmpty()) {
            int shortest = violated.get(0).result().counterexample().map(Trace::length).orElseThrow();
            for (Named v : violated) {
                if (v.result().counterexample().map(Trace::length).orElseThrow() != shortest) {
                    return disagreement(inv, views);
                }
            }
            for (Named v : views) {
                if (v.result().boundedSteps().isPresent()
                        && v.result().boundedSteps().getAsInt() >= shortest) {
                    return disagreement(inv, views);
                }
            }
            return violated.get(0).result();
        }
        if (!holds.isEmpty()) {
            return holds.get(0).result();
        }
        StringJoiner why = new StringJoiner("; ");
        views.forEach(v -> why.add(v.engine() + ": " + v.result().message()));
        return PropertyResult.incomplete(inv, why.toString());
    }

    private static PropertyResult disagreement(String inv, List<Named> views) {
        StringJoiner sides = new StringJoiner(", ");
        for (Named v : views) {
            sides.add(v.result().boundedSteps().isPresent()
                    ? v.engine() + " no violation within " + v.result().boundedSteps().getAsInt()
                            + " steps"
                    : v.describe());
        }
        return PropertyResult.error(inv, "engines disagree: " + sides);
    }

    /** Exhaustive searches that decided every invariant must have seen the same states. */
    private static Optional<String> countMismatch(List<Result> results) {
        List<Result> exhaustive = results.stream()
                .filter(r -> r.statistics().distinct() > 0 && r.overall() == Verdict.HOLDS)
                .toList();
        for (Result r : exhaustive) {
            if (r.statistics().distinct() != exhaustive.get(0).statistics().distinct()) {
                return Optional.of("engines disagree on distinct states: "
                        + exhaustive.get(0).engine() + " " + exhaustive.get(0).statistics()
                                .distinct() + ", " + r.engine() + " " + r.statistics().distinct());
            }
        }
        return Optional.empty();
    }
}
