package org.mpamcheck.smt;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Constructor;
import com.microsoft.z3.Context;
import com.microsoft.z3.DatatypeSort;
import com.microsoft.z3.EnumSort;
import com.microsoft.z3.Expr;
import com.microsoft.z3.FuncDecl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mpamcheck.spec.BoolSort;
import org.mpamcheck.spec.OptionSort;
import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.SymmetricSort;
import org.mpamcheck.spec.Value;

/**
 * The Z3 sort of each spec sort, with no bound on the size of any that grows with the scope.
 * Symmetric sorts (CPUs, tasks, monitor slots, locks) are uninterpreted sorts. Range sorts
 * (PARTIDs, PMGs) are uninterpreted sorts too, ordered by a relation {@code le} axiomatised as a
 * total order whose least elements are the integers the spec names (PARTID 0 and whatever it
 * mentions up to the largest, each the immediate successor of the one before), so
 * "lowest free id" is expressible while the upper bound stays symbolic: no arithmetic, and the
 * sort stays in the effectively-propositional fragment. Enumerations are Z3 enumerations and
 * an option sort is a datatype {@code some(val) | none}.
 */
final class Z3Sorts {

    private final Context ctx;
    private final Map<String, com.microsoft.z3.Sort> sorts = new LinkedHashMap<>();
    private final Map<String, FuncDecl<com.microsoft.z3.BoolSort>> orders = new LinkedHashMap<>();
    private final Map<String, TreeMap<Integer, Expr<?>>> named = new LinkedHashMap<>();
    private final Map<String, Sort> specSorts = new LinkedHashMap<>();

    Z3Sorts(Context ctx) {
        this.ctx = ctx;
    }

    /** The Z3 API builds datatypes from an array of generic constructors: unchecked. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    com.microsoft.z3.Sort of(Sort s) {
        com.microsoft.z3.Sort known = sorts.get(s.name());
        if (known != null) {
            return known;
        }
        com.microsoft.z3.Sort z;
        if (s instanceof BoolSort) {
            z = ctx.getBoolSort();
        } else if (s instanceof org.mpamcheck.spec.EnumSort e) {
            z = ctx.mkEnumSort(e.name(), e.values().toArray(String[]::new));
        } else if (s instanceof OptionSort o) {
            com.microsoft.z3.Sort base = of(o.base());
            Constructor<Object> some = ctx.mkConstructor("some" + o.base().name(),
                    "is_some" + o.base().name(), new String[] {"val" + o.base().name()},
                    new com.microsoft.z3.Sort[] {base}, null);
            Constructor<Object> none = ctx.mkConstructor(o.noneLabel(), "is_" + o.noneLabel(),
                    null, null, null);
            z = ctx.mkDatatypeSort(o.name(), new Constructor[] {some, none});
        } else {
            z = ctx.mkUninterpretedSort(s.name());
            if (s instanceof RangeSort) {
                orders.put(s.name(), ctx.mkFuncDecl("le" + s.name(),
                        new com.microsoft.z3.Sort[] {z, z}, ctx.getBoolSort()));
                named.put(s.name(), new TreeMap<>());
            }
        }
        sorts.put(s.name(), z);
        specSorts.put(s.name(), s);
        return z;
    }

    /** The term of a concrete element; symmetric elements have none (the spec never names one). */
    Expr<?> element(Value.Atom a) {
        Sort s = a.sort();
        com.microsoft.z3.Sort z = of(s);
        if (s instanceof BoolSort) {
            return ctx.mkBool(a.index() == 1);
        }
        if (s instanceof org.mpamcheck.spec.EnumSort) {
            return ((EnumSort<?>) z).getConst(a.index());
        }
        if (s instanceof OptionSort o) {
            DatatypeSort<?> d = (DatatypeSort<?>) z;
            if (a.index() == o.noneIndex()) {
                return ctx.mkApp(d.getConstructors()[1]);
            }
            return ctx.mkApp(d.getConstructors()[0], element(o.base().at(a.index())));
        }
        if (s instanceof RangeSort) {
            return named.get(s.name()).computeIfAbsent(a.index(),
                    i -> ctx.mkConst(s.name() + "_" + s.label(i), z));
        }
        throw new EncodingException("the constant " + a.label() + " names one element of the "
                + "symmetric sort " + s.name() + ": no size-independent meaning");
    }

