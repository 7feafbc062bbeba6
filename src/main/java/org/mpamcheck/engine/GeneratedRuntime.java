package org.mpamcheck.engine;

import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Sort;

/**
 * The few operations generated code calls instead of inlining: the checked ones, whose failure
 * must read exactly as the interpreter's (the same {@link EvaluationException} messages).
 */
final class GeneratedRuntime {

    private GeneratedRuntime() {
    }

    /**
     * The index of {@code value} in {@code sort} ({@code lo} and {@code size} its bounds), checked
     * with ExprCompiler.indexOf's error.
     */
    static int index(long value, long lo, int size, Sort sort, String where) {
        long i = value - lo;
        if (i < 0 || i >= size) {
            return ExprCompiler.indexOf(sort, value, where);
        }
        return (int) i;
    }

    static long min(long bits, long lo, String where) {
        if (bits == 0) {
            throw new EvaluationException(where + " of the empty set");
        }
        return lo + Long.numberOfTrailingZeros(bits);
    }

    static boolean member(long element, long set, long lo, int size) {
        long i = element - lo;
        return i >= 0 && i < size && (set >>> i & 1L) != 0;
    }

    /** Checks every range slot an update wrote, in order, as the interpreter's apply does. */
    static void checkRange(long[] next, int from, int width, RangeSort sort, String action,
            String variable) {
        for (int k = from; k < from + width; k++) {
            long v = next[k];
            if (v < sort.lo() || v > sort.hi()) {
                throw new EvaluationException("action " + action + " stores " + v + " into "
                        + variable + ", outside " + sort.name() + " (" + sort.lo() + ".."
                        + sort.hi() + ")");
            }
        }
    }
}
