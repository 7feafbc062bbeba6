package org.mpamcheck.engine;

import java.util.Arrays;

/**
 * The new-looking successors one worker found for a contiguous part of a BFS level, in the order
 * it found them: fingerprint, packed words, parent index and the invariants they violate.
 */
final class LevelBatch {

    private final int words;
    long[] fingerprints = new long[64];
    long[] packed;
    int[] parents = new int[64];
    long[] violations = new long[64];
    int size;
    long generated;
    int deadlocked = -1;

    LevelBatch(int words) {
        this.words = words;
        packed = new long[64 * words];
    }

    void add(long fp, long[] words1, int parent, long violated) {
        if (size == fingerprints.length) {
            int cap = size * 2;
            fingerprints = Arrays.copyOf(fingerprints, cap);
            parents = Arrays.copyOf(parents, cap);
            violations = Arrays.copyOf(violations, cap);
            packed = Arrays.copyOf(packed, cap * words);
        }
        fingerprints[size] = fp;
        System.arraycopy(words1, 0, packed, size * words, words);
        parents[size] = parent;
        violations[size] = violated;
        size++;
    }
}
