package org.mpamcheck.smt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.FuncDecl;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.ResctrlModel;
import org.mpamcheck.model.Scope;
import org.mpamcheck.model.Variants;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.State;
import org.mpamcheck.spec.Variable;

/**
 * The initiation obligation is sound only if the size-independent reading of the initial state,
 * taken at the sizes of another scope, is exactly that scope's initial state: pinned for every
 * variant from the shape the proofs use to the small, deep and proof scopes.
 */
class InitPatternTest {

    private static final Scope SHAPE = Scope.ci().with("monitors", 1);

    @Test
    void theInitialStateReadForEverySizeIsEachScopesInitialState() {
        List<Scope> targets = List.of(Scope.small().with("monitors", 1), Scope.deep(),
                Scope.proof(), Scope.ci().with("monitors", 3).with("partids", 5).with("pmgs", 4));
        for (KernelModePolicy v : Variants.all()) {
            Spec shape = ResctrlModel.spec(v, SHAPE);
            for (Scope t : targets) {
                Spec target = ResctrlModel.spec(v, t);
                assertEquals(target.initialState(), initialAt(shape, target),
                        v.id() + " at " + t.bounds());
            }
        }
    }

    /** The unique state of the initial-state pattern when each sort has the target's size. */
    private static State initialAt(Spec shape, Spec target) {
        try (Context ctx = new Context()) {
            Z3Encoding z = new Z3Encoding(ctx, shape);
            Map<Variable, FuncDecl<?>> pre = z.declare("pre");
            Map<Variable, Sym> state = z.state(pre);
            SymEncoder in = new SymEncoder(z, state, Map.of());
            List<BoolExpr> facts = new ArrayList<>();
            for (int i = 0; i < shape.variables().size(); i++) {
                facts.add(in.equal(state.get(shape.variables().get(i)),
                        z.value(shape.init().get(i))));
            }
            for (Sort s : target.sorts()) {
                if (Z3Sorts.unbounded(s)) {
                    facts.add(exactly(z, s));
                }
            }
            facts.addAll(z.sorts.axioms());
            Solver solver = ctx.mkSolver();
            solver.add(facts.toArray(new BoolExpr[0]));
            assertEquals(Status.SATISFIABLE, solver.check());
            return new CtiReader(z, solver.getModel(), sizes -> target).state(pre);
        }
    }

    /** The sort has exactly as many elements as the target spec's. */
    private static BoolExpr exactly(Z3Encoding z, Sort s) {
        List<Expr<?>> xs = new ArrayList<>();
        List<BoolExpr> distinct = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            Expr<?> x = z.ctx.mkConst("exactly!" + s.name() + i, z.sorts.of(s));
            xs.forEach(y -> distinct.add(z.ctx.mkNot(z.ctx.mkEq(x, y))));
            xs.add(x);
        }
        Expr<?> y = z.ctx.mkConst("any!" + s.name(), z.sorts.of(s));
        BoolExpr covered = z.ctx.mkForall(new Expr<?>[] {y}, z.ctx.mkOr(xs.stream()
                .map(x -> z.ctx.mkEq(y, x)).toArray(BoolExpr[]::new)), 1, null, null, null, null);
        distinct.add(covered);
        return z.ctx.mkAnd(distinct.toArray(new BoolExpr[0]));
    }
}
