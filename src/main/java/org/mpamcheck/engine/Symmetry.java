package org.mpamcheck.engine;

import java.util.ArrayList;
import java.util.List;
import org.mpamcheck.spec.OptionSort;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.Type;

/**
 * Symmetry reduction by sorting: each element of each symmetric sort gets a key that does not
 * depend on how any symmetric sort is named (its own slots, with symmetric values abstracted, and
 * the slots elsewhere that refer to it, by their position and their owners' own keys); the state
 * is then permuted so that every sort's elements are in key order. No permutation is enumerated
 * up front, so any number of CPUs and tasks costs only a sort per state.
 *
 * <p>Elements with equal keys are tied. When the ties allow at most {@link #TIE_LIMIT} orders,
 * all are tried and the least image kept: then the representative is the same for every state
 * of the orbit (the set of candidate images is), and counts equal those of full enumeration.
 * Beyond that, ties keep their index order: the representative is still a permutation of the
 * state (so no verdict can change), but two states of one orbit may keep two representatives
 * (more states, never fewer). Tied elements are almost always interchangeable in the state
 * itself, where every order gives the same image.
 */
final class Symmetry {

    private static final int TIE_LIMIT = 24;
    private static final long SELF = 0x5E1FL;
    private static final long SOME = 0x50E0L;
    private static final long NONE = 0x0E0EL;

    private final int slots;
    /** Per symmetric sort: its size. */
    private final int[] size;
    /** Per sort and slot: the element whose block holds the slot, or -1; and the block stride. */
    private final int[][] owner;
    private final int[][] stride;
    /** Per sort and element: the slots of its block, in slot order. */
    private final int[][][] block;
    /** Per slot: the sort its value names (-1: none), and whether it is a set of that sort. */
    private final int[] valueSort;
    private final boolean[] valueIsSet;
    /** Per slot: the slot with every symmetric index set to 0 (its position within blocks). */
    private final int[] slotClass;
    /** The slots whose value names a symmetric sort; per sort, those naming that sort. */
    private final int[] refSlots;
    private final int[][] refsOf;
    /**
     * Per sort and element: the slots of its block owned by that sort alone, in slot order (so
     * position j of two elements' lists correspond); and the slots with several owners.
     */
    private final int[][][] single;
    private final int[] multiOwned;

    // Scratch, so that a state costs no allocation: each worker has its own copy (forWorker).
    private final long[][] key;
    /** Per sort and element: its local key as seen from a slot it owns. */
    private final long[][] ownerHash;
    private final int[][] order;
    private final int[][] rename;
    private long[] out;
    private long[] best;
    private boolean haveBest;

    private Symmetry(int slots, int[] size, int[][] owner, int[][] stride, int[][][] block,
            int[] valueSort, boolean[] valueIsSet, int[] slotClass) {
        this.slots = slots;
        this.size = size;
        this.owner = owner;
        this.stride = stride;
        this.block = block;
        this.valueSort = valueSort;
        this.valueIsSet = valueIsSet;
        this.slotClass = slotClass;
        int sorts = size.length;
        this.refSlots = sorts == 0 ? new int[0]
                : java.util.stream.IntStream.range(0, slots).filter(k -> valueSort[k] >= 0).toArray();
        this.refsOf = new int[sorts][];
        for (int s = 0; s < sorts; s++) {
            int sort = s;
            refsOf[s] = java.util.Arrays.stream(refSlots).filter(k -> valueSort[k] == sort)
                    .toArray();
        }
        int[] owners = new int[slots];
        for (int s = 0; s < sorts; s++) {
            for (int k = 0; k < slots; k++) {
                owners[k] += owner[s][k] >= 0 ? 1 : 0;
            }
        }
        this.multiOwned = java.util.stream.IntStream.range(0, slots).filter(k -> owners[k] > 1)
                .toArray();
        this.single = new int[sorts][][];
        for (int s = 0; s < sorts; s++) {
            single[s] = new int[size[s]][];
            for (int i = 0; i < size[s]; i++) {
                single[s][i] = java.util.Arrays.stream(block[s][i]).filter(k -> owners[k] == 1)
                        .toArray();
            }
        }
        this.key = new long[sorts][];
        this.ownerHash = new long[sorts][];
        this.order = new int[sorts][];
        this.rename = new int[sorts][];
        for (int s = 0; s < sorts; s++) {
            key[s] = new long[size[s]];
            ownerHash[s] = new long[size[s]];
            order[s] = new int[size[s]];
            rename[s] = new int[size[s]];
        }
        this.out = new long[slots];
        this.best = new long[slots];
    }

