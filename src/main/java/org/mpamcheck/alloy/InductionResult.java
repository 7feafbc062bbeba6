package org.mpamcheck.alloy;

import java.util.Optional;
import org.mpamcheck.spec.ActionInstance;
import org.mpamcheck.spec.State;

/**
 * The answer of a one-step induction check of a goal invariant with lemmas, at one scope.
 * {@code NOT_INITIAL}: the initial state breaks the goal. {@code NOT_INDUCTIVE}: a step from a
 * state satisfying the goal and the lemmas breaks the goal; the counterexample to induction (CTI)
 * says which. A CTI's pre-state need not be reachable: it shows that the lemmas are too weak, or
 * that the goal is false (the bounded check tells which).
 */
public record InductionResult(Outcome outcome, Optional<Cti> cti, String message, double seconds,
        long clauses, long variables) {

    public enum Outcome { PROVED, NOT_INITIAL, NOT_INDUCTIVE, INCOMPLETE, ERROR }

    /** A counterexample to induction: the step, as spec states and the action instance. */
    public record Cti(State pre, Optional<ActionInstance> action, State post) {
    }

    public InductionResult {
        message = message == null ? "" : message;
    }
}
