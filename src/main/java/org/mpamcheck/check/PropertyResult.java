package org.mpamcheck.check;

import java.util.Optional;
import java.util.OptionalInt;
import org.mpamcheck.spec.Trace;

/**
 * The verdict on one invariant from one engine: a shortest counterexample when violated, and a
 * message saying why when incomplete or in error (what was covered, the checker's own words).
 */
public record PropertyResult(String invariant, Verdict verdict, Optional<Trace> counterexample,
        String message) {

    private static final String BOUNDED = "bounded: no violation within ";

    public PropertyResult {
        if (verdict == Verdict.VIOLATED && counterexample.isEmpty()) {
            throw new IllegalArgumentException(invariant + ": VIOLATED needs a counterexample");
        }
        message = message == null ? "" : message;
    }

    public static PropertyResult holds(String invariant) {
        return new PropertyResult(invariant, Verdict.HOLDS, Optional.empty(), "");
    }

    public static PropertyResult violated(String invariant, Trace trace) {
        return new PropertyResult(invariant, Verdict.VIOLATED, Optional.of(trace), "");
    }

    public static PropertyResult incomplete(String invariant, String why) {
        return new PropertyResult(invariant, Verdict.INCOMPLETE, Optional.empty(), why);
    }

    /**
     * A bounded engine found no violation within {@code steps} steps of the initial state but did
     * not cover the spec's diameter: not a pass, but a claim other engines can be checked against.
     */
    public static PropertyResult noViolationWithin(String invariant, int steps) {
        return new PropertyResult(invariant, Verdict.INCOMPLETE, Optional.empty(),
                BOUNDED + steps + " steps (the diameter is not covered)");
    }

    /** The bound of a {@link #noViolationWithin} result. */
    public OptionalInt boundedSteps() {
        if (verdict != Verdict.INCOMPLETE || !message.startsWith(BOUNDED)) {
            return OptionalInt.empty();
        }
        String rest = message.substring(BOUNDED.length());
        return OptionalInt.of(Integer.parseInt(rest.substring(0, rest.indexOf(' '))));
    }

    public static PropertyResult error(String invariant, String why) {
        return new PropertyResult(invariant, Verdict.ERROR, Optional.empty(), why);
    }
}
