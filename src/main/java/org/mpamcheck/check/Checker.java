package org.mpamcheck.check;

import org.mpamcheck.spec.Spec;

/**
 * An engine that decides every invariant of a spec in one run. Implementations never throw for a
 * failure of their own: a crash, a time-out or an out-of-memory becomes ERROR or INCOMPLETE in the
 * Result, with the checker's message kept.
 */
public interface Checker {

    /** A short id: {@code native}, {@code tlc}, {@code alloy}. */
    String name();

    Result check(Spec spec, Limits limits, Progress progress);
}
