package org.mpamcheck.engine;

/** What an evaluation reads: the current state's slots and the values bound to parameters. */
final class Frame {

    long[] state;
    final long[] bound;

    Frame(int boundSlots) {
        bound = new long[Math.max(1, boundSlots)];
    }
}
