package org.mpamcheck.engine;

import java.util.Arrays;

/**
 * One worker of a {@link BreadthFirstSearch}: its scratch, and the successor sink that takes a
 * successor to its canonical form and fingerprint and inserts it into the shared table. It
 * expands parts of a level and returns what it found in a {@link LevelBatch}.
 */
final class ExpansionWorker implements Transitions.SuccessorSink {

    private final BreadthFirstSearch search;
    /** This worker's index: its mark bitmap in the table. */
    private final int index;
    private final Transitions transitions;
    private final Symmetry symmetry;
    private final FingerprintTable table;
    private final int words;
    private final Frame frame;
    private final Frame check;
    private final long[] slots;
    private final long[] packed;
    /**
     * Whether the successor function hands over packed successors (generated code, symmetry
     * off): then a step costs the words it changes, not a pack of every slot.
     */
    private final boolean packedSuccessors;
    /**
     * Fingerprints this worker saw lately, direct-mapped: a state reached again from a
     * nearby one (a diamond of independent steps) is found here without touching the table.
     */
    private final long[] recent = new long[1 << BreadthFirstSearch.RECENT_BITS];
    private final int[] recentLevel = new int[1 << BreadthFirstSearch.RECENT_BITS];
    /**
     * For a recent fingerprint of this level: the least parent fingerprint this worker has
     * offered it. The table's parent is then at most that, so a parent no smaller need not go to
     * the table (the parent rule of {@link FingerprintTable#offerParent}).
     */
    private final long[] recentParent = new long[1 << BreadthFirstSearch.RECENT_BITS];
    /** The slot of that parent. */
    private final int[] recentParentSlot = new int[1 << BreadthFirstSearch.RECENT_BITS];
    /**
     * The table slot of a recent fingerprint inserted in this level, once this worker's insert
     * or lookup has found it (else -1): a smaller parent is then offered to the slot directly,
     * a cell this worker touched lately, instead of by a lookup.
     */
    private final int[] recentSlot = new int[1 << BreadthFirstSearch.RECENT_BITS];
    private LevelBatch batch;
    /** The fingerprint and table slot of the state being expanded. */
    private long parentFp;
    private int parentSlot;
    /** The fingerprint of the state it was first found from (0 for the initial state). */
    private long grandparentFp;
    /**
     * Successors not found in {@link #recent}, of one state or several, held until about
     * {@link #PENDING_BATCH} are known so that their table cells are read together (the cache
     * misses overlap) before any insert. They are inserted in the order found, so the table is
     * filled as if each were inserted at once.
     */
    private long[] pendingPacked;
    private long[] pendingFp = new long[64];
    private int[] pendingAction = new int[64];
    private int[] pendingParent = new int[64];
    private long[] pendingParentFp = new long[64];
    private int pending;
    private static final int PENDING_BATCH = 32;
    /** New states of this part not yet added to the shared count (see {@link #insertPending}). */
    private long uncounted;
    /** Cells this part filled in the table, reported at its end. */
    private long inserted;

    ExpansionWorker(BreadthFirstSearch search, int index) {
        this.search = search;
        this.index = index;
        this.transitions = search.transitions;
        this.symmetry = search.symmetry.forWorker();
        this.table = search.table;
        this.words = search.words;
        this.frame = search.spec.newFrame();
        this.check = search.spec.newFrame();
        this.slots = new long[search.spec.layout.slots()];
        this.packed = new long[words];
        this.pendingPacked = new long[64 * words];
        this.packedSuccessors = transitions.packsSuccessors() && symmetry.isIdentity();
        forgetSlots();
    }

    /** Forgets every table slot this worker holds: the table grew and slots moved. */
    void forgetSlots() {
        Arrays.fill(recentSlot, -1);
        Arrays.fill(recentParentSlot, FingerprintTable.NONE);
    }

    LevelBatch expand(BreadthFirstSearch.Part part) {
        batch = new LevelBatch(words, search.fired.length);
        LevelBatch in = part.batch();
        uncounted = 0;
        inserted = 0;
        pending = 0;
        boolean exact = search.exactCount;
        if (part.from() < part.to() && in.slots[part.from()] < 0) {
            findSlots(in, part.from(), part.to());
        }
        for (int k = part.from(); k < part.to() && !search.limitHit; k++) {
            transitions.unpack(in.packed, k * words, slots);
            if (packedSuccessors) {
                frame.parentPacked = in.packed;
                frame.parentOffset = k * words;
                System.arraycopy(in.packed, k * words, frame.packedNext, 0, words);
            }
            parentFp = in.fingerprints[k];
            grandparentFp = in.parentFingerprints[k];
            parentSlot = in.slots[k];
            boolean any = transitions.successors(slots, frame, this);
            if (!any && (batch.deadlocked < 0 || parentFp
                    < table.fingerprint(batch.deadlocked))) {
                batch.deadlocked = parentSlot;
            }
            if (pending >= PENDING_BATCH || k + 1 == part.to()) {
                insertPending(exact);
            }
        }
        frame.parentPacked = null;
        if (uncounted > 0) {
            search.accepted.addAndGet(uncounted);
        }
        table.added(inserted);
        return batch;
    }

