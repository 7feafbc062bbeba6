package org.mpamcheck.spec;

import java.util.Arrays;
import java.util.List;

/** The builders of the specification language: {@code import static ...Exprs.*}. */
public final class Exprs {

    public static final Expr TRUE = new Expr.Const(Value.bool(true));
    public static final Expr FALSE = new Expr.Const(Value.bool(false));

    private Exprs() {
    }

    public static Expr lit(Value v) {
        return new Expr.Const(v);
    }

    public static Expr num(long n) {
        return new Expr.Const(new Value.IntVal(n));
    }

    public static Expr var(Variable v) {
        return new Expr.VarRef(v);
    }

    public static Expr ref(Param p) {
        return new Expr.ParamRef(p);
    }

    public static Expr eq(Expr a, Expr b) {
        return new Expr.Eq(a, b);
    }

    public static Expr neq(Expr a, Expr b) {
        return new Expr.Not(new Expr.Eq(a, b));
    }

    public static Expr not(Expr e) {
        return new Expr.Not(e);
    }

    public static Expr and(Expr... es) {
        return es.length == 1 ? es[0] : new Expr.Junction(true, Arrays.asList(es));
    }

    public static Expr and(List<Expr> es) {
        return es.size() == 1 ? es.get(0) : new Expr.Junction(true, es);
    }

    public static Expr or(Expr... es) {
        return es.length == 1 ? es[0] : new Expr.Junction(false, Arrays.asList(es));
    }

    public static Expr or(List<Expr> es) {
        return es.size() == 1 ? es.get(0) : new Expr.Junction(false, es);
    }

    public static Expr implies(Expr a, Expr b) {
        return new Expr.Implies(a, b);
    }

    public static Expr ite(Expr c, Expr a, Expr b) {
        return new Expr.Ite(c, a, b);
    }

    public static Expr lt(Expr a, Expr b) {
        return new Expr.Compare(Expr.CompareOp.LT, a, b);
    }

    public static Expr le(Expr a, Expr b) {
        return new Expr.Compare(Expr.CompareOp.LE, a, b);
    }

    public static Expr gt(Expr a, Expr b) {
        return lt(b, a);
    }

    public static Expr ge(Expr a, Expr b) {
        return le(b, a);
    }

    public static Expr plus(Expr a, Expr b) {
        return new Expr.Arith(Expr.ArithOp.PLUS, a, b);
    }

    public static Expr minus(Expr a, Expr b) {
        return new Expr.Arith(Expr.ArithOp.MINUS, a, b);
    }

    public static Expr in(Expr e, Expr set) {
        return new Expr.Member(e, set);
    }

    public static Expr notIn(Expr e, Expr set) {
        return not(in(e, set));
    }

    public static Expr union(Expr a, Expr b) {
        return new Expr.SetBinary(Expr.SetOp.UNION, a, b);
    }

    public static Expr diff(Expr a, Expr b) {
        return new Expr.SetBinary(Expr.SetOp.DIFF, a, b);
    }

    public static Expr inter(Expr a, Expr b) {
        return new Expr.SetBinary(Expr.SetOp.INTER, a, b);
    }

    public static Expr setOf(Sort element, Expr... elements) {
        return new Expr.SetLit(element, Arrays.asList(elements));
    }

    public static Expr empty(Sort element) {
        return new Expr.SetLit(element, List.of());
    }

    public static Expr isEmpty(Expr set) {
        return eq(set, empty(((Type.SetOf) set.type()).element()));
    }

    /** {@code a \subseteq b}, written as {@code a \ b = {}}. */
    public static Expr subset(Expr a, Expr b) {
        return isEmpty(diff(a, b));
    }

    public static Expr filter(Param p, Expr predicate) {
        return new Expr.Filter(p, predicate);
    }

    public static Expr card(Expr set) {
        return new Expr.Card(set);
    }

    public static Expr min(Expr set) {
        return new Expr.Min(set);
    }

    /** {@code f[a1][a2]...}. */
    public static Expr apply(Expr f, Expr... args) {
        Expr e = f;
        for (Expr a : args) {
            e = new Expr.Apply(e, a);
        }
        return e;
    }

    public static Expr except(Expr f, Expr arg, Expr value) {
        return new Expr.Except(f, arg, value);
    }

    /** {@code [p \in S |-> body]} with the body's own type as range. */
    public static Expr fn(Param p, Expr body) {
        return new Expr.FnBuild(p, body.type(), body);
    }

    /** {@code [p \in S |-> body]} with an explicit range (needed when the body is an Int). */
    public static Expr fn(Param p, Type range, Expr body) {
        return new Expr.FnBuild(p, range, body);
    }

    /** The base value {@code e} as an element of the option sort {@code sort}. */
    public static Expr some(OptionSort sort, Expr e) {
        return new Expr.Some(sort, e);
    }

    public static Expr forall(Param p, Expr body) {
        return new Expr.Quant(true, p, body);
    }

    public static Expr exists(Param p, Expr body) {
        return new Expr.Quant(false, p, body);
    }

    /** The expression in TLA+-like ASCII, for messages. */
    public static String text(Expr e) {
        return ExprWriter.plain(e);
    }
}
