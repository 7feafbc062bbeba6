package org.mpamcheck.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mpamcheck.engine.Successors;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.ExprTraversal;
import org.mpamcheck.spec.Exprs;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.State;

/**
 * Why the last state of a counterexample breaks its property: the invariant's text, the
 * top-level conjuncts that are false there (evaluated by the native engine, not re-implemented
 * here), and the value of every state variable those conjuncts read, marked when the last step
 * changed it.
 */
record ViolatedClause(String property, String expression, List<String> broken,
        List<Reading> readings) {

    /** One variable read by a broken clause: its value at the last state. */
    record Reading(String variable, String value, boolean changedByLastStep) {
    }

    ViolatedClause {
        broken = List.copyOf(broken);
        readings = List.copyOf(readings);
    }

    static ViolatedClause of(Spec spec, String property, State before, State last) {
        Invariant inv = spec.invariant(property);
        Expr predicate = inv.predicate();
        List<Expr> conjuncts = predicate instanceof Expr.Junction j && j.and() ? j.operands()
                : List.of(predicate);
        List<Expr> broken = conjuncts.size() == 1 ? conjuncts : falseAt(spec, conjuncts, last);
        Set<String> read = new LinkedHashSet<>();
        for (Expr e : broken) {
            e.accept(new ExprTraversal() {
                @Override
                public Void visit(Expr.VarRef v) {
                    read.add(v.variable().name());
                    return null;
                }
            });
        }
        List<Reading> readings = new ArrayList<>();
        for (String v : read) {
            String value = last.get(v).toString();
            readings.add(new Reading(v, value, !before.get(v).toString().equals(value)));
        }
        return new ViolatedClause(property, Exprs.text(predicate),
                broken.stream().map(Exprs::text).toList(), readings);
    }

    /** The conjuncts that are false in {@code state}, each checked as an invariant of its own. */
    private static List<Expr> falseAt(Spec spec, List<Expr> conjuncts, State state) {
        List<Invariant> clauses = new ArrayList<>();
        for (int i = 0; i < conjuncts.size(); i++) {
            clauses.add(new Invariant("explorer-clause-" + (i + 1), "", conjuncts.get(i)));
        }
        Successors engine = new Successors(spec.withInvariants(clauses));
        List<Expr> broken = new ArrayList<>();
        for (int i = 0; i < clauses.size(); i++) {
            if (!engine.holds(clauses.get(i), state)) {
                broken.add(conjuncts.get(i));
            }
        }
        return broken.isEmpty() ? conjuncts : broken;
    }
}
