package org.mpamcheck.smt;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.FuncDecl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mpamcheck.spec.BoolSort;
import org.mpamcheck.spec.EnumSort;
import org.mpamcheck.spec.OptionSort;
import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Value;
import org.mpamcheck.spec.Variable;

/**
 * One Z3 context's vocabulary for a spec: the sorts, a state's variables as function symbols
 * (a variable of type {@code [A -> [B -> C]]} is {@code f(a, b) : C}, a set {@code S(x) : Bool}),
 * quantifiers over spec sorts, and the definitional side conditions that fresh symbols (the
 * least element of a set) bring along. Concrete values (the initial state, constants) become
 * size-independent terms through {@link InitPattern}.
 */
final class Z3Encoding {

    final Context ctx;
    final Z3Sorts sorts;
    final Spec spec;
    private final List<BoolExpr> sideConditions = new ArrayList<>();
    private int fresh;

    Z3Encoding(Context ctx, Spec spec) {
        this.ctx = ctx;
        this.spec = spec;
        this.sorts = new Z3Sorts(ctx);
        spec.sorts().forEach(sorts::of);
        NamedConstants.of(spec).forEach(sorts::element);
    }

    /** The function symbols of one state's variables, named {@code prefix_variable}. */
    Map<Variable, FuncDecl<?>> declare(String prefix) {
        Map<Variable, FuncDecl<?>> out = new LinkedHashMap<>();
        for (Variable v : spec.variables()) {
            List<com.microsoft.z3.Sort> args = new ArrayList<>();
            Type t = v.type();
            while (!(t instanceof Type.Scalar)) {
                if (t instanceof Type.SetOf s) {
                    args.add(sorts.of(s.element()));
                    t = Type.BOOL;
                } else {
                    Type.FnOf f = (Type.FnOf) t;
                    args.add(sorts.of(f.domain()));
                    t = f.range();
                }
            }
            out.put(v, ctx.mkFuncDecl(prefix + "_" + v.name(),
                    args.toArray(com.microsoft.z3.Sort[]::new),
                    sorts.of(((Type.Scalar) t).sort())));
        }
        return out;
    }

    /** Each variable of a declared state as a symbolic value. */
    Map<Variable, Sym> state(Map<Variable, FuncDecl<?>> decls) {
        Map<Variable, Sym> out = new LinkedHashMap<>();
        decls.forEach((v, f) -> out.put(v, applied(f, v.type(), List.of())));
        return out;
    }

    private Sym applied(FuncDecl<?> f, Type t, List<com.microsoft.z3.Expr<?>> args) {
        if (t instanceof Type.Scalar) {
            return new Sym.Scalar(ctx.mkApp(f, args.toArray(com.microsoft.z3.Expr[]::new)));
        }
        Sort domain = t instanceof Type.SetOf s ? s.element() : ((Type.FnOf) t).domain();
        Type range = t instanceof Type.SetOf ? Type.BOOL : ((Type.FnOf) t).range();
        return new Sym.Fn(domain, x -> {
            List<com.microsoft.z3.Expr<?>> more = new ArrayList<>(args);
            more.add(x);
            return applied(f, range, more);
        });
    }

    /**
     * {@code \A x : body(x)} (or {@code \E}) over a spec sort: a Z3 quantifier over an
     * uninterpreted sort, cases over a finite one, and {@code none} plus the base for an option.
     */
    BoolExpr quantify(boolean all, Sort s, Function<com.microsoft.z3.Expr<?>, BoolExpr> body) {
        if (s instanceof BoolSort || s instanceof EnumSort) {
            BoolExpr[] cases = new BoolExpr[s.size()];
            for (int i = 0; i < s.size(); i++) {
                cases[i] = body.apply(sorts.element(s.at(i)));
            }
            return all ? ctx.mkAnd(cases) : ctx.mkOr(cases);
        }
        if (s instanceof OptionSort o) {
            BoolExpr none = body.apply(sorts.element(o.none()));
            BoolExpr some = quantify(all, o.base(), x -> body.apply(sorts.some(o, x)));
            return all ? ctx.mkAnd(none, some) : ctx.mkOr(none, some);
        }
        com.microsoft.z3.Expr<?> x = ctx.mkConst(s.name().toLowerCase() + "!" + fresh++,
                sorts.of(s));
        BoolExpr b = body.apply(x);
        com.microsoft.z3.Expr<?>[] xs = new com.microsoft.z3.Expr<?>[] {x};
        return all ? ctx.mkForall(xs, b, 1, null, null, null, null)
                : ctx.mkExists(xs, b, 1, null, null, null, null);
    }

    /** {@code |set| >= k}: k distinct members (an existential block, no integers). */
    BoolExpr atLeast(Sym.Fn set, long k) {
        if (k <= 0) {
            return ctx.mkTrue();
        }
        if (k > 8) {
            throw new EncodingException("a cardinality bound of " + k + " (at most 8 is encoded)");
        }
        return atLeast(set, (int) k, new ArrayList<>());
    }

