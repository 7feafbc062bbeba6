package org.mpamcheck.check;

import java.time.Duration;

/**
 * How far a checker may go. Hitting {@code maxStates} or {@code timeout} ends the run as
 * INCOMPLETE for every property not yet violated; by default there is no state limit (the native
 * engine's memory guard ends a run that would not fit the heap, also as INCOMPLETE).
 * {@code steps} bounds Alloy's traces; a bounded run is complete only when the bound reaches the
 * spec's diameter (depth of the full search), which the caller passes as {@code diameter} when a
 * search has measured it (0 = unknown).
 */
public record Limits(long maxStates, Duration timeout, int workers, boolean symmetry,
        boolean checkDeadlock, int steps, int diameter, long heapMegabytes) {

    public static final Limits DEFAULT = new Limits(Long.MAX_VALUE, Duration.ofHours(1),
            Math.max(1, Runtime.getRuntime().availableProcessors()), true, false, 0, 0, 4096);

    public Limits withMaxStates(long n) {
        return new Limits(n, timeout, workers, symmetry, checkDeadlock, steps, diameter,
                heapMegabytes);
    }

    public Limits withTimeout(Duration t) {
        return new Limits(maxStates, t, workers, symmetry, checkDeadlock, steps, diameter,
                heapMegabytes);
    }

    public Limits withWorkers(int n) {
        return new Limits(maxStates, timeout, n, symmetry, checkDeadlock, steps, diameter,
                heapMegabytes);
    }

    public Limits withSymmetry(boolean on) {
        return new Limits(maxStates, timeout, workers, on, checkDeadlock, steps, diameter,
                heapMegabytes);
    }

    public Limits withDeadlock(boolean on) {
        return new Limits(maxStates, timeout, workers, symmetry, on, steps, diameter,
                heapMegabytes);
    }

    public Limits withSteps(int k) {
        return new Limits(maxStates, timeout, workers, symmetry, checkDeadlock, k, diameter,
                heapMegabytes);
    }

    public Limits withDiameter(int d) {
        return new Limits(maxStates, timeout, workers, symmetry, checkDeadlock, steps, d,
                heapMegabytes);
    }

    public Limits withHeapMegabytes(long mb) {
        return new Limits(maxStates, timeout, workers, symmetry, checkDeadlock, steps, diameter,
                mb);
    }
}
