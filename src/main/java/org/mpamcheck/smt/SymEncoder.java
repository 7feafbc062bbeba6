package org.mpamcheck.smt;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Variable;

/**
 * Translates spec expressions into Z3 terms over one state: each variable is a {@link Sym}
 * (the pre-state's function symbols, or an action's update in terms of them), each parameter a
 * Z3 term (an action's parameters are free constants; a binder's variable is bound). Finite sorts
 * (booleans, enumerations, the none of an option) are expanded into cases, so quantifiers range
 * only over the uninterpreted sorts. Generic over the spec language: nothing here names a model
 * variable.
 */
final class SymEncoder implements Expr.Visitor<Sym> {

    private final Z3Encoding z;
    private final Map<Variable, Sym> vars;
    private final Map<Param, com.microsoft.z3.Expr<?>> params;
    private final Set<Param> bound;

    SymEncoder(Z3Encoding z, Map<Variable, Sym> vars, Map<Param, com.microsoft.z3.Expr<?>> params) {
        this(z, vars, params, Set.of());
    }

    private SymEncoder(Z3Encoding z, Map<Variable, Sym> vars,
            Map<Param, com.microsoft.z3.Expr<?>> params, Set<Param> bound) {
        this.z = z;
        this.vars = vars;
        this.params = params;
        this.bound = bound;
    }

    Sym encode(Expr e) {
        return e.accept(this);
    }

    BoolExpr bool(Expr e) {
        return (BoolExpr) encode(e).term();
    }

    private Context ctx() {
        return z.ctx;
    }

    /** This encoder with {@code p} bound to {@code value} (a binder's variable). */
    SymEncoder with(Param p, com.microsoft.z3.Expr<?> value) {
        Map<Param, com.microsoft.z3.Expr<?>> ps = new HashMap<>(params);
        ps.put(p, value);
        Set<Param> bs = new HashSet<>(bound);
        bs.add(p);
        return new SymEncoder(z, vars, ps, bs);
    }

    public Sym visit(Expr.Const e) {
        return z.value(e.value());
    }

    public Sym visit(Expr.VarRef e) {
        Sym s = vars.get(e.variable());
        if (s == null) {
            throw new EncodingException("no state variable " + e.variable().name());
        }
        return s;
    }

    public Sym visit(Expr.ParamRef e) {
        com.microsoft.z3.Expr<?> t = params.get(e.param());
        if (t == null) {
            throw new EncodingException("unbound parameter " + e.param().name());
        }
        return new Sym.Scalar(t);
    }

    public Sym visit(Expr.Eq e) {
        Sym l = encode(e.left());
        Sym r = encode(e.right());
        return new Sym.Scalar(equal(numberAsRange(l, e.right().type()),
                numberAsRange(r, e.left().type())));
    }

    /** An integer constant compared with a range value is that range's element. */
    private Sym numberAsRange(Sym s, Type other) {
        if (s instanceof Sym.Num n && other instanceof Type.Scalar sc
                && sc.sort() instanceof RangeSort r) {
            return new Sym.Scalar(z.sorts.element(r.of((int) n.value())));
        }
        return s;
    }

    BoolExpr equal(Sym a, Sym b) {
        if (a instanceof Sym.Scalar x && b instanceof Sym.Scalar y) {
            return ctx().mkEq(x.term(), y.term());
        }
        if (a instanceof Sym.Fn f && b instanceof Sym.Fn g) {
            return z.quantify(true, f.domain(), x -> equal(f.at().apply(x), g.at().apply(x)));
        }
        if (a instanceof Sym.Num x && b instanceof Sym.Num y) {
            return ctx().mkBool(x.value() == y.value());
        }
        if (a instanceof Sym.Card c && b instanceof Sym.Num n) {
            return ctx().mkAnd(z.atLeast(c.set(), n.value()),
                    ctx().mkNot(z.atLeast(c.set(), n.value() + 1)));
        }
        if (a instanceof Sym.Num && b instanceof Sym.Card) {
            return equal(b, a);
        }
        throw new EncodingException("an equality between a " + a.getClass().getSimpleName()
                + " and a " + b.getClass().getSimpleName() + " (only cardinalities compared "
                + "with constants are encoded)");
    }

    public Sym visit(Expr.Not e) {
        return new Sym.Scalar(ctx().mkNot(bool(e.operand())));
    }

    public Sym visit(Expr.Junction e) {
        BoolExpr[] ops = e.operands().stream().map(this::bool).toArray(BoolExpr[]::new);
        return new Sym.Scalar(e.and() ? ctx().mkAnd(ops) : ctx().mkOr(ops));
    }

    public Sym visit(Expr.Implies e) {
        return new Sym.Scalar(ctx().mkImplies(bool(e.premise()), bool(e.conclusion())));
    }

    public Sym visit(Expr.Ite e) {
        return ite(bool(e.condition()), encode(e.then()), encode(e.otherwise()));
    }

    /** The Z3 API types if-then-else by the branches' sort, which a Sym does not carry. */
    @SuppressWarnings("unchecked")
    Sym ite(BoolExpr c, Sym a, Sym b) {
        if (a instanceof Sym.Scalar x && b instanceof Sym.Scalar y) {
            return new Sym.Scalar(ctx().mkITE(c,
                    (com.microsoft.z3.Expr<com.microsoft.z3.Sort>) x.term(),
                    (com.microsoft.z3.Expr<com.microsoft.z3.Sort>) y.term()));
        }
        if (a instanceof Sym.Fn f && b instanceof Sym.Fn g) {
            return new Sym.Fn(f.domain(), x -> ite(c, f.at().apply(x), g.at().apply(x)));
        }
        throw new EncodingException("a conditional over integers");
    }

