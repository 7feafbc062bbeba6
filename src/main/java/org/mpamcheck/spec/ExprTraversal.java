package org.mpamcheck.spec;

/**
 * A visitor that walks every node of an expression, operands before nothing else: the shared
 * skeleton of every check or collection over a whole expression. Subclasses override the leaves
 * they care about, {@link #walk} to see every node, and {@link #bound} to see binders.
 */
public abstract class ExprTraversal implements Expr.Visitor<Void> {

    /** Visits each expression; override to do something for every node first. */
    protected Void walk(Expr... es) {
        for (Expr e : es) {
            e.accept(this);
        }
        return null;
    }

    /** A binder ({@code {p \in S : P}}, {@code [p \in S |-> e]}, a quantifier) over its body. */
    protected Void bound(Param p, Expr body) {
        return walk(body);
    }

    public Void visit(Expr.Const e) {
        return null;
    }

    public Void visit(Expr.VarRef e) {
        return null;
    }

    public Void visit(Expr.ParamRef e) {
        return null;
    }

    public Void visit(Expr.Eq e) {
        return walk(e.left(), e.right());
    }

    public Void visit(Expr.Not e) {
        return walk(e.operand());
    }

    public Void visit(Expr.Junction e) {
        return walk(e.operands().toArray(Expr[]::new));
    }

    public Void visit(Expr.Implies e) {
        return walk(e.premise(), e.conclusion());
    }

    public Void visit(Expr.Ite e) {
        return walk(e.condition(), e.then(), e.otherwise());
    }

    public Void visit(Expr.Compare e) {
        return walk(e.left(), e.right());
    }

    public Void visit(Expr.Arith e) {
        return walk(e.left(), e.right());
    }

    public Void visit(Expr.Member e) {
        return walk(e.element(), e.set());
    }

    public Void visit(Expr.SetBinary e) {
        return walk(e.left(), e.right());
    }

    public Void visit(Expr.SetLit e) {
        return walk(e.elements().toArray(Expr[]::new));
    }

    public Void visit(Expr.Filter e) {
        return bound(e.param(), e.predicate());
    }

    public Void visit(Expr.Card e) {
        return walk(e.set());
    }

    public Void visit(Expr.Min e) {
        return walk(e.set());
    }

    public Void visit(Expr.Apply e) {
        return walk(e.function(), e.argument());
    }

    public Void visit(Expr.Except e) {
        return walk(e.function(), e.argument(), e.value());
    }

    public Void visit(Expr.FnBuild e) {
        return bound(e.param(), e.body());
    }

    public Void visit(Expr.Quant e) {
        return bound(e.param(), e.body());
    }

    public Void visit(Expr.Some e) {
        return walk(e.value());
    }
}
