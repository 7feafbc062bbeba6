package org.mpamcheck.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.mpamcheck.check.Limits;
import org.mpamcheck.check.Progress;

/**
 * Breadth-first search, level by level. Visited states are only fingerprints with a parent slot
 * ({@link FingerprintTable}, 12 bytes a cell); full states live only in the frontier (the level
 * being expanded and the one being found); a counterexample is rebuilt by re-execution along the
 * parent chain ({@link TraceBuilder}). Workers expand parts of a level and insert into the table
 * concurrently, without locks; each round of parts is sized so the table cannot fill up, and the
 * table grows between rounds. Distinct counts are the same for any number of workers; with one
 * worker the numbering and the counterexamples are the same on every run.
 */
final class BreadthFirstSearch {

    /** Why the search stopped. */
    enum Stop { EXHAUSTED, ALL_VIOLATED, STATE_LIMIT, TIME_LIMIT, MEMORY }

    private static final int PART = 256;
    /** The fewest states a round expands before the table must grow (unless the level ends). */
    private static final int MIN_ROUND = 512;
    private static final int RECENT_BITS = 14;
    private static final double MAX_LOAD = 0.9;
    private static final double TARGET_LOAD = 0.76;
    /** Heap kept free for everything but the table and the frontier. */
    private static final long HEAP_RESERVE = 48L << 20;

    private record Part(LevelBatch batch, int from, int to) {
    }

    final CompiledSpec spec;
    private final Transitions transitions;
    private final Symmetry symmetry;
    private final Limits limits;
    private final Progress progress;
    private final int words;
    private final long maxBranching;
    final FingerprintTable table = new FingerprintTable(1 << 12);
    private final AtomicLong accepted = new AtomicLong();
    private volatile boolean limitHit;
    /** Per invariant: the slot of the first state found violating it, or -1. */
    final int[] violation;
    /** The level (expansion round of the search) each violation was found in. */
    private final int[] violationLevel;
    /** The slot of the first state with no successor, or -1 (only when deadlock is checked). */
    int deadlock = -1;
    private int deadlockLevel = -1;
    /** How many levels have been expanded: tells this level's finds from earlier ones. */
    private int expanded;
    final long[] fired;
    final long[] fresh;
    long generated;
    int levels;
    Stop stop;
    long peakFrontierBytes;
    private final long started = System.nanoTime();
    private long lastProgress = started;
    /** Invariants not yet violated, as of the start of the current round. */
    private final boolean[] open;
    private final Worker[] workers;

    /** Bytes the table and the frontier may take: beyond, the memory guard stops the search. */
    private final long memoryBudget;

    BreadthFirstSearch(CompiledSpec spec, Transitions transitions, Limits limits,
            Progress progress, long memoryBudget) {
        this.memoryBudget = memoryBudget;
        this.spec = spec;
        this.transitions = transitions;
        this.symmetry = limits.symmetry() ? Symmetry.of(spec.spec, spec.layout) : Symmetry.none();
        this.limits = limits;
        this.progress = progress;
        this.words = spec.layout.words();
        this.maxBranching = spec.maxBranching();
        this.violation = new int[spec.invariantCount()];
        Arrays.fill(violation, -1);
        this.violationLevel = new int[violation.length];
        this.fired = new long[spec.actionCount()];
        this.fresh = new long[spec.actionCount()];
        this.open = new boolean[violation.length];
        this.workers = new Worker[Math.max(1, limits.workers())];
        for (int k = 0; k < workers.length; k++) {
            workers[k] = new Worker();
        }
    }

    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    long distinct() {
        return Math.min(accepted.get(), limits.maxStates());
    }

    /** The fingerprint the table holds for a state given by its unpacked slots. */
    long fingerprintOf(long[] slots, long[] packedScratch) {
        transitions.pack(symmetry.canonical(slots), packedScratch);
        long fp = FingerprintTable.fingerprint(packedScratch, 0, words);
        return fp == 0 ? 1 : fp;
    }