    /** The identity (reduction off). */
    static Symmetry none() {
        return new Symmetry(0, new int[0], null, null, null, null, null, null);
    }

    /** The same reduction with scratch of its own, for one worker thread. */
    Symmetry forWorker() {
        return new Symmetry(slots, size, owner, stride, block, valueSort, valueIsSet, slotClass);
    }

    static Symmetry of(Spec spec, SlotLayout layout) {
        List<Sort> sorts = spec.sorts().stream().filter(Sort::symmetric).toList();
        int n = layout.slots();
        int[] size = sorts.stream().mapToInt(Sort::size).toArray();
        int[][] owner = new int[sorts.size()][n];
        int[][] stride = new int[sorts.size()][n];
        for (int[] o : owner) {
            java.util.Arrays.fill(o, -1);
        }
        for (int v = 0; v < spec.variables().size(); v++) {
            if (!place(spec.variables().get(v).type(), layout.offset(v), sorts, owner, stride)) {
                // a function indexed twice by one symmetric sort: not handled, so no reduction
                return none();
            }
        }
        int[][][] block = new int[sorts.size()][][];
        for (int s = 0; s < sorts.size(); s++) {
            List<List<Integer>> lists = new ArrayList<>();
            for (int i = 0; i < size[s]; i++) {
                lists.add(new ArrayList<>());
            }
            for (int k = 0; k < n; k++) {
                if (owner[s][k] >= 0) {
                    lists.get(owner[s][k]).add(k);
                }
            }
            block[s] = lists.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                    .toArray(int[][]::new);
        }
        int[] valueSort = new int[n];
        boolean[] valueIsSet = new boolean[n];
        int[] slotClass = new int[n];
        for (int k = 0; k < n; k++) {
            Sort t = layout.slotSort(k);
            Sort base = t instanceof OptionSort o ? o.base() : t;
            valueSort[k] = sorts.indexOf(base);
            valueIsSet[k] = layout.slotIsSet(k);
            int c = k;
            for (int s = 0; s < sorts.size(); s++) {
                if (owner[s][k] >= 0) {
                    c -= owner[s][k] * stride[s][k];
                }
            }
            slotClass[k] = c;
        }
        return new Symmetry(n, size, owner, stride, block, valueSort, valueIsSet, slotClass);
    }

    /**
     * Records, for each slot of a value of type {@code t} at {@code at}, its symmetric owners.
     * False when a slot would have two owners of one sort.
     */
    private static boolean place(Type t, int at, List<Sort> sorts, int[][] owner,
            int[][] stride) {
        if (!(t instanceof Type.FnOf f)) {
            return true;
        }
        int w = SlotLayout.width(f.range());
        int s = sorts.indexOf(f.domain());
        for (int i = 0; i < f.domain().size(); i++) {
            if (s >= 0) {
                for (int k = at + i * w; k < at + (i + 1) * w; k++) {
                    if (owner[s][k] >= 0) {
                        return false;
                    }
                    owner[s][k] = i;
                    stride[s][k] = w;
                }
            }
            if (!place(f.range(), at + i * w, sorts, owner, stride)) {
                return false;
            }
        }
        return true;
    }

    /** The bits of a set over n elements. */
    private static long mask(int n) {
        return n >= 64 ? -1L : (1L << n) - 1;
    }