    /**
     * Finds again the table slots of states read back from disk after the table grew (see
     * {@link Frontier}): every home cell first, so the cache misses overlap.
     */
    private void findSlots(LevelBatch in, int from, int to) {
        touchHomes(in.fingerprints, from, to);
        for (int k = from; k < to; k++) {
            in.slots[k] = table.slotOf(in.fingerprints[k]);
        }
    }

    @Override
    public boolean accept(int action, long[] bound, long[] next) {
        batch.generated++;
        batch.fired[action]++;
        long[] p = packed;
        if (packedSuccessors) {
            p = frame.packedNext;
        } else {
            transitions.pack(symmetry.canonical(next), packed);
        }
        long fp = FingerprintTable.fingerprint(p, 0, words);
        fp = fp == 0 ? 1 : fp;
        if (fp == grandparentFp) {
            // a step back to where this state came from: a state of an earlier level
            return true;
        }
        int r = (int) (fp >>> (64 - BreadthFirstSearch.RECENT_BITS));
        if (recent[r] == fp) {
            if (recentLevel[r] != search.expanded || recentParent[r] <= parentFp) {
                // seen in an earlier level, or offered a parent no larger in this one
                return true;
            }
            int slot = recentSlot[r];
            if (slot >= 0) {
                table.offerParent(slot, parentSlot, parentFp, recentParentSlot[r],
                        recentParent[r]);
                recentParent[r] = parentFp;
                recentParentSlot[r] = parentSlot;
                return true;
            }
        } else {
            recent[r] = fp;
            recentLevel[r] = search.expanded;
            recentSlot[r] = -1;
        }
        recentParent[r] = parentFp;
        recentParentSlot[r] = parentSlot;
        if (pending == pendingFp.length) {
            pendingFp = Arrays.copyOf(pendingFp, pending * 2);
            pendingAction = Arrays.copyOf(pendingAction, pending * 2);
            pendingParent = Arrays.copyOf(pendingParent, pending * 2);
            pendingParentFp = Arrays.copyOf(pendingParentFp, pending * 2);
            pendingPacked = Arrays.copyOf(pendingPacked, pending * 2 * words);
        }
        System.arraycopy(p, 0, pendingPacked, pending * words, words);
        pendingFp[pending] = fp;
        pendingParent[pending] = parentSlot;
        pendingParentFp[pending] = parentFp;
        pendingAction[pending++] = action;
        return true;
    }

    /**
     * Inserts the held successors; new ones join the batch and have invariants checked.
     * {@code exact}: count each new state at once in the shared count (the state limit may be
     * reached in this round); else count them at the end of the part.
     */
    private void insertPending(boolean exact) {
        touchHomes(pendingFp, 0, pending);
        int held = pending;
        pending = 0;
        boolean anyOpen = false;
        for (boolean o : search.open) {
            anyOpen |= o;
        }
        for (int j = 0; j < held && !search.limitHit; j++) {
            int parent = pendingParent[j];
            long fp = pendingFp[j];
            int slot = table.insert(fp, parent, index);
            int r = (int) (fp >>> (64 - BreadthFirstSearch.RECENT_BITS));
            boolean cached = recent[r] == fp;
            if (slot < 0) {
                if (table.insertedThisLevel(-1 - slot)) {
                    table.offerParent(-1 - slot, parent, pendingParentFp[j]);
                    if (cached) {
                        recentSlot[r] = -1 - slot;
                    }
                } else if (cached) {
                    // a state of an earlier level: every later hit skips it
                    recentLevel[r] = -1;
                }
                continue;
            }
            if (cached) {
                recentSlot[r] = slot;
            }
            inserted++;
            if (!exact) {
                uncounted++;
            } else if (search.accepted.incrementAndGet() > search.limits.maxStates()) {
                search.limitHit = true;
                return;
            }
            batch.fresh[pendingAction[j]]++;
            batch.add(pendingPacked, j * words, slot, pendingFp[j], pendingParentFp[j]);
            if (anyOpen) {
                transitions.unpack(pendingPacked, j * words, slots);
                for (int i = 0; i < search.open.length; i++) {
                    if (search.open[i] && !transitions.holds(i, slots, check)) {
                        batch.violation(slot, i);
                    }
                }
            }
        }
    }

    /**
     * Reads the home cell of each fingerprint in {@code fps[from, to)} before any is used, so
     * their cache misses overlap instead of coming one lookup at a time.
     */
    private void touchHomes(long[] fps, int from, int to) {
        long touched = 0;
        for (int k = from; k < to; k++) {
            touched += table.peek(fps[k]);
        }
        sink = touched;
    }

    /** Keeps the reads of {@link #touchHomes} from being optimised away. */
    @SuppressWarnings("unused")
    private long sink;
}
