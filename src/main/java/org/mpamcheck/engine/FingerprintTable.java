package org.mpamcheck.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Every visited state as a 64-bit fingerprint plus the slot of the state it was first reached
 * from: 12 bytes a slot, open addressing with linear probing (the layout of TLC's in-memory
 * FPSet, plus TLC's parent pointer). Inserts are lock-free (a compare-and-set on the fingerprint
 * cell), so workers insert concurrently; growing is not: {@link #grow} runs while no worker
 * inserts and returns where each slot moved, so the caller can move the slots it holds.
 *
 * <p>Capacities need not be powers of two (a slot is chosen by multiply-shift), so once memory is
 * scarce the search can grow the table to exactly the largest size the budget holds and fill it
 * to 95%: 13 bytes a state (it doubles while memory is plentiful, see
 * BreadthFirstSearch.grownCapacity). Zero marks an empty cell, so fingerprint 0 is stored as 1.
 */
final class FingerprintTable {

    private static final VarHandle CELL = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle PARENT = MethodHandles.arrayElementVarHandle(int[].class);

    /** No slot: the initial state's parent. */
    static final int NONE = -1;

    private long[] fingerprints;
    /** How many times the table grew: slots taken in one generation are valid until the next. */
    private int generation;
    /** Parent slot + 2 (0: not yet written by the inserting worker; 1: no parent). */
    private int[] parents;
    /**
     * Cells inserted since the last {@link #newLevel}, one bit each, one bitmap per inserter:
     * each writes only its own with plain stores, before its compare-and-set on the cell.
     */
    private long[][] recent;
    /** Whether several threads insert: else plain stores instead of compare-and-set. */
    private final boolean concurrent;
    /**
     * Cells filled, as of the last {@link #added}: inserters count their new cells themselves and
     * add them in one go, so concurrent inserts share no counter.
     */
    private final java.util.concurrent.atomic.AtomicLong size =
            new java.util.concurrent.atomic.AtomicLong();

    /** @param inserters how many threads insert (each passes its index to {@link #insert}) */
    FingerprintTable(int capacity, int inserters) {
        fingerprints = new long[Math.max(16, capacity)];
        parents = new int[fingerprints.length];
        recent = new long[inserters][(fingerprints.length + 63) / 64];
        concurrent = inserters > 1;
    }

    /** Exact while nobody inserts and every inserter has called {@link #added}. */
    int size() {
        return (int) size.get();
    }

    /** Counts {@code n} cells the caller's inserts filled. */
    void added(long n) {
        size.addAndGet(n);
    }

    int capacity() {
        return fingerprints.length;
    }

    /**
     * The table's own bytes: 8 for the fingerprint, 4 for the parent slot, a bit per cell and
     * inserter.
     */
    long bytes() {
        return bytesFor(fingerprints.length, recent.length);
    }

    static long bytesFor(long capacity, int inserters) {
        return capacity * 12L + (capacity + 63) / 64 * 8 * inserters;
    }

    int inserters() {
        return recent.length;
    }

    /** Starts a level: no cell counts as inserted in it. */
    void newLevel() {
        for (long[] marks : recent) {
            java.util.Arrays.fill(marks, 0L);
        }
    }

    /**
     * Whether the occupied cell was inserted in the current level: marked by an inserter. An
     * inserter marks a cell before its compare-and-set (see {@link #insert}), so whoever read the
     * cell's fingerprint sees the mark: no read of the parent, which would be a second cache miss
     * per duplicate (a quarter of the search's time at ci).
     */
    boolean insertedThisLevel(int slot) {
        for (long[] marks : recent) {
            if ((marks[slot >>> 6] >>> slot & 1) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Makes {@code parent} the cell's parent if its fingerprint is smaller than the present
     * parent's: over a level, every state then keeps the same parent whichever worker found it
     * first, so counterexamples do not depend on the number of workers. {@code fp} is the
     * parent's fingerprint.
     */
    void offerParent(int slot, int parent, long fp) {
        offerParent(slot, parent, fp, NONE, 0);
    }

    /**
     * As {@link #offerParent(int, int, long)}, knowing that slot {@code knownSlot} holds
     * fingerprint {@code knownFp} (the comparison then needs no read of the table when the
     * present parent is that one).
     */
    void offerParent(int slot, int parent, long fp, int knownSlot, long knownFp) {
        while (true) {
            int cur = (int) PARENT.getAcquire(parents, slot);
            if (cur == 0) {
                Thread.onSpinWait();
                continue;
            }
            if (cur - 2 == parent || cur == 1) {
                return;
            }
            long present = cur - 2 == knownSlot ? knownFp : fingerprints[cur - 2];
            if (present <= fp) {
                return;
            }
            if (PARENT.compareAndSet(parents, slot, cur, parent + 2)) {
                return;
            }
        }
    }

    private static int home(long fp, int capacity) {
        long h = mix(fp) >>> 32;
        return (int) ((h * capacity) >>> 32);
    }

    /**
     * Adds the fingerprint with its parent slot. Returns the new slot, or {@code -1 - slot} when
     * the fingerprint was there already. The caller counts its new slots and reports them to
     * {@link #added}. Safe from many threads while nobody grows the table; the
     * caller keeps the table from filling up (see {@link #grow}).
     */
    int insert(long fp, int parent, int inserter) {
        long f = fp == 0 ? 1 : fp;
        long[] table = fingerprints;
        int cap = table.length;
        int i = home(f, cap);
        while (true) {
            long t = (long) CELL.getAcquire(table, i);
            if (t == 0) {
                if (!concurrent) {
                    table[i] = f;
                    recent[0][i >>> 6] |= 1L << i;
                    parents[i] = parent + 2;
                    return i;
                }
                // marked before the compare-and-set, whose release publishes the mark with the
                // fingerprint: the cell, empty now, is filled in this level whoever wins it
                recent[inserter][i >>> 6] |= 1L << i;
                if (CELL.compareAndSet(table, i, 0L, f)) {
                    PARENT.setRelease(parents, i, parent + 2);
                    return i;
                }
                t = (long) CELL.getAcquire(table, i);
            }
            if (t == f) {
                return -1 - i;
            }
            i = i + 1 == cap ? 0 : i + 1;
        }
    }

    int generation() {
        return generation;
    }

    /**
     * The slot holding {@code fp}, which must be in the table (a state read back from disk after
     * the table grew). Safe while others insert: the cell was filled before.
     */
    int slotOf(long fp) {
        long f = fp == 0 ? 1 : fp;
        long[] table = fingerprints;
        int cap = table.length;
        for (int i = home(f, cap); ; i = i + 1 == cap ? 0 : i + 1) {
            long t = table[i];
            if (t == f) {
                return i;
            }
            if (t == 0) {
                throw new IllegalStateException("a frontier state is missing from the table");
            }
        }
    }

    /**
     * The cell where a lookup of {@code fp} starts, fingerprint and parent (plain reads: a hint to
     * the cache). The parent too: an insert writes it and a parent offer reads it, and a store
     * that misses stalls the next compare-and-set until it completes.
     */
    long peek(long fp) {
        long[] table = fingerprints;
        int i = home(fp, table.length);
        return table[i] + parents[i];
    }

    long fingerprint(int slot) {
        return fingerprints[slot];
    }

    int parent(int slot) {
        return parents[slot] - 2;
    }

    /**
     * Bytes live while the table grows from {@code capacity} to {@code newCapacity} cells: first
     * the old cells, the new fingerprints and the moves; then, the old fingerprints dropped, the
     * old parents and marks, the moves and the whole new table (see {@link #grow}).
     */
    static long growingBytes(long capacity, long newCapacity, int inserters) {
        long oldMarks = bytesFor(capacity, inserters) - 12L * capacity;
        long fingerprintsFirst = bytesFor(capacity, inserters) + 8L * newCapacity + 4L * capacity;
        long parentsNext = 8L * capacity + oldMarks + bytesFor(newCapacity, inserters);
        return Math.max(fingerprintsFirst, parentsNext);
    }

    /**
     * Rehashes into {@code newCapacity} cells (at least the size). Not thread-safe. Returns the
     * move: {@code move[old] = new} for every occupied old slot. The old fingerprints are
     * dropped before the new parents are made, so the peak is {@link #growingBytes}.
     */
    int[] grow(int newCapacity) {
        long[] oldFps = fingerprints;
        int[] oldParents = parents;
        long[] fps = new long[Math.max(newCapacity, size() + 1)];
        int cap = fps.length;
        int[] move = new int[oldFps.length];
        for (int j = 0; j < oldFps.length; j++) {
            long f = oldFps[j];
            if (f != 0) {
                int i = home(f, cap);
                while (fps[i] != 0) {
                    i = i + 1 == cap ? 0 : i + 1;
                }
                fps[i] = f;
                move[j] = i;
            }
        }
        int oldCapacity = oldFps.length;
        fingerprints = fps;
        oldFps = null; // the collector may take them while the new parents are allocated
        // from here an old cell is occupied when its parent is written (every insert's is)
        int[] ps = new int[cap];
        long[][] marks = new long[recent.length][(cap + 63) / 64];
        for (int j = 0; j < oldCapacity; j++) {
            if (oldParents[j] != 0) {
                int p = oldParents[j] - 2;
                ps[move[j]] = (p == NONE ? NONE : move[p]) + 2;
                for (int w = 0; w < marks.length; w++) {
                    if ((recent[w][j >>> 6] >>> j & 1) != 0) {
                        marks[w][move[j] >>> 6] |= 1L << move[j];
                    }
                }
            }
        }
        parents = ps;
        recent = marks;
        generation++;
        return move;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        return z ^ (z >>> 33);
    }

    /** A 64-bit fingerprint of {@code words[from .. from+n)}. */
    static long fingerprint(long[] words, int from, int n) {
        long h = 0x9E3779B97F4A7C15L * (n + 1);
        for (int i = from; i < from + n; i++) {
            h ^= words[i];
            h *= 0xbf58476d1ce4e5b9L;
            h ^= h >>> 31;
        }
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 29);
    }
}
