package org.mpamcheck.tla;

import java.util.function.Consumer;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.ExprTraversal;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.Value;

/** Visits every node of an expression, reporting the names it binds and the constants it holds. */
final class ExprWalker extends ExprTraversal {

    private final Consumer<Param> onBinder;
    private final Consumer<Value> onConstant;

    ExprWalker(Consumer<Param> onBinder, Consumer<Value> onConstant) {
        this.onBinder = onBinder;
        this.onConstant = onConstant;
    }

    void walk(Expr e) {
        e.accept(this);
    }

    @Override
    public Void visit(Expr.Const e) {
        onConstant.accept(e.value());
        return null;
    }

    @Override
    protected Void bound(Param p, Expr body) {
        onBinder.accept(p);
        return super.bound(p, body);
    }
}
