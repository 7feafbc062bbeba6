package org.mpamcheck.smt;

import java.util.HashSet;
import java.util.Set;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.ExprTraversal;
import org.mpamcheck.spec.Param;

/** The parameters an expression refers to (bound inside it or not: callers intersect). */
final class FreeParams extends ExprTraversal {

    private final Set<Param> found = new HashSet<>();

    static Set<Param> of(Expr e) {
        FreeParams f = new FreeParams();
        e.accept(f);
        return f.found;
    }

    @Override
    public Void visit(Expr.ParamRef e) {
        found.add(e.param());
        return null;
    }
}
