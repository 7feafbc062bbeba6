package org.mpamcheck.engine;

/**
 * One worker's scratch for evaluation: the current state's slots, the values bound to parameters
 * and a buffer for the successor being built (used by generated code, which reuses it).
 *
 * <p>Generated code also builds the successor's packed form when {@link #parentPacked} is set:
 * it starts from the parent's packed words and rewrites only the words holding slots the action
 * updates, so a step costs a few words rather than a pack of every slot. {@link #packedNext}
 * must hold a copy of the parent's packed words when the state's expansion starts.
 */
final class Frame {

    long[] state;
    final long[] bound;
    final long[] next;
    /** The packed parent (at {@link #parentOffset}), or null: then no packed successors. */
    long[] parentPacked;
    int parentOffset;
    /** The packed successor, valid during a sink call when {@link #parentPacked} is set. */
    final long[] packedNext;

    Frame(int boundSlots, int slots, int words) {
        bound = new long[Math.max(1, boundSlots)];
        next = new long[slots];
        packedNext = new long[words];
    }
}
