package org.mpamcheck.model;

import org.mpamcheck.spec.Action;

/** Builds a step's action for one model instance. */
@FunctionalInterface
public interface StepBuilder {

    /**
     * The action of {@code step} over {@code s}; start it with {@link Step#action} or, for a
     * resctrl write, {@link Step#underMutex}, so its name and description are the step's.
     */
    Action build(ResctrlState s, Step step);
}
