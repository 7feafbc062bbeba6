package org.mpamcheck.model;

import org.mpamcheck.spec.Sort;

/**
 * The id of a step of the model (the action's name in the spec and the exported modules). Core
 * steps' ids are constants in {@link CoreSteps}; a variant addresses a step it replaces or wraps
 * by its id.
 */
public record StepId(String name) {

    public StepId {
        Sort.checkIdentifier("step", name);
    }

    public static StepId of(String name) {
        return new StepId(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