    private BoolExpr atLeast(Sym.Fn set, int k, List<com.microsoft.z3.Expr<?>> chosen) {
        if (chosen.size() == k) {
            List<BoolExpr> parts = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                parts.add((BoolExpr) set.at().apply(chosen.get(i)).term());
                for (int j = 0; j < i; j++) {
                    parts.add(ctx.mkNot(ctx.mkEq(chosen.get(i), chosen.get(j))));
                }
            }
            return ctx.mkAnd(parts.toArray(BoolExpr[]::new));
        }
        return quantify(false, set.domain(), x -> {
            List<com.microsoft.z3.Expr<?>> more = new ArrayList<>(chosen);
            more.add(x);
            return atLeast(set, k, more);
        });
    }

    /**
     * A fresh constant for the least element of a set of a range sort; its definition (when the
     * set is not empty: a member below every member) is a side condition of the obligation.
     */
    com.microsoft.z3.Expr<?> least(RangeSort s, Sym.Fn set) {
        com.microsoft.z3.Expr<?> m = ctx.mkConst("min" + s.name() + "!" + fresh++, sorts.of(s));
        BoolExpr nonEmpty = quantify(false, s, x -> (BoolExpr) set.at().apply(x).term());
        BoolExpr below = quantify(true, s, x -> ctx.mkImplies((BoolExpr) set.at().apply(x).term(),
                sorts.le(s, m, x)));
        sideConditions.add(ctx.mkImplies(nonEmpty, ctx.mkAnd((BoolExpr) set.at().apply(m).term(),
                below)));
        return m;
    }

    /** Each unbounded sort has at least as many elements as in the spec's own scope. */
    List<BoolExpr> atLeastShape() {
        List<BoolExpr> out = new ArrayList<>();
        for (Sort s : spec.sorts()) {
            if (Z3Sorts.unbounded(s) && s.size() > 1) {
                com.microsoft.z3.Expr<?>[] xs = new com.microsoft.z3.Expr<?>[s.size()];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = ctx.mkConst("floor!" + s.name() + i, sorts.of(s));
                }
                out.add(ctx.mkDistinct(xs));
            }
        }
        return out;
    }

    /** Each unbounded sort has at most as many elements as in the spec's own scope. */
    List<BoolExpr> atMostShape() {
        return atMost(spec);
    }

    /** Each unbounded sort has exactly as many elements as in {@code sized}. */
    List<BoolExpr> exactly(Spec sized) {
        List<BoolExpr> out = atMost(sized);
        for (Sort s : sized.sorts()) {
            if (Z3Sorts.unbounded(s) && s.size() > 1) {
                com.microsoft.z3.Expr<?>[] xs = new com.microsoft.z3.Expr<?>[s.size()];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = ctx.mkConst("ceiling!" + s.name() + i, sorts.of(s));
                }
                out.add(ctx.mkDistinct(xs));
            }
        }
        return out;
    }

    private List<BoolExpr> atMost(Spec sized) {
        List<BoolExpr> out = new ArrayList<>();
        for (Sort s : sized.sorts()) {
            if (Z3Sorts.unbounded(s)) {
                BoolExpr[] is = new BoolExpr[s.size()];
                com.microsoft.z3.Expr<?> y = ctx.mkConst("ceiling!" + s.name(), sorts.of(s));
                for (int i = 0; i < is.length; i++) {
                    is[i] = ctx.mkEq(y, ctx.mkConst("ceiling!" + s.name() + i, sorts.of(s)));
                }
                out.add(ctx.mkForall(new com.microsoft.z3.Expr<?>[] {y}, ctx.mkOr(is), 1, null,
                        null, null, null));
            }
        }
        return out;
    }

    List<BoolExpr> sideConditions() {
        return sideConditions;
    }

    void addSideCondition(BoolExpr b) {
        sideConditions.add(b);
    }

    int freshIndex() {
        return fresh++;
    }

    /**
     * A choice ({@link CleanestChoice}) made once per obligation and state: the guards and the
     * updates of one action must see the same chosen id. Cleared by {@link #newObligation}.
     */
    private final Map<Map<Variable, Sym>, Map<org.mpamcheck.spec.Expr, com.microsoft.z3.Expr<?>>>
            choices = new java.util.IdentityHashMap<>();

    com.microsoft.z3.Expr<?> choice(Map<Variable, Sym> state, org.mpamcheck.spec.Expr e,
            Function<org.mpamcheck.spec.Expr, com.microsoft.z3.Expr<?>> make) {
        Map<org.mpamcheck.spec.Expr, com.microsoft.z3.Expr<?>> byExpr =
                choices.computeIfAbsent(state, k -> new java.util.IdentityHashMap<>());
        com.microsoft.z3.Expr<?> made = byExpr.get(e);
        if (made == null) {
            made = make.apply(e);
            byExpr.put(e, made);
        }
        return made;
    }

    /** Forgets the choices of the previous obligation (their side conditions went with it). */
    void newObligation() {
        choices.clear();
    }

    /** A concrete value, size-independent (see {@link InitPattern}). */
    Sym value(Value v) {
        return new InitPattern(this).of(v);
    }

    /** A fresh constant of a spec sort (an action's parameter). */
    com.microsoft.z3.Expr<?> constant(String name, Sort s) {
        return ctx.mkConst(name, sorts.of(s));
    }
}