    public Sym visit(Expr.Compare e) {
        Sym l = encode(e.left());
        Sym r = encode(e.right());
        boolean strict = e.op() == Expr.CompareOp.LT;
        if (l instanceof Sym.Num a && r instanceof Sym.Num b) {
            return new Sym.Scalar(ctx().mkBool(strict ? a.value() < b.value()
                    : a.value() <= b.value()));
        }
        if (l instanceof Sym.Num n && r instanceof Sym.Card c) {
            // n < |S| iff |S| >= n+1; n <= |S| iff |S| >= n.
            return new Sym.Scalar(z.atLeast(c.set(), n.value() + (strict ? 1 : 0)));
        }
        if (l instanceof Sym.Card c && r instanceof Sym.Num n) {
            // |S| < n iff not |S| >= n; |S| <= n iff not |S| >= n+1.
            return new Sym.Scalar(ctx().mkNot(z.atLeast(c.set(), n.value() + (strict ? 0 : 1))));
        }
        Type lt = e.left().type();
        Type rt = e.right().type();
        RangeSort sort = lt instanceof Type.Scalar s && s.sort() instanceof RangeSort rs ? rs
                : rt instanceof Type.Scalar s2 && s2.sort() instanceof RangeSort rs2 ? rs2 : null;
        if (sort != null) {
            com.microsoft.z3.Expr<?> a = numberAsRange(l, rt).term();
            com.microsoft.z3.Expr<?> b = numberAsRange(r, lt).term();
            BoolExpr le = z.sorts.le(sort, a, b);
            return new Sym.Scalar(strict ? ctx().mkAnd(le, ctx().mkNot(ctx().mkEq(a, b))) : le);
        }
        throw new EncodingException("the comparison " + org.mpamcheck.spec.Exprs.text(e)
                + " (only cardinalities with constants and range values are encoded)");
    }

    public Sym visit(Expr.Arith e) {
        throw new EncodingException("the arithmetic " + org.mpamcheck.spec.Exprs.text(e)
                + ": range sorts are ordered atoms without successor, so sums are outside the "
                + "encoding");
    }

    public Sym visit(Expr.Member e) {
        return encode(e.set()).fn().at().apply(encode(e.element()).term());
    }

    public Sym visit(Expr.SetBinary e) {
        Sym.Fn a = encode(e.left()).fn();
        Sym.Fn b = encode(e.right()).fn();
        return new Sym.Fn(a.domain(), x -> {
            BoolExpr p = (BoolExpr) a.at().apply(x).term();
            BoolExpr q = (BoolExpr) b.at().apply(x).term();
            switch (e.op()) {
                case UNION:
                    return new Sym.Scalar(ctx().mkOr(p, q));
                case INTER:
                    return new Sym.Scalar(ctx().mkAnd(p, q));
                default:
                    return new Sym.Scalar(ctx().mkAnd(p, ctx().mkNot(q)));
            }
        });
    }

    public Sym visit(Expr.SetLit e) {
        List<com.microsoft.z3.Expr<?>> elems = new ArrayList<>();
        e.elements().forEach(x -> elems.add(encode(x).term()));
        return new Sym.Fn(e.element(), x -> new Sym.Scalar(elems.isEmpty() ? ctx().mkFalse()
                : ctx().mkOr(elems.stream().map(y -> ctx().mkEq(x, y)).toArray(BoolExpr[]::new))));
    }

    public Sym visit(Expr.Filter e) {
        return new Sym.Fn(e.param().sort(), x -> new Sym.Scalar(with(e.param(), x)
                .bool(e.predicate())));
    }

    public Sym visit(Expr.Card e) {
        return new Sym.Card(encode(e.set()).fn());
    }

    public Sym visit(Expr.Min e) {
        Set<Param> free = new HashSet<>(bound);
        free.retainAll(FreeParams.of(e.set()));
        if (!free.isEmpty()) {
            throw new EncodingException("Min under a binder (" + org.mpamcheck.spec.Exprs.text(e)
                    + "): it would need a Skolem function");
        }
        Optional<CleanestChoice.Pattern> cleanest = CleanestChoice.match(e.set());
        if (cleanest.isPresent()) {
            com.microsoft.z3.Expr<?> chosen = z.choice(vars, e, x -> CleanestChoice.least(z,
                    cleanest.get(), this::with).orElse(null));
            if (chosen != null) {
                return new Sym.Scalar(chosen);
            }
        }
        Sym.Fn set = encode(e.set()).fn();
        RangeSort sort = (RangeSort) set.domain();
        return new Sym.Scalar(z.least(sort, set));
    }

    public Sym visit(Expr.Apply e) {
        return encode(e.function()).fn().at().apply(encode(e.argument()).term());
    }

    public Sym visit(Expr.Except e) {
        Sym.Fn f = encode(e.function()).fn();
        com.microsoft.z3.Expr<?> arg = encode(e.argument()).term();
        Sym value = encode(e.value());
        return new Sym.Fn(f.domain(), x -> ite(ctx().mkEq(x, arg), value, f.at().apply(x)));
    }

    public Sym visit(Expr.FnBuild e) {
        return new Sym.Fn(e.param().sort(), x -> with(e.param(), x).encode(e.body()));
    }

    public Sym visit(Expr.Quant e) {
        return new Sym.Scalar(z.quantify(e.all(), e.param().sort(),
                x -> with(e.param(), x).bool(e.body())));
    }

    public Sym visit(Expr.Some e) {
        return new Sym.Scalar(z.sorts.some(e.sort(), encode(e.value()).term()));
    }
}
