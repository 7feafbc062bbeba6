package org.mpamcheck.model;

import org.mpamcheck.spec.Action;

/**
 * A step of the model, everything about it in one entry: its id, one line saying what it models,
 * the kernel function it follows (file and function; each guard and update cites its own line),
 * how its action is built at a scope, and how an instance is told in a trace.
 */
public record Step(StepId id, String description, String citation, StepBuilder builder,
        StepNarrator narrator) {

    /** An action builder named and described as this step. */
    public Action.Builder action() {
        return Action.builder(id.name(), description + " [" + citation + "]");
    }

    /** As {@link #action}, for a step that runs under rdtgroup_mutex: the mutex guard first. */
    public Action.Builder underMutex(ResctrlState s, String cite) {
        return action().when(s.mutexFree(), cite);
    }

    /** The action at {@code s}; its name is always the step's id. */
    public Action build(ResctrlState s) {
        Action a = builder.build(s, this);
        if (!a.name().equals(id.name())) {
            throw new IllegalStateException("step " + id + " built an action named " + a.name());
        }
        return a;
    }

    /** The same step with another builder (a variant's replacement), narrated alike. */
    public Step withBuilder(StepBuilder other) {
        return new Step(id, description, citation, other, narrator);
    }
}