    private static long mix(long h, long x) {
        h ^= x + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2);
        h *= 0xbf58476d1ce4e5b9L;
        return h ^ (h >>> 31);
    }

    /** Whether this is {@link #none()}: every state is its own representative. */
    boolean isIdentity() {
        return size.length == 0;
    }

    /**
     * The orbit's representative: {@code state} itself or this instance's scratch array, valid
     * until the next call (callers pack it at once). Not for two threads: see {@link #forWorker}.
     */
    long[] canonical(long[] state) {
        int sorts = size.length;
        if (sorts == 0) {
            return state;
        }
        for (int s = 0; s < sorts; s++) {
            for (int i = 0; i < size[s]; i++) {
                key[s][i] = localKey(state, s, i);
                ownerHash[s][i] = mix(s, key[s][i]);
            }
        }
        for (int k : refSlots) {
            int t = valueSort[k];
            long from = slotClass[k];
            for (int s = 0; s < sorts; s++) {
                int o = owner[s][k];
                if (o >= 0) {
                    from = mix(from, ownerHash[s][o]);
                }
            }
            long v = state[k];
            if (valueIsSet[k]) {
                long add = mix(from, 0x5E7L);
                for (long bits = v & mask(size[t]); bits != 0; bits &= bits - 1) {
                    key[t][Long.numberOfTrailingZeros(bits)] += add;
                }
            } else if (v < size[t]) {
                key[t][(int) v] += mix(from, 0x5CAL);
            }
        }
        long orders = 1;
        for (int s = 0; s < sorts; s++) {
            sortByKey(key[s], order[s]);
            untieTwins(state, s, key[s], order[s]);
            orders = Math.min(TIE_LIMIT + 1L, orders * tieOrders(key[s], order[s]));
        }
        if (orders == 1 || orders > TIE_LIMIT) {
            return image(state);
        }
        return leastOverTies(state);
    }

    /**
     * Unties a run of tied elements that are twins, interchangeable in the state itself (every
     * adjacent swap leaves it unchanged): every order of them gives the same image, so one is
     * enough. They get distinct keys in their present order.
     */
    private void untieTwins(long[] state, int s, long[] key, int[] order) {
        int p = 0;
        while (p < order.length) {
            int end = p + 1;
            while (end < order.length && key[order[end]] == key[order[p]]) {
                end++;
            }
            if (end - p > 1 && twins(state, s, order, p, end)) {
                for (int q = p; q < end; q++) {
                    key[order[q]] += q - p;
                }
            }
            p = end;
        }
    }

    private boolean twins(long[] state, int s, int[] order, int from, int end) {
        for (int q = from; q + 1 < end; q++) {
            if (!swapFixes(state, s, order[q], order[q + 1])) {
                return false;
            }
        }
        return true;
    }

    /** Whether swapping elements a and b of sort s leaves the state unchanged. */
    private boolean swapFixes(long[] state, int s, int a, int b) {
        int[] ba = block[s][a];
        int[] bb = block[s][b];
        for (int j = 0; j < ba.length; j++) {
            if (state[bb[j]] != swapValue(state[ba[j]], valueSort[ba[j]] == s, valueIsSet[ba[j]],
                    a, b)) {
                return false;
            }
        }
        for (int k : refsOf[s]) {
            if (owner[s][k] == a || owner[s][k] == b) {
                continue;
            }
            long v = state[k];
            if (valueIsSet[k] ? ((v >>> a) & 1) != ((v >>> b) & 1) : v == a || v == b) {
                return false;
            }
        }
        return true;
    }

    private static long swapValue(long v, boolean ofSort, boolean isSet, int a, int b) {
        if (!ofSort) {
            return v;
        }
        if (isSet) {
            long ba = (v >>> a) & 1;
            long bb = (v >>> b) & 1;
            return ba == bb ? v : v ^ (1L << a) ^ (1L << b);
        }
        return v == a ? b : v == b ? a : v;
    }

    /** A key of element i of sort s from its own slots, symmetric values abstracted. */
    private long localKey(long[] state, int s, int i) {
        long h = 0x1234567L + s;
        for (int k : block[s][i]) {
            long v = state[k];
            int t = valueSort[k];
            long feature;
            if (t < 0) {
                feature = v;
            } else if (valueIsSet[k]) {
                feature = Long.bitCount(v) * 31L + (t == s ? (v >>> i & 1) : 0);
            } else if (v >= size[t]) {
                feature = NONE;
            } else {
                feature = t == s && v == i ? SELF : SOME + t;
            }
            h = mix(h, mix(slotClass[k], feature));
        }
        return h;
    }

    /** Element indices sorted by key, ties by index (insertion sort: sorts are small). */
    private static void sortByKey(long[] key, int[] order) {
        for (int i = 0; i < order.length; i++) {
            int j = i;
            while (j > 0 && key[order[j - 1]] > key[i]) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
        }
    }

    private static long tieOrders(long[] key, int[] order) {
        long total = 1;
        int run = 1;
        for (int p = 1; p <= order.length; p++) {
            if (p < order.length && key[order[p]] == key[order[p - 1]]) {
                run++;
                total *= run;
                if (total > TIE_LIMIT) {
                    return total;
                }
            } else {
                run = 1;
            }
        }
        return total;
    }

    /**
     * The state with element {@code order[s][p]} of each sort s renamed to p (blocks move and
     * values, scalars, options and sets, are renamed), in {@link #out}; or the state itself when
     * every order is the identity.
     */
    private long[] image(long[] state) {
        int sorts = size.length;
        boolean identity = true;
        for (int s = 0; s < sorts; s++) {
            for (int p = 0; p < size[s]; p++) {
                rename[s][order[s][p]] = p;
                identity &= order[s][p] == p;
            }
        }
        if (identity) {
            return state;
        }
        long[] img = out;
        System.arraycopy(state, 0, img, 0, slots);
        for (int s = 0; s < sorts; s++) {
            for (int i = 0; i < size[s]; i++) {
                int r = rename[s][i];
                if (r != i) {
                    int[] from = single[s][i];
                    int[] into = single[s][r];
                    for (int j = 0; j < from.length; j++) {
                        img[into[j]] = state[from[j]];
                    }
                }
            }
        }
        for (int k : multiOwned) {
            img[target(k)] = state[k];
        }
        for (int k : refSlots) {
            // renamed where it now lies: the moves above kept its value
            int to = target(k);
            int t = valueSort[k];
            long v = state[k];
            if (valueIsSet[k]) {
                long bits = size[t] >= 64 ? 0 : v & (-1L << size[t]);
                for (long b = v & mask(size[t]); b != 0; b &= b - 1) {
                    bits |= 1L << rename[t][Long.numberOfTrailingZeros(b)];
                }
                img[to] = bits;
            } else if (v < size[t]) {
                img[to] = rename[t][(int) v];
            }
        }
        return img;
    }

    /** Where slot k lies in the image: moved by the renaming of each of its owners. */
    private int target(int k) {
        int to = k;
        for (int s = 0; s < size.length; s++) {
            int i = owner[s][k];
            if (i >= 0) {
                to += (rename[s][i] - i) * stride[s][k];
            }
        }
        return to;
    }

    /** The least image over every order of the tied elements (few: bounded by TIE_LIMIT). */
    private long[] leastOverTies(long[] state) {
        haveBest = false;
        permuteTies(state, 0, 0);
        return best;
    }

    private void permuteTies(long[] state, int s, int p) {
        if (s == order.length) {
            long[] img = image(state);
            if (!haveBest || java.util.Arrays.compare(img, best) < 0) {
                if (img == state) {
                    System.arraycopy(state, 0, best, 0, slots);
                } else {
                    out = best;
                    best = img;
                }
                haveBest = true;
            }
            return;
        }
        int[] o = order[s];
        if (p == o.length) {
            permuteTies(state, s + 1, 0);
            return;
        }
        int end = p + 1;
        while (end < o.length && key[s][o[end]] == key[s][o[p]]) {
            end++;
        }
        permuteRun(state, s, p, end);
    }

    /** Every arrangement of positions [at, end) of sort s's order (a tied run). */
    private void permuteRun(long[] state, int s, int at, int end) {
        if (at == end) {
            permuteTies(state, s, end);
            return;
        }
        int[] o = order[s];
        for (int j = at; j < end; j++) {
            swap(o, at, j);
            permuteRun(state, s, at + 1, end);
            swap(o, at, j);
        }
    }

    private static void swap(int[] a, int i, int j) {
        int x = a[i];
        a[i] = a[j];
        a[j] = x;
    }
}
