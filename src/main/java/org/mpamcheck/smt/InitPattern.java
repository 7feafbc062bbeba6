package org.mpamcheck.smt;

import com.microsoft.z3.BoolExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mpamcheck.spec.BoolSort;
import org.mpamcheck.spec.EnumSort;
import org.mpamcheck.spec.OptionSort;
import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.SymmetricSort;
import org.mpamcheck.spec.Value;

/**
 * A concrete value (the spec gives its initial state at one scope) read as the same value at
 * every size. A function or set over a symmetric sort must be constant (every CPU starts idle,
 * every CPU starts online): it becomes {@code \A c : f(c) = v}. Over a range sort, the elements
 * the spec names (PARTID 0) keep their own value and every other element must share one
 * ({@code ctrlState}: 0 live, every other PARTID free), so the pattern holds however many PARTIDs
 * there are. Finite sorts are taken case by case. A value outside this pattern (one CPU singled
 * out, PARTID 3 different from PARTID 2) has no size-independent reading and is refused.
 */
final class InitPattern {

    private final Z3Encoding z;

    InitPattern(Z3Encoding z) {
        this.z = z;
    }

    Sym of(Value v) {
        if (v instanceof Value.Atom a) {
            return new Sym.Scalar(z.sorts.element(a));
        }
        if (v instanceof Value.IntVal i) {
            return new Sym.Num(i.value());
        }
        if (v instanceof Value.SetVal s) {
            List<Value> members = new ArrayList<>();
            for (int i = 0; i < s.element().size(); i++) {
                members.add(Value.bool(s.contains(i)));
            }
            return cases(s.element(), members, "the set " + s);
        }
        Value.FnVal f = (Value.FnVal) v;
        return cases(f.type().domain(), f.values(), "the function " + f);
    }

    /** The function over {@code domain} with these images, read size-independently. */
    private Sym.Fn cases(Sort domain, List<Value> images, String what) {
        List<Integer> own = new ArrayList<>();
        List<Integer> shared = new ArrayList<>();
        if (domain instanceof BoolSort || domain instanceof EnumSort) {
            for (int i = 0; i < domain.size(); i++) {
                own.add(i);
            }
        } else if (domain instanceof OptionSort o) {
            own.add(o.noneIndex());
            split(o.base(), own, shared);
        } else {
            split(domain, own, shared);
        }
        Sym other = null;
        if (!shared.isEmpty()) {
            Value first = images.get(shared.get(0));
            for (int i : shared) {
                if (!images.get(i).equals(first)) {
                    throw new EncodingException(what + " tells apart " + domain.label(shared.get(0))
                            + " and " + domain.label(i) + ", which no constant of the spec names: "
                            + "it has no size-independent reading");
                }
            }
            other = of(first);
        } else if (!(domain instanceof BoolSort || domain instanceof EnumSort)) {
            throw new EncodingException(what + " names every element of " + domain.name()
                    + " at this scope: nothing says what further elements hold");
        }
        List<com.microsoft.z3.Expr<?>> keys = new ArrayList<>();
        List<Sym> values = new ArrayList<>();
        for (int i : own) {
            keys.add(z.sorts.element(new Value.Atom(domain, i)));
            values.add(of(images.get(i)));
        }
        Sym fallback = other;
        SymEncoder ites = new SymEncoder(z, java.util.Map.of(), java.util.Map.of());
        return new Sym.Fn(domain, x -> {
            Sym result = fallback == null ? values.get(values.size() - 1) : fallback;
            int last = fallback == null ? keys.size() - 1 : keys.size();
            for (int i = last - 1; i >= 0; i--) {
                BoolExpr is = z.ctx.mkEq(x, keys.get(i));
                result = ites.ite(is, values.get(i), result);
            }
            return result;
        });
    }

    /** A range sort's named elements are its own cases; a symmetric sort has none. */
    private void split(Sort s, List<Integer> own, List<Integer> shared) {
        Set<Integer> named = s instanceof RangeSort r ? z.sorts.named(r).keySet() : Set.of();
        if (!(s instanceof RangeSort || s instanceof SymmetricSort)) {
            throw new EncodingException("a value over the sort " + s.name());
        }
        for (int i = 0; i < s.size(); i++) {
            (named.contains(i) ? own : shared).add(i);
        }
    }
}
