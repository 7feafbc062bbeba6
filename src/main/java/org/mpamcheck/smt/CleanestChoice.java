package org.mpamcheck.smt;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.FuncDecl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Exprs;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.RangeSort;

/**
 * MPAM's cleanest-CLOSID rule (resctrl_find_cleanest_closid) without integers. The spec says
 * {@code Min({p \in S : P(p) /\ \A q : P(q) => |F(p)| <= |F(q)|})}: the lowest of the ids in
 * {@code P} whose set {@code F} is smallest. Counting is outside the encoding, so the minimisers
 * become a fresh predicate {@code C} with two axioms: {@code C} is within {@code P}, and {@code C}
 * has a member whenever {@code P} has. On every finite model the real minimisers are such a
 * {@code C}, so an obligation that holds for every {@code C} holds for the rule; the proof just
 * does not use which free id is cleanest. A counterexample that relies on another choice does
 * not replay natively and is reported as a disagreement, never as a proof.
 *
 * <p>The pattern is matched on the spec and confirmed on the encoding: {@code P(p)} and the
 * premise {@code P(q)}, and the two sets counted, must encode to the same Z3 terms with the bound
 * variable renamed; otherwise the comparison stays outside the encoding (INCOMPLETE).
 */
final class CleanestChoice {

    /** The parts of {@code {p : P(p) /\ \A q : P'(q) => |A(p)| <= |B(q)|}}. */
    record Pattern(Param p, List<Expr> within, Param q, Expr premise, Expr fewer, Expr more) {
    }

    private CleanestChoice() {
    }

    static Optional<Pattern> match(Expr set) {
        if (!(set instanceof Expr.Filter f) || !(f.param().sort() instanceof RangeSort)
                || !(f.predicate() instanceof Expr.Junction j) || !j.and()) {
            return Optional.empty();
        }
        List<Expr> within = new ArrayList<>();
        Pattern found = null;
        for (Expr op : j.operands()) {
            if (op instanceof Expr.Quant qu && qu.all()
                    && qu.param().sort().equals(f.param().sort())
                    && qu.body() instanceof Expr.Implies im
                    && im.conclusion() instanceof Expr.Compare c
                    && c.op() == Expr.CompareOp.LE
                    && c.left() instanceof Expr.Card a && c.right() instanceof Expr.Card b
                    && found == null) {
                found = new Pattern(f.param(), within, qu.param(), im.premise(), a.set(),
                        b.set());
            } else {
                within.add(op);
            }
        }
        return found == null || within.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    /**
     * The least member of a fresh {@code C} as described above, or empty when the encodings do
     * not confirm the pattern. {@code at} encodes an expression with one parameter bound.
     */
    static Optional<com.microsoft.z3.Expr<?>> least(Z3Encoding z, Pattern m,
            BiFunction<Param, com.microsoft.z3.Expr<?>, SymEncoder> at) {
        RangeSort sort = (RangeSort) m.p().sort();
        com.microsoft.z3.Expr<?> x = z.constant("cleanest!probe", sort);
        SymEncoder byP = at.apply(m.p(), x);
        SymEncoder byQ = at.apply(m.q(), x);
        BoolExpr within = byP.bool(Exprs.and(m.within()));
        if (!within.equals(byQ.bool(m.premise()))) {
            return Optional.empty();
        }
        Sym.Fn fewer = byP.encode(m.fewer()).fn();
        Sym.Fn more = byQ.encode(m.more()).fn();
        com.microsoft.z3.Expr<?> y = z.constant("cleanest!member", fewer.domain());
        if (!fewer.domain().equals(more.domain())
                || !fewer.at().apply(y).term().equals(more.at().apply(y).term())) {
            return Optional.empty();
        }
        FuncDecl<?> c = z.ctx.mkFuncDecl("cleanest!" + z.freshIndex(), z.sorts.of(sort),
                z.ctx.mkBoolSort());
        Sym.Fn chosen = new Sym.Fn(sort, e -> new Sym.Scalar(c.apply(e)));
        Sym.Fn allowed = new Sym.Fn(sort, e -> new Sym.Scalar(at.apply(m.p(), e)
                .bool(Exprs.and(m.within()))));
        z.addSideCondition(z.quantify(true, sort, e -> z.ctx.mkImplies(
                (BoolExpr) chosen.at().apply(e).term(), (BoolExpr) allowed.at().apply(e).term())));
        z.addSideCondition(z.ctx.mkImplies(
                z.quantify(false, sort, e -> (BoolExpr) allowed.at().apply(e).term()),
                z.quantify(false, sort, e -> (BoolExpr) chosen.at().apply(e).term())));
        return Optional.of(z.least(sort, chosen));
    }
}
