package org.mpamcheck.model;

/** Tells one instance of a step as the resctrl command or CPU event it models. */
@FunctionalInterface
public interface StepNarrator {

    String tell(StepView step);
}
