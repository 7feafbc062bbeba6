package org.mpamcheck.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mpamcheck.check.Limits;
import org.mpamcheck.check.Progress;

/**
 * Level-synchronous breadth-first search. Each level is expanded in parallel (workers take
 * contiguous parts of the level and keep their successors in order), then merged sequentially in
 * level order, so distinct counts, state numbering and counterexamples are the same for any
 * number of workers, and the first state found violating an invariant is at minimal depth.
 */
final class BreadthFirstSearch {

    /** Why the search stopped. */
    enum Stop { EXHAUSTED, ALL_VIOLATED, STATE_LIMIT, TIME_LIMIT }

    private static final int PART = 512;

    private final CompiledSpec compiled;
    private final Symmetry symmetry;
    private final Limits limits;
    private final Progress progress;
    private final int words;
    private final FingerprintSet seen = new FingerprintSet(1 << 16);
    final StateStore store;
    /** Per invariant: the index of the first state found violating it, or -1. */
    final int[] violation;
    /** The first state with no successor, or -1 (only when deadlock is checked). */
    int deadlock = -1;
    long generated;
    int levels;
    Stop stop;
    private final long started = System.nanoTime();

    BreadthFirstSearch(CompiledSpec compiled, Limits limits, Progress progress) {
        this.compiled = compiled;
        this.symmetry = limits.symmetry() ? Symmetry.of(compiled.spec, compiled.layout)
                : Symmetry.none();
        this.limits = limits;
        this.progress = progress;
        this.words = compiled.layout.words();
        this.store = new StateStore(words);
        this.violation = new int[compiled.invariantCount()];
        Arrays.fill(violation, -1);
    }

    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    long[] canonicalPacked(long[] slots) {
        long[] packed = new long[words];
        compiled.layout.pack(symmetry.canonical(slots), packed, 0);
        return packed;
    }

    void run() throws InterruptedException, ExecutionException {
        long[] init = compiled.layout.encode(compiled.spec.initialState());
        long[] packed = canonicalPacked(init);
        seen.add(FingerprintSet.fingerprint(packed, 0, words));
        store.add(packed, 0, -1);
        generated = 1;
        record(0, violated(init, compiled.newFrame()));
        int levelStart = 0;
        int levelEnd = 1;
        levels = 1;
        ExecutorService pool = limits.workers() > 1
                ? Executors.newFixedThreadPool(limits.workers(), r -> {
                    Thread t = new Thread(r, "mpamcheck-worker");
                    t.setDaemon(true);
                    return t;
                }) : null;
        try {
            while (true) {
                if (allViolated()) {
                    stop = Stop.ALL_VIOLATED;
                    return;
                }
                if (levelStart == levelEnd) {
                    stop = Stop.EXHAUSTED;
                    return;
                }
                List<LevelBatch> batches = expand(levelStart, levelEnd, pool);
                if (batches == null) {
                    stop = Stop.TIME_LIMIT;
                    return;
                }
                if (!merge(batches)) {
                    stop = Stop.STATE_LIMIT;
                    return;
                }
                levelStart = levelEnd;
                levelEnd = store.size();
                if (levelEnd > levelStart) {
                    levels++;
                }
                progress.update("level " + levels, store.size(), generated, levels, seconds());
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private boolean allViolated() {
        for (int v : violation) {
            if (v < 0) {
                return false;
            }
        }
        return limits.checkDeadlock() ? deadlock >= 0 : violation.length > 0;
    }

    private long deadline() {
        long nanos = limits.timeout().toNanos();
        return nanos <= 0 || nanos > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : started + nanos;
    }

    /** Expands one level; null when the time limit struck first. */
    private List<LevelBatch> expand(int from, int to, ExecutorService pool)
            throws InterruptedException, ExecutionException {
        List<int[]> parts = new ArrayList<>();
        for (int s = from; s < to; s += PART) {
            parts.add(new int[] {s, Math.min(to, s + PART)});
        }
        long deadline = deadline();
        LevelBatch[] out = new LevelBatch[parts.size()];
        if (pool == null) {
            Frame f = compiled.newFrame();
            for (int i = 0; i < parts.size(); i++) {
                if (System.nanoTime() > deadline) {
                    return null;
                }
                out[i] = expandPart(parts.get(i)[0], parts.get(i)[1], f);
            }
        } else {
            java.util.concurrent.atomic.AtomicInteger next =
                    new java.util.concurrent.atomic.AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < limits.workers(); w++) {
                futures.add(pool.submit(() -> {
                    Frame f = compiled.newFrame();
                    int i;
                    while ((i = next.getAndIncrement()) < parts.size()
                            && System.nanoTime() <= deadline) {
                        out[i] = expandPart(parts.get(i)[0], parts.get(i)[1], f);
                    }
                }));
            }
            for (Future<?> fu : futures) {
                fu.get();
            }
            for (LevelBatch b : out) {
                if (b == null) {
                    return null;
                }
            }
        }
        return Arrays.asList(out);
    }

    private LevelBatch expandPart(int from, int to, Frame f) {
        LevelBatch batch = new LevelBatch(words);
        long[] packed = new long[words];
        long[] slots = new long[compiled.layout.slots()];
        Frame check = compiled.newFrame();
        for (int s = from; s < to; s++) {
            store.read(s, packed);
            compiled.layout.unpack(packed, 0, slots);
            final int parent = s;
            long[] out = new long[words];
            boolean any = compiled.successors(slots, f, (a, bound, next) -> {
                batch.generated++;
                compiled.layout.pack(symmetry.canonical(next), out, 0);
                long fp = FingerprintSet.fingerprint(out, 0, words);
                if (!seen.contains(fp)) {
                    batch.add(fp, out, parent, violated(next, check));
                }
                return true;
            });
            if (!any && batch.deadlocked < 0) {
                batch.deadlocked = s;
            }
        }
        return batch;
    }

    /** Bit i set: invariant i (not yet known violated) fails in this state. */
    private long violated(long[] slots, Frame f) {
        long mask = 0;
        for (int i = 0; i < violation.length; i++) {
            if (violation[i] < 0 && !compiled.holds(i, slots, f)) {
                mask |= 1L << i;
            }
        }
        return mask;
    }

    private void record(int stateIndex, long mask) {
        for (int i = 0; i < violation.length; i++) {
            if ((mask >>> i & 1) != 0 && violation[i] < 0) {
                violation[i] = stateIndex;
            }
        }
    }

    /** Adds a level's new states in order; false when the state limit was reached. */
    private boolean merge(List<LevelBatch> batches) {
        for (LevelBatch b : batches) {
            generated += b.generated;
            if (b.deadlocked >= 0 && deadlock < 0 && limits.checkDeadlock()) {
                deadlock = b.deadlocked;
            }
            for (int k = 0; k < b.size; k++) {
                if (seen.add(b.fingerprints[k])) {
                    int index = store.add(b.packed, k * words, b.parents[k]);
                    record(index, b.violations[k]);
                    if (store.size() >= limits.maxStates()) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The stored path of state indices from the initial state to {@code index}. */
    int[] path(int index) {
        List<Integer> rev = new ArrayList<>();
        for (int i = index; i >= 0; i = store.parent(i)) {
            rev.add(i);
        }
        int[] out = new int[rev.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = rev.get(out.length - 1 - k);
        }
        return out;
    }
}
