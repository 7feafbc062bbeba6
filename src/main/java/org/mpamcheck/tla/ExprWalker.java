package org.mpamcheck.tla;

import java.util.function.Consumer;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.Value;

/** Visits every node of an expression, reporting the names it binds and the constants it holds. */
final class ExprWalker implements Expr.Visitor<Void> {

    private final Consumer<Param> onBinder;
    private final Consumer<Value> onConstant;

    ExprWalker(Consumer<Param> onBinder, Consumer<Value> onConstant) {
        this.onBinder = onBinder;
        this.onConstant = onConstant;
    }

    void walk(Expr e) {
        e.accept(this);
    }

    private Void all(Expr... es) {
        for (Expr e : es) {
            e.accept(this);
        }
        return null;
    }

    public Void visit(Expr.Const e) {
        onConstant.accept(e.value());
        return null;
    }

    public Void visit(Expr.VarRef e) {
        return null;
    }

    public Void visit(Expr.ParamRef e) {
        return null;
    }

    public Void visit(Expr.Eq e) {
        return all(e.left(), e.right());
    }

    public Void visit(Expr.Not e) {
        return all(e.operand());
    }

    public Void visit(Expr.Junction e) {
        return all(e.operands().toArray(Expr[]::new));
    }

    public Void visit(Expr.Implies e) {
        return all(e.premise(), e.conclusion());
    }

    public Void visit(Expr.Ite e) {
        return all(e.condition(), e.then(), e.otherwise());
    }

    public Void visit(Expr.Compare e) {
        return all(e.left(), e.right());
    }

    public Void visit(Expr.Arith e) {
        return all(e.left(), e.right());
    }

    public Void visit(Expr.Member e) {
        return all(e.element(), e.set());
    }

    public Void visit(Expr.SetBinary e) {
        return all(e.left(), e.right());
    }

    public Void visit(Expr.SetLit e) {
        return all(e.elements().toArray(Expr[]::new));
    }

    public Void visit(Expr.Filter e) {
        onBinder.accept(e.param());
        return all(e.predicate());
    }

    public Void visit(Expr.Some e) {
        return all(e.value());
    }

    public Void visit(Expr.Card e) {
        return all(e.set());
    }

    public Void visit(Expr.Min e) {
        return all(e.set());
    }

    public Void visit(Expr.Apply e) {
        return all(e.function(), e.argument());
    }

    public Void visit(Expr.Except e) {
        return all(e.function(), e.argument(), e.value());
    }

    public Void visit(Expr.FnBuild e) {
        onBinder.accept(e.param());
        return all(e.body());
    }

    public Void visit(Expr.Quant e) {
        onBinder.accept(e.param());
        return all(e.body());
    }
}
