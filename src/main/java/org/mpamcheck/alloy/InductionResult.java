package org.mpamcheck.alloy;

import java.util.List;
import java.util.Optional;
import org.mpamcheck.spec.ActionInstance;
import org.mpamcheck.spec.State;

/**
 * The answer of a one-step induction check of a set of candidate invariants, at one scope.
 * {@code NOT_INITIAL}: the initial state breaks the candidates in {@code broken}.
 * {@code NOT_INDUCTIVE}: a step from a state satisfying every candidate breaks those in
 * {@code broken}; the counterexample to induction (CTI) says which step. A CTI's pre-state need
 * not be reachable: it shows that the candidates are too weak, or that one is false (the search
 * tells which). {@code solves} counts the SAT problems, {@code clauses} and {@code variables}
 * give the largest.
 */
public record InductionResult(Outcome outcome, Optional<Cti> cti, List<String> broken,
        String message, String solver, int solves, double seconds, long clauses,
        long variables) {

    public enum Outcome { PROVED, NOT_INITIAL, NOT_INDUCTIVE, INCOMPLETE, ERROR }

    /** A counterexample to induction: the step, as spec states and the action instance. */
    public record Cti(State pre, Optional<ActionInstance> action, State post) {
    }

    public InductionResult {
        broken = List.copyOf(broken);
        message = message == null ? "" : message;
    }
}
