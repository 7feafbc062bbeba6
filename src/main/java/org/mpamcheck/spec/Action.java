package org.mpamcheck.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * An atomic step: for each assignment of the parameters, enabled when no refusal applies and every
 * guard holds; then every updated variable takes its new value (all computed in the old state)
 * and every other variable is unchanged. Refusals are evaluated before guards, in order, so a
 * guard may rely on none applying (the only partial operator, Min, needs a non-empty set).
 */
public record Action(String name, String description, List<Param> params, List<Guard> guards,
        List<Refusal> refusals, List<Update> updates) {

    public Action {
        Sort.checkIdentifier("action", name);
        params = List.copyOf(params);
        guards = List.copyOf(guards);
        refusals = List.copyOf(refusals);
        updates = List.copyOf(updates);
    }

    public static Builder builder(String name, String description) {
        return new Builder(name, description);
    }

    /** A copy with other updates, e.g. a mutant that forgets one. */
    public Action withUpdates(List<Update> newUpdates) {
        return new Action(name, description, params, guards, refusals, newUpdates);
    }

    /**
     * A copy where {@code u} sets its variable: it replaces this action's update of the same
     * variable, or is added after the others.
     */
    public Action withUpdate(Update u) {
        List<Update> out = new ArrayList<>();
        boolean replaced = false;
        for (Update old : updates) {
            if (old.variable().equals(u.variable())) {
                out.add(u);
                replaced = true;
            } else {
                out.add(old);
            }
        }
        if (!replaced) {
            out.add(u);
        }
        return withUpdates(out);
    }

    /** A copy with other guards. */
    public Action withGuards(List<Guard> newGuards) {
        return new Action(name, description, params, newGuards, refusals, updates);
    }

    /** A builder holding this action's parts, to extend it (a variant's wrap of a step). */
    public Builder toBuilder() {
        Builder b = new Builder(name, description);
        b.params.addAll(params);
        b.guards.addAll(guards);
        b.refusals.addAll(refusals);
        b.updates.addAll(updates);
        return b;
    }

    /** Collects the parts of an action in the order they read. */
    public static final class Builder {
        private final String name;
        private final String description;
        private final List<Param> params = new ArrayList<>();
        private final List<Guard> guards = new ArrayList<>();
        private final List<Refusal> refusals = new ArrayList<>();
        private final List<Update> updates = new ArrayList<>();

        private Builder(String name, String description) {
            this.name = name;
            this.description = description;
        }

        public Builder param(Param p) {
            params.add(p);
            return this;
        }

        /** A guard, citing the kernel function or document section it models. */
        public Builder when(Expr condition, String cite) {
            guards.add(new Guard(condition, cite));
            return this;
        }

        public Builder refuse(String errno, Expr when, String cite) {
            refusals.add(new Refusal(errno, when, cite));
            return this;
        }

        public Builder set(Variable v, Expr value, String cite) {
            updates.add(new Update(v, value, cite));
            return this;
        }

        public Builder set(Update u) {
            updates.add(u);
            return this;
        }

        public Action build() {
            return new Action(name, description, params, guards, refusals, updates);
        }
    }
}
