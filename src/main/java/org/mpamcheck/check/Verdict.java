package org.mpamcheck.check;

/**
 * The outcome for one invariant. A limit (time, states, memory, steps) or a checker failure is
 * never {@code HOLDS}.
 */
public enum Verdict {
    /** Checked over every reachable state (or up to the stated bound, which covers them all). */
    HOLDS,
    /**
     * Holds, but only because its premise (a lock with waiters, an interrupt, ...) is false in
     * every reachable state: nothing exercised it. Passes like HOLDS unless asked to fail.
     */
    VACUOUS,
    /** A reachable state breaks it; the result carries a shortest counterexample. */
    VIOLATED,
    /** A limit ended the run before the question was settled; the result says what was covered. */
    INCOMPLETE,
    /** The checker failed or engines disagreed; the result keeps the message. */
    ERROR;

    /** The exit code contribution of DESIGN.md: 0 holds, 1 violated, 3 incomplete or error. */
    public int exitCode() {
        return switch (this) {
            case HOLDS, VACUOUS -> 0;
            case VIOLATED -> 1;
            case INCOMPLETE, ERROR -> 3;
        };
    }
}
