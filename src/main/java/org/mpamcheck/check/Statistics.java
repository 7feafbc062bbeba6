package org.mpamcheck.check;

/**
 * What a run covered. {@code distinct} and {@code generated} are states (for Alloy: 0, and
 * {@code clauses}/{@code variables} describe the SAT problem instead); {@code depth} is the length
 * of the longest shortest path found (breadth-first engines) or the step bound (Alloy).
 */
public record Statistics(long distinct, long generated, int depth, double seconds, long clauses,
        long variables) {

    public static Statistics ofSearch(long distinct, long generated, int depth, double seconds) {
        return new Statistics(distinct, generated, depth, seconds, 0, 0);
    }

    public double statesPerSecond() {
        return seconds <= 0 ? 0 : distinct / seconds;
    }
}
