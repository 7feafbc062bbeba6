package org.mpamcheck.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.ExprTraversal;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.Type;

/**
 * Where and in which order generated code tests an action's conditions (refusals, then guards).
 * A condition moves to the outermost parameter loop whose parameters it reads, and among those at
 * one depth the cheaper run first, but only while no partial condition (one that can fail with an
 * evaluation error: Min, or an index that may fall outside its domain) comes before it: from the
 * first partial condition on, the interpreter's order is kept at the innermost depth. So the
 * enabled instances and every evaluation error are exactly the interpreter's.
 */
final class ConditionPlan {

    /** A condition: a refusal disables the instance when true, a guard when false. */
    record Condition(Expr expr, boolean refusal, int depth, long cost) {
    }

    private final List<List<Condition>> byDepth = new ArrayList<>();

    private ConditionPlan(int params) {
        for (int d = 0; d <= params; d++) {
            byDepth.add(new ArrayList<>());
        }
    }

    static ConditionPlan of(Action action) {
        List<Param> params = action.params();
        ConditionPlan plan = new ConditionPlan(params.size());
        List<Expr> exprs = new ArrayList<>();
        List<Boolean> refusal = new ArrayList<>();
        action.refusals().forEach(r -> {
            exprs.add(r.when());
            refusal.add(true);
        });
        action.guards().forEach(g -> {
            exprs.add(g.condition());
            refusal.add(false);
        });
        boolean free = true;
        List<Condition> ordered = new ArrayList<>();
        for (int i = 0; i < exprs.size(); i++) {
            Expr e = exprs.get(i);
            Facts facts = Facts.of(e, params);
            free &= !facts.partial;
            int depth = free ? facts.deepestParam + 1 : params.size();
            ordered.add(new Condition(e, refusal.get(i), depth, free ? facts.cost : Long.MAX_VALUE));
        }
        // stable: the partial conditions (cost MAX) keep their order after every free one
        ordered.sort(Comparator.comparingLong(Condition::cost));
        for (Condition c : ordered) {
            plan.byDepth.get(c.depth()).add(c);
        }
        return plan;
    }

    List<Condition> at(int depth) {
        return byDepth.get(depth);
    }

    /** What one walk over a condition finds: partiality, parameters read, a cost estimate. */
    private static final class Facts extends ExprTraversal {
        private final List<Param> params;
        boolean partial;
        int deepestParam = -1;
        long cost;
        private long weight = 1;

        private Facts(List<Param> params) {
            this.params = params;
        }

        static Facts of(Expr e, List<Param> params) {
            Facts f = new Facts(params);
            f.walk(e);
            return f;
        }

        @Override
        protected Void walk(Expr... es) {
            for (Expr e : es) {
                cost += weight;
                e.accept(this);
            }
            return null;
        }

        @Override
        protected Void bound(Param p, Expr body) {
            long saved = weight;
            weight = saved * p.sort().size();
            walk(body);
            weight = saved;
            return null;
        }

        @Override
        public Void visit(Expr.ParamRef e) {
            deepestParam = Math.max(deepestParam, params.indexOf(e.param()));
            return null;
        }

        @Override
        public Void visit(Expr.Min e) {
            partial = true;
            return super.visit(e);
        }

        @Override
        public Void visit(Expr.Apply e) {
            checkIndex(e.argument(), ((Type.FnOf) e.function().type()).domain());
            return super.visit(e);
        }

        @Override
        public Void visit(Expr.Except e) {
            checkIndex(e.argument(), ((Type.FnOf) e.function().type()).domain());
            return super.visit(e);
        }

        @Override
        public Void visit(Expr.SetLit e) {
            e.elements().forEach(x -> checkIndex(x, e.element()));
            return super.visit(e);
        }

        private void checkIndex(Expr argument, org.mpamcheck.spec.Sort domain) {
            if (!argument.type().equals(Type.of(domain))) {
                partial = true;
            }
        }
    }
}
