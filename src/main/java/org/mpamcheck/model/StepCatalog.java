package org.mpamcheck.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.mpamcheck.spec.Action;

/**
 * The steps of one model instance, in spec order: the core steps, then what the variant adds,
 * with the variant's replacements and wraps applied in place. Each step is addressed by its id.
 */
public final class StepCatalog {

    private final Map<StepId, Step> steps = new LinkedHashMap<>();

    /** Adds a new step at the end; its id must be new. */
    public StepCatalog add(Step step) {
        if (steps.putIfAbsent(step.id(), step) != null) {
            throw new IllegalArgumentException("step " + step.id() + " already exists");
        }
        return this;
    }

    /** Replaces step {@code id} (keeping its place and narration) with another builder. */
    public StepCatalog replace(StepId id, StepBuilder builder) {
        steps.put(id, require(id).withBuilder(builder));
        return this;
    }

    /** Replaces step {@code step.id()} whole, with its own description and narration. */
    public StepCatalog replace(Step step) {
        require(step.id());
        steps.put(step.id(), step);
        return this;
    }

    /**
     * Wraps step {@code id}: {@code wrap} gets the action the step builds now and returns the
     * one to use (for example with more updates: {@code a.toBuilder().set(...).build()}).
     */
    public StepCatalog wrap(StepId id, BiFunction<ResctrlState, Action, Action> wrap) {
        Step old = require(id);
        return replace(id, (s, self) -> wrap.apply(s, old.builder().build(s, self)));
    }

    /** Removes step {@code id} (a variant without that operation). */
    public StepCatalog remove(StepId id) {
        require(id);
        steps.remove(id);
        return this;
    }

    public boolean has(StepId id) {
        return steps.containsKey(id);
    }

    public Optional<Step> find(StepId id) {
        return Optional.ofNullable(steps.get(id));
    }

    public List<Step> steps() {
        return List.copyOf(steps.values());
    }

    /** Every step's action at {@code s}, in order. */
    public List<Action> actions(ResctrlState s) {
        List<Action> out = new ArrayList<>();
        for (Step step : steps.values()) {
            out.add(step.build(s));
        }
        return out;
    }

    private Step require(StepId id) {
        Step step = steps.get(id);
        if (step == null) {
            throw new IllegalArgumentException("no step " + id + " at this scope; steps: "
                    + steps.keySet());
        }
        return step;
    }
}