    /** {@code a <= b} in a range sort's order. */
    BoolExpr le(RangeSort s, Expr<?> a, Expr<?> b) {
        of(s);
        return (BoolExpr) ctx.mkApp(orders.get(s.name()), a, b);
    }

    /** The option sort's {@code some} and {@code none}. */
    Expr<?> some(OptionSort o, Expr<?> base) {
        return ctx.mkApp(((DatatypeSort<?>) of(o)).getConstructors()[0], base);
    }

    FuncDecl<?> isSome(OptionSort o) {
        return ((DatatypeSort<?>) of(o)).getRecognizers()[0];
    }

    FuncDecl<?> val(OptionSort o) {
        return ((DatatypeSort<?>) of(o)).getAccessors()[0][0];
    }

    /** The named elements of a range sort so far, by index (index 0, the lowest, among them). */
    TreeMap<Integer, Expr<?>> named(RangeSort s) {
        element(s.at(0));
        return named.get(s.name());
    }

    Map<String, Sort> specSorts() {
        return specSorts;
    }

    /**
     * The order axioms of every range sort met so far: a total order, the named elements first
     * and consecutive (so Min and the named constants mean what they mean at any size).
     */
    List<BoolExpr> axioms() {
        List<BoolExpr> out = new ArrayList<>();
        for (Map.Entry<String, FuncDecl<com.microsoft.z3.BoolSort>> e : orders.entrySet()) {
            RangeSort s = (RangeSort) specSorts.get(e.getKey());
            com.microsoft.z3.Sort z = sorts.get(s.name());
            Expr<?> x = ctx.mkConst("x!" + s.name(), z);
            Expr<?> y = ctx.mkConst("y!" + s.name(), z);
            Expr<?> w = ctx.mkConst("w!" + s.name(), z);
            out.add(ctx.mkForall(new Expr<?>[] {x}, le(s, x, x), 1, null, null, null, null));
            out.add(ctx.mkForall(new Expr<?>[] {x, y}, ctx.mkImplies(ctx.mkAnd(le(s, x, y),
                    le(s, y, x)), ctx.mkEq(x, y)), 1, null, null, null, null));
            out.add(ctx.mkForall(new Expr<?>[] {x, y, w}, ctx.mkImplies(ctx.mkAnd(le(s, x, y),
                    le(s, y, w)), le(s, x, w)), 1, null, null, null, null));
            out.add(ctx.mkForall(new Expr<?>[] {x, y}, ctx.mkOr(le(s, x, y), le(s, y, x)), 1,
                    null, null, null, null));
            TreeMap<Integer, Expr<?>> consts = named(s);
            for (int i = 1; i <= consts.lastKey(); i++) {
                element(s.at(i));
            }
            Expr<?> lowest = consts.get(0);
            out.add(ctx.mkForall(new Expr<?>[] {x}, le(s, lowest, x), 1, null, null, null, null));
            for (int i = 1; i <= consts.lastKey(); i++) {
                Expr<?> below = consts.get(i - 1);
                Expr<?> c = consts.get(i);
                out.add(ctx.mkNot(ctx.mkEq(below, c)));
                out.add(le(s, below, c));
                out.add(ctx.mkForall(new Expr<?>[] {x}, ctx.mkImplies(ctx.mkAnd(le(s, below, x),
                        le(s, x, c)), ctx.mkOr(ctx.mkEq(x, below), ctx.mkEq(x, c))), 1, null,
                        null, null, null));
            }
        }
        return out;
    }

    /** The range order's declaration, for reading a model back. */
    FuncDecl<com.microsoft.z3.BoolSort> order(RangeSort s) {
        of(s);
        return orders.get(s.name());
    }

    static boolean unbounded(Sort s) {
        return s instanceof SymmetricSort || s instanceof RangeSort;
    }
}
