package org.mpamcheck.engine;

/**
 * One worker's scratch for evaluation: the current state's slots, the values bound to parameters
 * and a buffer for the successor being built (used by generated code, which reuses it).
 */
final class Frame {

    long[] state;
    final long[] bound;
    final long[] next;

    Frame(int boundSlots, int slots) {
        bound = new long[Math.max(1, boundSlots)];
        next = new long[slots];
    }
}
