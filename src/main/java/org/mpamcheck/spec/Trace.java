package org.mpamcheck.spec;

import java.util.List;

/**
 * A behaviour prefix: the initial state and the steps taken from it. Every engine returns its
 * counterexamples in this one form, so they all print the same way.
 */
public record Trace(State initial, List<Step> steps) {

    /** A transition: the action instance taken and the state it leads to. */
    public record Step(ActionInstance action, State state) {
    }

    public Trace {
        steps = List.copyOf(steps);
    }

    /** The number of transitions. */
    public int length() {
        return steps.size();
    }

    public State last() {
        return steps.isEmpty() ? initial : steps.get(steps.size() - 1).state();
    }
}
