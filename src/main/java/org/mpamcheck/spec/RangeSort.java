package org.mpamcheck.spec;

/**
 * The ordered integers {@code lo .. hi} (PARTIDs, PMGs, counters). Element index {@code i} is the
 * integer {@code lo + i}; range values take part in comparisons and arithmetic.
 */
public record RangeSort(String name, int lo, int hi) implements Sort {

    public RangeSort {
        Sort.checkIdentifier("sort", name);
        if (hi < lo) {
            throw new SpecException("sort " + name + " has an empty range " + lo + ".." + hi);
        }
    }

    @Override
    public int size() {
        return hi - lo + 1;
    }

    @Override
    public String label(int index) {
        return Integer.toString(lo + index);
    }

    /** The element whose integer is {@code v}. */
    public Value.Atom of(int v) {
        if (v < lo || v > hi) {
            throw new SpecException(v + " is outside sort " + name + " (" + lo + ".." + hi + ")");
        }
        return new Value.Atom(this, v - lo);
    }
}
