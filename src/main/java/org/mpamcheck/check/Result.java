package org.mpamcheck.check;

import java.util.List;
import java.util.Optional;

/**
 * One engine's answer for one spec: a verdict per invariant (in the spec's order), what the run
 * covered, and a note (the solver used, the bound, a limit that was hit).
 */
public record Result(String engine, List<PropertyResult> properties, Statistics statistics,
        String note, List<ActionCoverage> coverage) {

    public Result {
        properties = List.copyOf(properties);
        note = note == null ? "" : note;
        coverage = List.copyOf(coverage);
    }

    /** A result without per-action coverage (engines that do not count it). */
    public Result(String engine, List<PropertyResult> properties, Statistics statistics,
            String note) {
        this(engine, properties, statistics, note, List.of());
    }

    public Optional<PropertyResult> property(String invariant) {
        return properties.stream().filter(p -> p.invariant().equals(invariant)).findFirst();
    }

    /** The worst verdict: ERROR over INCOMPLETE over VIOLATED over VACUOUS over HOLDS. */
    public Verdict overall() {
        Verdict worst = Verdict.HOLDS;
        for (PropertyResult p : properties) {
            if (p.verdict().ordinal() > worst.ordinal()) {
                worst = p.verdict();
            }
        }
        return worst;
    }
}
