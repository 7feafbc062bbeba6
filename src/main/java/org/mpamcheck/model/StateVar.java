package org.mpamcheck.model;

import static org.mpamcheck.spec.Exprs.apply;
import static org.mpamcheck.spec.Exprs.except;

import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Exprs;
import org.mpamcheck.spec.Update;
import org.mpamcheck.spec.Variable;

/**
 * A state variable of the model as a typed handle: steps, properties and variants hold these and
 * never look a variable up by its name.
 */
public final class StateVar {

    private final Variable variable;

    StateVar(Variable variable) {
        this.variable = variable;
    }

    public Variable variable() {
        return variable;
    }

    public String name() {
        return variable.name();
    }

    /** The variable's value in the current state. */
    public Expr ref() {
        return Exprs.var(variable);
    }

    /** {@code v[arg]} for a function-valued variable. */
    public Expr at(Expr arg) {
        return apply(ref(), arg);
    }

    /** {@code v' = value}. */
    public Update becomes(Expr value, String cite) {
        return new Update(variable, value, cite);
    }

    /** {@code v' = [v EXCEPT ![arg] = value]}. */
    public Update becomesAt(Expr arg, Expr value, String cite) {
        return becomes(except(ref(), arg, value), cite);
    }

    @Override
    public String toString() {
        return variable.name();
    }
}
