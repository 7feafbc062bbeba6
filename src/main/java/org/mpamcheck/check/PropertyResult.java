package org.mpamcheck.check;

import java.util.Optional;
import org.mpamcheck.spec.Trace;

/**
 * The verdict on one invariant from one engine: a shortest counterexample when violated, and a
 * message saying why when incomplete or in error (what was covered, the checker's own words).
 */
public record PropertyResult(String invariant, Verdict verdict, Optional<Trace> counterexample,
        String message) {

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

    public static PropertyResult error(String invariant, String why) {
        return new PropertyResult(invariant, Verdict.ERROR, Optional.empty(), why);
    }
}
