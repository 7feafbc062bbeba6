package org.mpamcheck.engine;

import java.io.IOException;
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
 * parent chain ({@link TraceBuilder}). A level whose frontier would take more than its share of
 * memory goes to disk and comes back one batch at a time ({@link Frontier}), so at a large scope
 * memory is the table alone. Workers expand parts of a level and insert into the table
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
    static final int RECENT_BITS = 14;
    private static final double MAX_LOAD = 0.9;
    private static final double TARGET_LOAD = 0.76;
    /** How full the table may get once no larger one fits: longer probes rather than a stop. */
    private static final double LAST_LOAD = 0.95;
    /**
     * The budget is shared as 1/RESERVE for the frontier in memory (the batches being expanded
     * and a round's finds, once the levels are on disk) and the rest for the largest table.
     */
    private static final int RESERVE = 32;

    /** Positions [from, to) of one batch of the level being expanded. */
    record Part(LevelBatch batch, int from, int to) {
    }

    final CompiledSpec spec;
    final Transitions transitions;
    final Symmetry symmetry;
    final Limits limits;
    private final Progress progress;
    final int words;
    private final long maxBranching;
    final FingerprintTable table;
    final AtomicLong accepted = new AtomicLong();
    volatile boolean limitHit;
    /**
     * Whether the state limit may be reached in this round: then workers count each new state
     * in {@link #accepted} at once; else at the end of each part (no shared write per state).
     */
    volatile boolean exactCount = true;
    /** Per invariant: the slot of the first state found violating it, or -1. */
    final int[] violation;
    /** The level (expansion round of the search) each violation was found in. */
    private final int[] violationLevel;
    /** The slot of the first state with no successor, or -1 (only when deadlock is checked). */
    int deadlock = -1;
    private int deadlockLevel = -1;
    /** How many levels have been expanded: tells this level's finds from earlier ones. */
    int expanded;
    final long[] fired;
    final long[] fresh;
    long generated;
    int levels;
    Stop stop;
    /** The most bytes the frontier took in memory (its part on disk: {@link #spill}). */
    long peakFrontierBytes;
    final FrontierSpill spill;
    private final long started = System.nanoTime();
    private long lastProgress = started;
    /** Invariants not yet violated, as of the start of the current round. */
    final boolean[] open;
    private final ExpansionWorker[] workers;

    /** Bytes the table and the frontier may take: beyond, the memory guard stops the search. */
    private final long memoryBudget;
    /**
     * The most states a round expands, so that its finds (a few a state, as batches: the words
     * and 20 bytes each) take at most half the frontier's reserve.
     */
    private final long maxRoundStates;

    BreadthFirstSearch(CompiledSpec spec, Transitions transitions, Limits limits,
            Progress progress, long memoryBudget, FrontierSpill.Policy spillPolicy) {
        this.memoryBudget = memoryBudget;
        this.spill = new FrontierSpill(spillPolicy, memoryBudget);
        this.spec = spec;
        this.transitions = transitions;
        this.symmetry = limits.symmetry() ? Symmetry.of(spec.spec, spec.layout) : Symmetry.none();
        this.limits = limits;
        this.progress = progress;
        this.words = spec.layout.words();
        this.maxBranching = spec.maxBranching();
        this.maxRoundStates = Math.max(MIN_ROUND,
                memoryBudget / RESERVE / 2 / (4 * (8L * words + 20)));
        this.violation = new int[spec.invariantCount()];
        Arrays.fill(violation, -1);
        this.violationLevel = new int[violation.length];
        this.fired = new long[spec.actionCount()];
        this.fresh = new long[spec.actionCount()];
        this.open = new boolean[violation.length];
        this.workers = new ExpansionWorker[Math.max(1, limits.workers())];
        this.table = new FingerprintTable(1 << 12, workers.length);
        for (int k = 0; k < workers.length; k++) {
            workers[k] = new ExpansionWorker(this, k);
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

    /** Searches; the spill files are gone when it returns or throws. */
    void run() throws InterruptedException, ExecutionException, IOException {
        long[] init = spec.layout.encode(spec.spec.initialState());
        LevelBatch level = new LevelBatch(words, fired.length);
        long[] packed = new long[words];
        spec.layout.pack(symmetry.canonical(init), packed, 0);
        long fp = FingerprintTable.fingerprint(packed, 0, words);
        int slot = table.insert(fp, FingerprintTable.NONE, 0);
        table.added(1);
        accepted.set(1);
        level.add(packed, slot, fp == 0 ? 1 : fp);
        generated = 1;
        Frame f = spec.newFrame();
        for (int i = 0; i < violation.length; i++) {
            if (!transitions.holds(i, init, f)) {
                violation[i] = slot;
            }
        }
        Frontier current = new Frontier(words, spill);
        current.add(level, table.generation());
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
                if (current.states() == 0) {
                    stop = Stop.EXHAUSTED;
                    return;
                }
                Frontier next = expandLevel(current, pool);
                current.release();
                if (next == null) {
                    return;
                }
                if (next.states() > 0) {
                    levels++;
                }
                current = next;
                progress.update("level " + levels, distinct(), generated, levels, seconds());
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            spill.close();
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

    /**
     * Expands one level in rounds, reading its batches in order; returns the next level, or null
     * when a limit stopped the search ({@link #stop} says).
     */
    private Frontier expandLevel(Frontier level, ExecutorService pool)
            throws InterruptedException, ExecutionException, IOException {
        expanded++;
        table.newLevel();
        Frontier found = new Frontier(words, spill);
        LevelBatch batch = null;
        int offset = 0;
        long deadline = deadline();
        long remaining = level.states();
        while (remaining > 0) {
            if (System.nanoTime() > deadline) {
                stop = Stop.TIME_LIMIT;
                return null;
            }
            long minRound = Math.min(remaining, MIN_ROUND);
            long roundStates = roundBudget(MAX_LOAD) / maxBranching;
            if (roundStates < minRound) {
                if (grow(minRound, level, found)) {
                    roundStates = Math.max(1, roundBudget(MAX_LOAD) / maxBranching);
                } else {
                    // no larger table fits: fill this one further before the guard stops
                    roundStates = roundBudget(LAST_LOAD) / maxBranching;
                    if (roundStates < 1) {
                        stop = Stop.MEMORY;
                        return null;
                    }
                }
            }
            roundStates = Math.min(Math.min(roundStates, remaining), maxRoundStates);
            int partSize = (int) Math.max(1, Math.min(PART,
                    roundStates / (4L * workers.length)));
            List<Part> parts = new ArrayList<>();
            for (long n = 0; n < roundStates; ) {
                if (batch == null || offset == batch.size) {
                    batch = level.next(table.generation());
                    offset = 0;
                }
                int to = (int) Math.min(batch.size, offset + Math.min(partSize, roundStates - n));
                parts.add(new Part(batch, offset, to));
                n += to - offset;
                offset = to;
            }
            remaining -= roundStates;
            exactCount = accepted.get() + roundStates * maxBranching >= limits.maxStates();
            LevelBatch[] out = runRound(parts, pool, deadline);
            for (LevelBatch b : out) {
                if (b == null) {
                    stop = Stop.TIME_LIMIT;
                    return null;
                }
                merge(b);
                found.add(b, table.generation());
            }
            if (limitHit) {
                stop = Stop.STATE_LIMIT;
                return null;
            }
            peakFrontierBytes = Math.max(peakFrontierBytes,
                    level.memoryBytes() + found.memoryBytes());
            level.expanded(offset < batch.size ? batch : null);
            // to disk past the frontier's share, or before the table could not grow beside it
            long frontier = level.memoryBytes() + found.memoryBytes();
            if (frontier > spill.threshold()
                    || growingBytes(grownCapacity(MIN_ROUND)) + frontier > memoryBudget) {
                found.spill(table.generation());
            }
            if (!fits(table.bytes(), level, found)) {
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

    /** Cells that may still fill before the table passes {@code load}. */
    private long roundBudget(double load) {
        return Math.max(0, (long) (load * table.capacity()) - table.size());
    }

    /** The capacity the table grows to so that a round of {@code minRound} states fits. */
    private long grownCapacity(long minRound) {
        long size = table.size();
        long wanted = Math.max((long) (size / TARGET_LOAD),
                (long) ((size + minRound * maxBranching) / MAX_LOAD) + 1);
        // each growth rehashes every cell: while memory is plentiful (the doubled table within
        // an eighth of the budget) double, so rehashing costs about one insert per state; when
        // it is scarce, grow once to the largest table the budget holds, so the memory goes to
        // cells (13 bytes a state when full) rather than to a copy at each of many small growths
        if (FingerprintTable.bytesFor(2L * table.capacity(), table.inserters())
                <= memoryBudget / 8) {
            return Math.max(wanted, 2L * table.capacity());
        }
        return Math.max(wanted, largestCapacity());
    }

    /** The most cells the table can grow to within the budget less the frontier's reserve. */
    private long largestCapacity() {
        long c = table.capacity();
        int inserters = table.inserters();
        long avail = memoryBudget - memoryBudget / RESERVE;
        // both phases of FingerprintTable.growingBytes are linear in the new capacity n, with
        // bytesFor(n) <= 12n + (n / 64 + 1) * 8 * inserters
        long oldMarks = FingerprintTable.bytesFor(c, inserters) - 12L * c;
        long byFingerprints = (avail - FingerprintTable.bytesFor(c, inserters) - 4L * c) / 8;
        long byWhole = (avail - 8L * c - oldMarks - 8L * inserters) * 8 / (96 + inserters);
        return Math.max(0, Math.min(Integer.MAX_VALUE - 8, Math.min(byFingerprints, byWhole)));
    }

    /** Bytes live while the table grows to {@code capacity}. */
    private long growingBytes(long capacity) {
        return FingerprintTable.growingBytes(table.capacity(), capacity, table.inserters());
    }

    /**
     * Whether {@code bytes} fit the budget beside the frontier in memory, once the level being
     * found and then the rest of the level being expanded have gone to disk if need be.
     */
    private boolean fits(long bytes, Frontier level, Frontier found) throws IOException {
        if (bytes + level.memoryBytes() + found.memoryBytes() > memoryBudget) {
            found.spill(table.generation());
        }
        if (bytes + level.memoryBytes() + found.memoryBytes() > memoryBudget) {
            level.spill(table.generation());
        }
        return bytes + level.memoryBytes() + found.memoryBytes() <= memoryBudget;
    }

    /**
     * Grows the table so a round of at least {@code minRound} states fits, and moves every slot the
     * search holds. False when the grown table would not fit the heap even with the frontier on
     * disk: the memory guard.
     */
    private boolean grow(long minRound, Frontier level, Frontier found) throws IOException {
        long wanted = grownCapacity(minRound);
        if (wanted > Integer.MAX_VALUE - 8 || !fits(growingBytes(wanted), level, found)) {
            return false;
        }
        int[] move = table.grow((int) wanted);
        for (ExpansionWorker w : workers) {
            w.forgetSlots();
        }
        level.remap(move);
        found.remap(move);
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
            ExpansionWorker w = workers[0];
            for (int i = 0; i < parts.size() && System.nanoTime() <= deadline; i++) {
                out[i] = w.expand(parts.get(i));
            }
            return out;
        }
        // each worker expands a run of consecutive parts, then helps with the others' runs:
        // neighbouring states share successors, which the worker's recent-state cache then finds
        // without the table (x86-plza at ci, 2 workers: 5-7% more lookups than 1 worker, against
        // 10-11% with parts dealt out in turn)
        int n = workers.length;
        AtomicInteger[] next = new AtomicInteger[n];
        int[] end = new int[n];
        for (int r = 0; r < n; r++) {
            next[r] = new AtomicInteger((int) ((long) r * parts.size() / n));
            end[r] = (int) ((long) (r + 1) * parts.size() / n);
        }
        List<Future<?>> futures = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            ExpansionWorker w = workers[k];
            int first = k;
            futures.add(pool.submit(() -> {
                for (int c = 0; c < n; c++) {
                    int run = (first + c) % n;
                    int i;
                    while ((i = next[run].getAndIncrement()) < end[run]
                            && System.nanoTime() <= deadline) {
                        out[i] = w.expand(parts.get(i));
                    }
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
}
