package org.mpamcheck.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * A complete specification: sorts, variables with their single initial value, actions and named
 * invariants, each with a description. The one source of truth every checker and emitter reads.
 * A spec is validated when it is built ({@link SpecValidator}); an ill-formed one never exists.
 */
public record Spec(String name, String description, List<Sort> sorts, List<Variable> variables,
        List<Value> init, List<Action> actions, List<Invariant> invariants) {

    public Spec {
        Sort.checkIdentifier("spec", name);
        sorts = List.copyOf(sorts);
        variables = List.copyOf(variables);
        init = List.copyOf(init);
        actions = List.copyOf(actions);
        invariants = List.copyOf(invariants);
        SpecValidator.validate(name, sorts, variables, init, actions, invariants);
    }

    public static Builder builder(String name, String description) {
        return new Builder(name, description);
    }

    public State initialState() {
        return new State(variables, init);
    }

    public Variable variable(String varName) {
        return variables.stream().filter(v -> v.name().equals(varName)).findFirst()
                .orElseThrow(() -> new SpecException("spec " + name + " has no variable " + varName));
    }

    public Action action(String actionName) {
        return actions.stream().filter(a -> a.name().equals(actionName)).findFirst()
                .orElseThrow(() -> new SpecException("spec " + name + " has no action " + actionName));
    }

    public Invariant invariant(String invName) {
        return invariants.stream().filter(i -> i.name().equals(invName)).findFirst()
                .orElseThrow(() -> new SpecException("spec " + name + " has no invariant " + invName));
    }

    /** The same spec with the action of the same name replaced (mutants, experiments). */
    public Spec withAction(Action replacement) {
        action(replacement.name());
        return new Spec(name, description, sorts, variables, init,
                actions.stream().map(a -> a.name().equals(replacement.name()) ? replacement : a)
                        .toList(), invariants);
    }

    /** The same spec without the named action. */
    public Spec withoutAction(String actionName) {
        action(actionName);
        return new Spec(name, description, sorts, variables, init,
                actions.stream().filter(a -> !a.name().equals(actionName)).toList(), invariants);
    }

    /** The same spec checking only these invariants. */
    public Spec withInvariants(List<Invariant> chosen) {
        return new Spec(name, description, sorts, variables, init, actions, chosen);
    }

    /** The same spec under another name. */
    public Spec renamed(String newName, String newDescription) {
        return new Spec(newName, newDescription, sorts, variables, init, actions, invariants);
    }

    /** Collects a spec's parts in declaration order. */
    public static final class Builder {
        private final String name;
        private final String description;
        private final List<Sort> sorts = new ArrayList<>();
        private final List<Variable> variables = new ArrayList<>();
        private final List<Value> init = new ArrayList<>();
        private final List<Action> actions = new ArrayList<>();
        private final List<Invariant> invariants = new ArrayList<>();

        private Builder(String name, String description) {
            this.name = name;
            this.description = description;
        }

        public Builder sort(Sort s) {
            sorts.add(s);
            return this;
        }

        public Builder variable(Variable v, Value initial) {
            variables.add(v);
            init.add(initial);
            return this;
        }

        public Builder action(Action a) {
            actions.add(a);
            return this;
        }

        public Builder invariant(Invariant i) {
            invariants.add(i);
            return this;
        }

        public Spec build() {
            return new Spec(name, description, sorts, variables, init, actions, invariants);
        }
    }
}
