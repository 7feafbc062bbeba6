package org.mpamcheck.engine;

/**
 * A spec's successor function and invariants over unpacked states, as the search calls them. Two
 * implementations give the same answers in the same order: {@link CompiledSpec}, closures over
 * the expression tree (the reference), and the class {@link BytecodeCompiler} generates.
 */
interface Transitions {

    /** Receives each successor: the action, its parameter values and the state. */
    @FunctionalInterface
    interface SuccessorSink {
        /**
         * Returns false to stop enumerating. {@code bound} and {@code next} are valid only during
         * the call: copy what you keep.
         */
        boolean accept(int action, long[] bound, long[] next);
    }

    /**
     * Enumerates every enabled action instance from {@code state}, in action order and then in
     * parameter order (first parameter slowest). Returns whether any action was enabled.
     */
    boolean successors(long[] state, Frame f, SuccessorSink sink);

    /** Whether invariant {@code invariant} holds in {@code state}. */
    boolean holds(int invariant, long[] state, Frame f);

    /**
     * Whether {@link #successors} also builds each successor's packed form in
     * {@link Frame#packedNext} when the frame holds the packed parent (see {@link Frame}).
     */
    default boolean packsSuccessors() {
        return false;
    }

    /** Packs the slots into {@code out[0 .. words)} (as {@link SlotLayout#pack}). */
    void pack(long[] slots, long[] out);

    /** Unpacks the state at {@code packed[from ..]} into slots (as {@link SlotLayout#unpack}). */
    void unpack(long[] packed, int from, long[] slots);
}
