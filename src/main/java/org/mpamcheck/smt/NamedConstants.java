package org.mpamcheck.smt;

import java.util.LinkedHashSet;
import java.util.Set;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.ExprTraversal;
import org.mpamcheck.spec.Guard;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.OptionSort;
import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Refusal;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.Update;
import org.mpamcheck.spec.Value;

/**
 * The elements of range sorts that the spec's actions and invariants name (PARTID 0, the default
 * group's). They are the distinguished least elements of the ordered sort; every other element
 * is interchangeable with its peers in the initial state (see {@link InitPattern}).
 */
final class NamedConstants extends ExprTraversal {

    private final Set<Value.Atom> found = new LinkedHashSet<>();

    static Set<Value.Atom> of(Spec spec) {
        NamedConstants n = new NamedConstants();
        for (Action a : spec.actions()) {
            a.guards().stream().map(Guard::condition).forEach(e -> e.accept(n));
            a.refusals().stream().map(Refusal::when).forEach(e -> e.accept(n));
            a.updates().stream().map(Update::value).forEach(e -> e.accept(n));
        }
        spec.invariants().stream().map(Invariant::predicate).forEach(e -> e.accept(n));
        return n.found;
    }

    @Override
    public Void visit(Expr.Const e) {
        if (e.value() instanceof Value.Atom a) {
            if (a.sort() instanceof RangeSort) {
                found.add(a);
            } else if (a.sort() instanceof OptionSort o && o.base() instanceof RangeSort
                    && a.index() != o.noneIndex()) {
                found.add(o.base().at(a.index()));
            }
        }
        return null;
    }
}
