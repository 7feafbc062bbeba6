package org.mpamcheck.engine;

import java.util.ArrayList;
import java.util.List;
import org.mpamcheck.spec.OptionSort;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.Type;

/**
 * Symmetry reduction: a state is replaced by the least (slot by slot) of its images under every
 * permutation of every symmetric sort, so each orbit is explored once. Each permutation is
 * precomputed as a slot move (functions over a symmetric domain swap blocks) and a value map per
 * slot (elements, options and sets of a symmetric sort are renamed).
 */
final class Symmetry {

    private record Permutation(int[] source, long[][] valueMap) {
    }

    private final Permutation[] permutations;

    private Symmetry(Permutation[] permutations) {
        this.permutations = permutations;
    }

    /** The identity-only symmetry (reduction off). */
    static Symmetry none() {
        return new Symmetry(new Permutation[0]);
    }

    static Symmetry of(Spec spec, SlotLayout layout) {
        List<Sort> symmetric = spec.sorts().stream().filter(Sort::symmetric).toList();
        List<int[][]> perSort = symmetric.stream().map(s -> allPermutations(s.size())).toList();
        List<Permutation> out = new ArrayList<>();
        int[] choice = new int[symmetric.size()];
        do {
            boolean identity = true;
            int[][] chosen = new int[symmetric.size()][];
            for (int i = 0; i < chosen.length; i++) {
                chosen[i] = perSort.get(i)[choice[i]];
                identity &= choice[i] == 0;
            }
            if (!identity) {
                out.add(build(spec, layout, symmetric, chosen));
            }
        } while (advance(choice, perSort));
        return new Symmetry(out.toArray(Permutation[]::new));
    }

    int size() {
        return permutations.length + 1;
    }

    private static boolean advance(int[] choice, List<int[][]> perSort) {
        for (int i = choice.length - 1; i >= 0; i--) {
            if (++choice[i] < perSort.get(i).length) {
                return true;
            }
            choice[i] = 0;
        }
        return false;
    }

    /** All permutations of 0..n-1, the identity first. */
    private static int[][] allPermutations(int n) {
        List<int[]> out = new ArrayList<>();
        permute(new int[n], new boolean[n], 0, out);
        return out.toArray(int[][]::new);
    }

    private static void permute(int[] cur, boolean[] used, int k, List<int[]> out) {
        if (k == cur.length) {
            out.add(cur.clone());
            return;
        }
        for (int v = 0; v < cur.length; v++) {
            if (!used[v]) {
                used[v] = true;
                cur[k] = v;
                permute(cur, used, k + 1, out);
                used[v] = false;
            }
        }
    }

    private static Permutation build(Spec spec, SlotLayout layout, List<Sort> sorts,
            int[][] perms) {
        int[] destination = new int[layout.slots()];
        for (int v = 0; v < spec.variables().size(); v++) {
            place(spec.variables().get(v).type(), layout.offset(v), layout.offset(v), sorts, perms,
                    destination);
        }
        int[] source = new int[layout.slots()];
        for (int k = 0; k < source.length; k++) {
            source[destination[k]] = k;
        }
        long[][] valueMap = new long[layout.slots()][];
        for (int k = 0; k < valueMap.length; k++) {
            for (int i = 0; i < sorts.size(); i++) {
                if (layout.slotOfSort(k, sorts.get(i))) {
                    int[] perm = perms[i];
                    if (layout.slotSort(k) instanceof OptionSort) {
                        perm = java.util.Arrays.copyOf(perm, perm.length + 1);
                        perm[perm.length - 1] = perm.length - 1;
                    }
                    valueMap[k] = valueTable(layout.slotSort(k), layout.slotIsSet(k), perm);
                }
            }
        }
        return new Permutation(source, valueMap);
    }

    /** Records where each slot of a value of type {@code t} at {@code from} moves to. */
    private static void place(Type t, int from, int to, List<Sort> sorts, int[][] perms,
            int[] destination) {
        if (!(t instanceof Type.FnOf f)) {
            destination[from] = to;
            return;
        }
        int w = SlotLayout.width(f.range());
        int s = sorts.indexOf(f.domain());
        for (int i = 0; i < f.domain().size(); i++) {
            int j = s >= 0 ? perms[s][i] : i;
            place(f.range(), from + i * w, to + j * w, sorts, perms, destination);
        }
    }

    private static long[] valueTable(Sort sort, boolean isSet, int[] perm) {
        if (isSet) {
            long[] table = new long[1 << perm.length];
            for (int bits = 0; bits < table.length; bits++) {
                long out = 0;
                for (int i = 0; i < perm.length; i++) {
                    if ((bits >>> i & 1) != 0) {
                        out |= 1L << perm[i];
                    }
                }
                table[bits] = out;
            }
            return table;
        }
        long[] table = new long[sort.size()];
        for (int v = 0; v < table.length; v++) {
            table[v] = perm[v];
        }
        return table;
    }

    /** The orbit's representative: {@code state} itself or a new array. */
    long[] canonical(long[] state) {
        long[] best = state;
        long[] scratch = null;
        for (Permutation p : permutations) {
            int n = state.length;
            int k = 0;
            int cmp = 0;
            while (k < n) {
                long v = image(p, state, k);
                if (v != best[k]) {
                    cmp = v < best[k] ? -1 : 1;
                    break;
                }
                k++;
            }
            if (cmp < 0) {
                if (scratch == null || scratch == best) {
                    scratch = new long[n];
                }
                for (int j = 0; j < n; j++) {
                    scratch[j] = image(p, state, j);
                }
                long[] old = best;
                best = scratch;
                scratch = old == state ? null : old;
            }
        }
        return best;
    }

    private static long image(Permutation p, long[] state, int dst) {
        int src = p.source()[dst];
        long[] map = p.valueMap()[src];
        long v = state[src];
        return map == null ? v : map[(int) v];
    }
}
