package org.mpamcheck.engine;

/** A compiled expression whose value is one long: a scalar, an integer, a boolean or a set. */
@FunctionalInterface
interface Eval {
    long eval(Frame f);

    /** A compiled expression whose value is a function, flattened into slots. */
    @FunctionalInterface
    interface Array {
        long[] eval(Frame f);
    }
}
