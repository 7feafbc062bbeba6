package org.mpamcheck.engine;

/**
 * An open-addressing set of 64-bit state fingerprints in one {@code long[]} with linear probing
 * (the layout of TLC's in-memory FPSet). Zero marks an empty cell, so fingerprint 0 is stored as
 * 1. Not thread-safe for writes; concurrent {@link #contains} is safe while nobody writes.
 */
final class FingerprintSet {

    private long[] table;
    private int size;
    private int mask;

    FingerprintSet(int initialCapacity) {
        int cap = Integer.highestOneBit(Math.max(16, initialCapacity) * 2 - 1);
        table = new long[cap];
        mask = cap - 1;
    }

    int size() {
        return size;
    }

    boolean contains(long fp) {
        long f = fp == 0 ? 1 : fp;
        int i = (int) (mix(f) & mask);
        while (true) {
            long t = table[i];
            if (t == f) {
                return true;
            }
            if (t == 0) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    /** Adds the fingerprint; returns false if it was there already. */
    boolean add(long fp) {
        long f = fp == 0 ? 1 : fp;
        if ((size + 1) * 10L > table.length * 7L) {
            grow();
        }
        int i = (int) (mix(f) & mask);
        while (true) {
            long t = table[i];
            if (t == f) {
                return false;
            }
            if (t == 0) {
                table[i] = f;
                size++;
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        mask = table.length - 1;
        for (long f : old) {
            if (f != 0) {
                int i = (int) (mix(f) & mask);
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = f;
            }
        }
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
