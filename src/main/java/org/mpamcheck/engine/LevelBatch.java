package org.mpamcheck.engine;

import java.util.Arrays;

/**
 * What one worker found expanding a contiguous part of a BFS level: the new states it inserted
 * first (packed words and table slot), in the order it found them, with what it counted on the
 * way (successors generated, per-action coverage, invariant violations, a deadlock).
 */
final class LevelBatch {

    private final int words;
    long[] packed;
    /** The table slot of each state; -1 until found again when read back from disk. */
    int[] slots;
    /** The fingerprint of each state (also in the table, but there a cache miss away). */
    long[] fingerprints;
    /**
     * The fingerprint of the state each was first found from (0 for the initial state): a step
     * back to it is a known state of an earlier level, with no need to look it up.
     */
    long[] parentFingerprints;
    int size;
    long generated;
    final long[] fired;
    final long[] fresh;
    /** Pairs (slot, invariant) of new states violating a not-yet-violated invariant. */
    int[] violations = new int[8];
    int violationCount;
    int deadlocked = -1;

    LevelBatch(int words, int actions) {
        this(words, actions, 64);
    }

    /** An empty batch with room for {@code capacity} states before its arrays grow. */
    LevelBatch(int words, int actions, int capacity) {
        this.words = words;
        int room = Math.max(1, capacity);
        packed = new long[room * words];
        slots = new int[room];
        fingerprints = new long[room];
        parentFingerprints = new long[room];
        fired = new long[actions];
        fresh = new long[actions];
    }

    void add(long[] state, int slot, long fingerprint) {
        add(state, 0, slot, fingerprint, 0);
    }

    void add(long[] from, int offset, int slot, long fingerprint, long parentFingerprint) {
        if (size == slots.length) {
            slots = Arrays.copyOf(slots, size * 2);
            fingerprints = Arrays.copyOf(fingerprints, size * 2);
            parentFingerprints = Arrays.copyOf(parentFingerprints, size * 2);
            packed = Arrays.copyOf(packed, size * 2 * words);
        }
        System.arraycopy(from, offset, packed, size * words, words);
        fingerprints[size] = fingerprint;
        parentFingerprints[size] = parentFingerprint;
        slots[size++] = slot;
    }

    void violation(int slot, int invariant) {
        if (violationCount * 2 == violations.length) {
            violations = Arrays.copyOf(violations, violations.length * 2);
        }
        violations[violationCount * 2] = slot;
        violations[violationCount * 2 + 1] = invariant;
        violationCount++;
    }

    /** Bytes this batch holds, for the memory guard. */
    long bytes() {
        return packed.length * 8L + slots.length * 20L;
    }

    /** Moves every slot this batch holds after the table grew. */
    void remap(int[] move) {
        for (int k = 0; k < size; k++) {
            if (slots[k] >= 0) {
                slots[k] = move[slots[k]];
            }
        }
        for (int k = 0; k < violationCount; k++) {
            violations[2 * k] = move[violations[2 * k]];
        }
        if (deadlocked >= 0) {
            deadlocked = move[deadlocked];
        }
    }
}
