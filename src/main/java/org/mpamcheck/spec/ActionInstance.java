package org.mpamcheck.spec;

import java.util.List;
import java.util.stream.Collectors;

/** An action with a value for each of its parameters: one labelled transition. */
public record ActionInstance(String action, List<Value> args) {

    public ActionInstance {
        args = List.copyOf(args);
    }

    @Override
    public String toString() {
        return action + args.stream().map(Value::toString).collect(Collectors.joining(", ", "(", ")"));
    }
}
