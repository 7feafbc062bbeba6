package org.mpamcheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalInt;
import org.mpamcheck.model.ValueNames;
import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.State;
import org.mpamcheck.spec.Value;

/**
 * Spec values as JSON, one walk over a value for the two layouts that need it. The report's:
 * integers as numbers, sets as arrays, functions as objects keyed by the argument's name, and
 * each element named as the register tables name it (a task by its PID, {@code idle}). ITF's:
 * {@code {"#bigint": "n"}}, {@code #set}, {@code #map} of [argument, value] pairs, and the
 * spec's own labels ({@code t0}, {@code noTask}), since an ITF trace is a trace of the exported
 * TLA+ module. Booleans are JSON booleans in both.
 */
final class ValueJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Empty: the ITF layout, spec labels. */
    private final Optional<ValueNames> names;

    private ValueJson(Optional<ValueNames> names) {
        this.names = names;
    }

    static ValueJson itf() {
        return new ValueJson(Optional.empty());
    }

    static ValueJson report(ValueNames names) {
        return new ValueJson(Optional.of(names));
    }

    /** A state: one member per variable, in the spec's order. */
    ObjectNode state(State s, ObjectNode into) {
        for (int i = 0; i < s.variables().size(); i++) {
            String variable = s.variables().get(i).name();
            into.set(variable, of(s.values().get(i), variable));
        }
        return into;
    }

    /** {@code v}, held by the variable named {@code variable} ("" for an action argument). */
    JsonNode of(Value v, String variable) {
        if (v instanceof Value.Atom a) {
            if (a.sort() instanceof RangeSort) {
                return integer(a.intValue());
            }
            if (a.sort() == Sort.BOOL) {
                return F.booleanNode(a.index() == 1);
            }
            return atom(a, variable);
        }
        if (v instanceof Value.IntVal i) {
            return integer(i.value());
        }
        if (v instanceof Value.SetVal s) {
            ArrayNode elements = F.arrayNode();
            s.elements().forEach(e -> elements.add(of(e, variable)));
            return names.isPresent() ? elements : F.objectNode().set("#set", elements);
        }
        Value.FnVal f = (Value.FnVal) v;
        ObjectNode object = F.objectNode();
        ArrayNode pairs = F.arrayNode();
        for (int i = 0; i < f.values().size(); i++) {
            Value.Atom argument = new Value.Atom(f.type().domain(), i);
            JsonNode image = of(f.apply(i), variable);
            if (names.isPresent()) {
                object.set(names.get().name(argument, variable), image);
            } else {
                pairs.addArray().add(of(argument, variable)).add(image);
            }
        }
        return names.isPresent() ? object : F.objectNode().set("#map", pairs);
    }

    private JsonNode atom(Value.Atom a, String variable) {
        if (names.isEmpty()) {
            return F.textNode(a.label());
        }
        OptionalInt pid = names.get().pid(a);
        return pid.isPresent() ? F.numberNode(pid.getAsInt())
                : F.textNode(names.get().name(a, variable));
    }

    private JsonNode integer(long n) {
        return names.isPresent() ? F.numberNode(n)
                : F.objectNode().put("#bigint", Long.toString(n));
    }
}
