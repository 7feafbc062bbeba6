package org.mpamcheck.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Symmetry reduction is sound only when the spec cannot tell the elements of a symmetric sort
 * apart: no constant names one of them, and the initial state is unchanged by swapping any two
 * (adjacent transpositions generate every permutation, so checking those suffices).
 */
final class InitSymmetry {

    private InitSymmetry() {
    }

    /** Whether a constant singles out elements of a symmetric sort. */
    static boolean namesSymmetricElement(Value v) {
        if (v instanceof Value.Atom a) {
            return a.sort().symmetric() || (a.sort() instanceof OptionSort o
                    && o.base().symmetric() && a.index() != o.noneIndex());
        }
        if (v instanceof Value.SetVal s) {
            return s.element().symmetric() && s.bits() != 0
                    && Long.bitCount(s.bits()) != s.element().size();
        }
        if (v instanceof Value.FnVal f) {
            return f.values().stream().anyMatch(InitSymmetry::namesSymmetricElement)
                    || (f.type().domain().symmetric() && f.values().stream().distinct().count() > 1);
        }
        return false;
    }

    static void check(List<Sort> sorts, List<Variable> vars, List<Value> init) {
        for (Sort s : sorts) {
            if (!s.symmetric()) {
                continue;
            }
            for (int i = 0; i + 1 < s.size(); i++) {
                int[] perm = new int[s.size()];
                for (int k = 0; k < perm.length; k++) {
                    perm[k] = k;
                }
                perm[i] = i + 1;
                perm[i + 1] = i;
                for (int k = 0; k < vars.size(); k++) {
                    if (!permute(init.get(k), s, perm).equals(init.get(k))) {
                        throw new SpecException("initial value of " + vars.get(k).name()
                                + " tells elements of symmetric sort " + s.name() + " apart");
                    }
                }
            }
        }
    }

    /** The value with every element of {@code s} renamed by {@code perm}. */
    static Value permute(Value v, Sort s, int[] perm) {
        if (v instanceof Value.Atom a) {
            if (a.sort().equals(s)) {
                return new Value.Atom(s, perm[a.index()]);
            }
            boolean someOfS = a.sort() instanceof OptionSort o && o.base().equals(s)
                    && a.index() != o.noneIndex();
            return someOfS ? new Value.Atom(a.sort(), perm[a.index()]) : a;
        }
        if (v instanceof Value.SetVal set && set.element().equals(s)) {
            long bits = 0;
            for (int i = 0; i < perm.length; i++) {
                if (set.contains(i)) {
                    bits |= 1L << perm[i];
                }
            }
            return new Value.SetVal(s, bits);
        }
        if (v instanceof Value.FnVal f) {
            List<Value> out = new ArrayList<>(f.values());
            for (int i = 0; i < f.values().size(); i++) {
                int to = f.type().domain().equals(s) ? perm[i] : i;
                out.set(to, permute(f.values().get(i), s, perm));
            }
            return new Value.FnVal(f.type(), out);
        }
        return v;
    }
}
