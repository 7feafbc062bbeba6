package org.mpamcheck.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Every distinct state found, packed, with the index of the state it was first reached from, in
 * chunked primitive arrays (no object per state). Index order is breadth-first order, so the
 * states of one level are a contiguous range.
 */
final class StateStore {

    private static final int CHUNK_STATES = 1 << 16;

    private final int words;
    private final List<long[]> packed = new ArrayList<>();
    private final List<int[]> parents = new ArrayList<>();
    private int size;

    StateStore(int words) {
        this.words = words;
    }

    int size() {
        return size;
    }

    int add(long[] from, int offset, int parent) {
        int chunk = size / CHUNK_STATES;
        if (chunk == packed.size()) {
            packed.add(new long[CHUNK_STATES * words]);
            parents.add(new int[CHUNK_STATES]);
        }
        int at = size % CHUNK_STATES;
        System.arraycopy(from, offset, packed.get(chunk), at * words, words);
        parents.get(chunk)[at] = parent;
        return size++;
    }

    int parent(int index) {
        return parents.get(index / CHUNK_STATES)[index % CHUNK_STATES];
    }

    /** Copies state {@code index}'s packed words into {@code out}. */
    void read(int index, long[] out) {
        System.arraycopy(packed.get(index / CHUNK_STATES), (index % CHUNK_STATES) * words, out, 0,
                words);
    }

    /** Bytes held per state, for capacity planning. */
    int bytesPerState() {
        return words * 8 + 4;
    }
}