    void run() throws InterruptedException, ExecutionException {
        long[] init = spec.layout.encode(spec.spec.initialState());
        LevelBatch level = new LevelBatch(words, fired.length);
        long[] packed = new long[words];
        spec.layout.pack(symmetry.canonical(init), packed, 0);
        int slot = table.insert(FingerprintTable.fingerprint(packed, 0, words),
                FingerprintTable.NONE);
        accepted.set(1);
        level.add(packed, slot);
        generated = 1;
        Frame f = spec.newFrame();
        for (int i = 0; i < violation.length; i++) {
            if (!transitions.holds(i, init, f)) {
                violation[i] = slot;
            }
        }
        List<LevelBatch> current = List.of(level);
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
                if (current.stream().allMatch(b -> b.size == 0)) {
                    stop = Stop.EXHAUSTED;
                    return;
                }
                List<LevelBatch> next = expandLevel(current, pool);
                if (next == null) {
                    return;
                }
                if (next.stream().anyMatch(b -> b.size > 0)) {
                    levels++;
                }
                current = next;
                progress.update("level " + levels, distinct(), generated, levels, seconds());
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

    /** Expands one level in rounds; null when a limit stopped the search ({@link #stop} says). */
    private List<LevelBatch> expandLevel(List<LevelBatch> level, ExecutorService pool)
            throws InterruptedException, ExecutionException {
        expanded++;
        table.newLevel();
        List<LevelBatch> found = new ArrayList<>();
        long levelBytes = frontierBytes(level);
        long foundBytes = 0;
        long deadline = deadline();
        long remaining = 0;
        for (LevelBatch b : level) {
            remaining += b.size;
        }
        int batch = 0;
        int offset = 0;
        while (remaining > 0) {
            if (System.nanoTime() > deadline) {
                stop = Stop.TIME_LIMIT;
                return null;
            }
            long minRound = Math.min(remaining, MIN_ROUND);
            long roundStates = roundBudget() / maxBranching;
            if (roundStates < minRound) {
                if (!grow(minRound, level, found, levelBytes + foundBytes)) {
                    stop = Stop.MEMORY;
                    return null;
                }
                roundStates = Math.max(1, roundBudget() / maxBranching);
            }
            roundStates = Math.min(roundStates, remaining);
            int partSize = (int) Math.max(1, Math.min(PART,
                    roundStates / (4L * workers.length)));
            List<Part> parts = new ArrayList<>();
            for (long taken = 0; taken < roundStates; ) {
                LevelBatch b = level.get(batch);
                int to = (int) Math.min(b.size, offset + Math.min(partSize, roundStates - taken));
                parts.add(new Part(b, offset, to));
                taken += to - offset;
                offset = to;
                if (offset == b.size) {
                    batch++;
                    offset = 0;
                }
            }
            remaining -= roundStates;
            LevelBatch[] out = runRound(parts, pool, deadline);
            for (LevelBatch b : out) {
                if (b == null) {
                    stop = Stop.TIME_LIMIT;
                    return null;
                }
                merge(b);
                found.add(b);
                foundBytes += b.bytes();
            }
            if (limitHit) {
                stop = Stop.STATE_LIMIT;
                return null;
            }
            long frontier = levelBytes + foundBytes;
            peakFrontierBytes = Math.max(peakFrontierBytes, frontier);
            if (table.bytes() + frontier > memoryBudget) {
                stop = Stop.MEMORY;
                return null;
            }
            if (System.nanoTime() - lastProgress > 1_000_000_000L) {
                lastProgress = System.nanoTime();
                progress.update("level " + (levels + 1), distinct(), generated, levels, seconds());
            }
        }
        return found;
    }

    /** Cells that may still fill before the table passes its maximum load. */
    private long roundBudget() {
        return Math.max(0, (long) (MAX_LOAD * table.capacity()) - table.size());
    }

    private static long frontierBytes(List<LevelBatch> batches) {
        long total = 0;
        for (LevelBatch b : batches) {
            total += b.bytes();
        }
        return total;
    }

    /**
     * The default memory budget: the space long-lived arrays can occupy (the old generation's
     * maximum where the collector has one, e.g. two thirds of the heap under ParallelGC), at
     * most 85% of the heap (G1 needs free regions to place large arrays), less a reserve for
     * everything else.
     */
    static long heapBudget() {
        long max = (long) (Runtime.getRuntime().maxMemory() * 0.85);
        for (java.lang.management.MemoryPoolMXBean pool
                : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName();
            long poolMax = pool.getUsage() == null ? -1 : pool.getUsage().getMax();
            if (pool.getType() == java.lang.management.MemoryType.HEAP && poolMax > 0
                    && (name.contains("Old") || name.contains("Tenured"))) {
                max = Math.min(max, poolMax);
            }
        }
        return max - HEAP_RESERVE;
    }

    /**
     * Grows the table so a round of at least {@code minRound} states fits, and moves every slot the
     * search holds. False when the grown table would not fit the heap: the memory guard.
     */
    private boolean grow(long minRound, List<LevelBatch> level, List<LevelBatch> found,
            long frontier) {
        long size = table.size();
        long wanted = Math.max((long) (size / TARGET_LOAD),
                (long) ((size + minRound * maxBranching) / MAX_LOAD) + 1);
        if (table.capacity() < (1 << 20)) {
            wanted = Math.max(wanted, 2L * table.capacity());
        }
        long during = table.bytes() + FingerprintTable.bytesFor(wanted) + 4L * table.capacity();
        if (wanted > Integer.MAX_VALUE - 8 || during + frontier > memoryBudget) {
            return false;
        }
        int[] move = table.grow((int) wanted);
        for (LevelBatch b : level) {
            b.remap(move);
        }
        for (LevelBatch b : found) {
            b.remap(move);
        }
        for (int i = 0; i < violation.length; i++) {
            if (violation[i] >= 0) {
                violation[i] = move[violation[i]];
            }
        }
        if (deadlock >= 0) {
            deadlock = move[deadlock];
        }
        return true;
    }

    /** Expands the parts of one round; an element is null when the time limit struck first. */
    private LevelBatch[] runRound(List<Part> parts, ExecutorService pool, long deadline)
            throws InterruptedException, ExecutionException {
        LevelBatch[] out = new LevelBatch[parts.size()];
        for (int i = 0; i < open.length; i++) {
            open[i] = violation[i] < 0 || violationLevel[i] == expanded;
        }
        if (pool == null) {
            Worker w = workers[0];
            for (int i = 0; i < parts.size() && System.nanoTime() <= deadline; i++) {
                out[i] = w.expand(parts.get(i));
            }
            return out;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (Worker w : workers) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < parts.size()
                        && System.nanoTime() <= deadline) {
                    out[i] = w.expand(parts.get(i));
                }
            }));
        }
        for (Future<?> fu : futures) {
            fu.get();
        }
        return out;
    }

    private void merge(LevelBatch b) {
        generated += b.generated;
        for (int a = 0; a < fired.length; a++) {
            fired[a] += b.fired[a];
            fresh[a] += b.fresh[a];
        }
        // within a level the state with the least fingerprint wins: the same for any workers
        for (int k = 0; k < b.violationCount; k++) {
            int inv = b.violations[2 * k + 1];
            int slot = b.violations[2 * k];
            if (violation[inv] < 0 || (violationLevel[inv] == expanded
                    && table.fingerprint(slot) < table.fingerprint(violation[inv]))) {
                violation[inv] = slot;
                violationLevel[inv] = expanded;
            }
        }
        if (b.deadlocked >= 0 && limits.checkDeadlock() && (deadlock < 0
                || (deadlockLevel == expanded
                        && table.fingerprint(b.deadlocked) < table.fingerprint(deadlock)))) {
            deadlock = b.deadlocked;
            deadlockLevel = expanded;
        }
    }

    /** One worker's scratch and its successor sink: canonical form, fingerprint, insert. */
    private final class Worker implements Transitions.SuccessorSink {
        private final Frame frame = spec.newFrame();
        private final Frame check = spec.newFrame();
        private final long[] slots = new long[spec.layout.slots()];
        private final long[] packed = new long[words];
        /**
         * Fingerprints this worker saw lately, direct-mapped: a state reached again from a
         * nearby one (a diamond of independent steps) is found here without touching the table.
         */
        private final long[] recent = new long[1 << RECENT_BITS];
        private final int[] recentLevel = new int[1 << RECENT_BITS];
        private LevelBatch batch;
        /**
         * One state's successors not found in {@link #recent}, held until all are known so that
         * their table cells are read together (the loads overlap) before any insert.
         */
        private long[] pendingPacked = new long[64 * words];
        private long[] pendingFp = new long[64];
        private int[] pendingAction = new int[64];
        private int pending;

        LevelBatch expand(Part part) {
            batch = new LevelBatch(words, fired.length);
            LevelBatch in = part.batch();
            for (int k = part.from(); k < part.to() && !limitHit; k++) {
                transitions.unpack(in.packed, k * words, slots);
                pending = 0;
                boolean any = transitions.successors(slots, frame, this);
                if (!any && (batch.deadlocked < 0 || table.fingerprint(in.slots[k])
                        < table.fingerprint(batch.deadlocked))) {
                    batch.deadlocked = in.slots[k];
                }
                insertPending(in.slots[k]);
            }
            return batch;
        }

        @Override
        public boolean accept(int action, long[] bound, long[] next) {
            batch.generated++;
            batch.fired[action]++;
            transitions.pack(symmetry.canonical(next), packed);
            long fp = FingerprintTable.fingerprint(packed, 0, words);
            fp = fp == 0 ? 1 : fp;
            int r = (int) (fp >>> (64 - RECENT_BITS));
            if (recent[r] == fp && recentLevel[r] != expanded) {
                // seen in an earlier level: nothing to do (a state of this level may yet be
                // offered a smaller parent, so it goes to the table)
                return true;
            }
            recent[r] = fp;
            recentLevel[r] = expanded;
            if (pending == pendingFp.length) {
                pendingFp = Arrays.copyOf(pendingFp, pending * 2);
                pendingAction = Arrays.copyOf(pendingAction, pending * 2);
                pendingPacked = Arrays.copyOf(pendingPacked, pending * 2 * words);
            }
            System.arraycopy(packed, 0, pendingPacked, pending * words, words);
            pendingFp[pending] = fp;
            pendingAction[pending++] = action;
            return true;
        }

        /** Inserts the held successors; new ones join the batch and have invariants checked. */
        private void insertPending(int parent) {
            long touched = 0;
            for (int j = 0; j < pending; j++) {
                touched += table.peek(pendingFp[j]);
            }
            sink = touched;
            for (int j = 0; j < pending && !limitHit; j++) {
                int slot = table.insert(pendingFp[j], parent);
                if (slot < 0) {
                    if (table.insertedThisLevel(-1 - slot)) {
                        table.offerParent(-1 - slot, parent);
                    }
                    continue;
                }
                if (accepted.incrementAndGet() > limits.maxStates()) {
                    limitHit = true;
                    return;
                }
                batch.fresh[pendingAction[j]]++;
                batch.add(pendingPacked, j * words, slot);
                transitions.unpack(pendingPacked, j * words, slots);
                for (int i = 0; i < open.length; i++) {
                    if (open[i] && !transitions.holds(i, slots, check)) {
                        batch.violation(slot, i);
                    }
                }
            }
        }

        /** Keeps the reads of {@link #insertPending}'s first loop from being optimised away. */
        @SuppressWarnings("unused")
        private long sink;
    }

    /** The slots from the initial state to {@code slot}, following parents. */
    int[] path(int slot) {
        List<Integer> rev = new ArrayList<>();
        for (int i = slot; i != FingerprintTable.NONE; i = table.parent(i)) {
            rev.add(i);
        }
        int[] out = new int[rev.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = rev.get(out.length - 1 - k);
        }
        return out;
    }
}
