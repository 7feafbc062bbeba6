package org.mpamcheck.spec;

import java.util.List;

/** One state of a spec: a value for each variable, in the spec's variable order. */
public record State(List<Variable> variables, List<Value> values) {

    public State {
        variables = List.copyOf(variables);
        values = List.copyOf(values);
        if (variables.size() != values.size()) {
            throw new SpecException("a state needs " + variables.size() + " values, got "
                    + values.size());
        }
    }

    public Value get(Variable v) {
        int i = variables.indexOf(v);
        if (i < 0) {
            throw new SpecException("no variable " + v.name() + " in this state");
        }
        return values.get(i);
    }

    public Value get(String name) {
        for (int i = 0; i < variables.size(); i++) {
            if (variables.get(i).name().equals(name)) {
                return values.get(i);
            }
        }
        throw new SpecException("no variable " + name + " in this state");
    }
}
