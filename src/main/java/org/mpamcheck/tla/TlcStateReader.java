package org.mpamcheck.tla;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mpamcheck.spec.BoolSort;
import org.mpamcheck.spec.EnumSort;
import org.mpamcheck.spec.OptionSort;
import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.State;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Value;
import org.mpamcheck.spec.Variable;

/**
 * Turns the states TLC prints back into spec values, the inverse of {@link TlaText}'s encoding.
 * TLC prints a function on {@code 1..n} as a tuple and a function on strings as a record, so all
 * three function forms are read.
 */
final class TlcStateReader {

    private TlcStateReader() {
    }

    /**
     * A state from the lines TLC prints for it ({@code /\ var = value}, one per variable, values
     * possibly wrapped over several lines; a lone variable is printed without the {@code /\ }).
     */
    static State state(Spec spec, List<String> lines) {
        Map<String, StringBuilder> texts = new HashMap<>();
        StringBuilder current = null;
        for (String line : lines) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (l.startsWith("/\\ ") || current == null) {
                String entry = l.startsWith("/\\ ") ? l.substring(3) : l;
                int eq = entry.indexOf(" = ");
                if (eq < 0) {
                    throw new IllegalArgumentException("not a variable assignment: " + line);
                }
                current = new StringBuilder(entry.substring(eq + 3));
                texts.put(entry.substring(0, eq).strip(), current);
            } else {
                current.append(' ').append(l);
            }
        }
        List<Value> values = new ArrayList<>();
        for (Variable v : spec.variables()) {
            StringBuilder text = texts.get(v.name());
            if (text == null) {
                throw new IllegalArgumentException("TLC's state has no value for " + v.name());
            }
            values.add(value(TlcValueParser.parse(text.toString()), v.type()));
        }
        return new State(spec.variables(), values);
    }

    static Value value(TlcValue v, Type type) {
        if (type instanceof Type.Scalar s) {
            return new Value.Atom(s.sort(), index(v, s.sort()));
        }
        if (type instanceof Type.SetOf s) {
            if (!(v instanceof TlcValue.SetOf set)) {
                throw mismatch(v, type);
            }
            long bits = 0;
            for (TlcValue e : set.elements()) {
                bits |= 1L << index(e, s.element());
            }
            return new Value.SetVal(s.element(), bits);
        }
        if (type instanceof Type.FnOf f) {
            return function(v, f);
        }
        throw mismatch(v, type);
    }

    private static Value function(TlcValue v, Type.FnOf type) {
        List<TlcValue> keys = new ArrayList<>();
        List<TlcValue> images = new ArrayList<>();
        if (v instanceof TlcValue.Fn fn) {
            keys.addAll(fn.keys());
            images.addAll(fn.values());
        } else if (v instanceof TlcValue.Tuple t) {
            for (int i = 0; i < t.elements().size(); i++) {
                keys.add(new TlcValue.Int(i + 1));
                images.add(t.elements().get(i));
            }
        } else if (v instanceof TlcValue.Rec r) {
            r.fields().forEach((k, image) -> {
                keys.add(new TlcValue.Str(k));
                images.add(image);
            });
        } else {
            throw mismatch(v, type);
        }
        Value[] out = new Value[type.domain().size()];
        for (int i = 0; i < keys.size(); i++) {
            out[index(keys.get(i), type.domain())] = value(images.get(i), type.range());
        }
        if (keys.size() != out.length || Arrays.asList(out).contains(null)) {
            throw mismatch(v, type);
        }
        return new Value.FnVal(type, Arrays.asList(out));
    }

    /** The index in {@code sort} of the element TLC printed. */
    private static int index(TlcValue v, Sort sort) {
        if (sort instanceof OptionSort o) {
            if (v instanceof TlcValue.Name n && n.value().equals(o.noneLabel())) {
                return o.noneIndex();
            }
            return index(v, o.base());
        }
        if (sort instanceof BoolSort && v instanceof TlcValue.Name n
                && (n.value().equals("TRUE") || n.value().equals("FALSE"))) {
            return n.value().equals("TRUE") ? 1 : 0;
        }
        if (sort instanceof RangeSort r && v instanceof TlcValue.Int i) {
            return r.of(Math.toIntExact(i.value())).index();
        }
        if (sort.symmetric() && v instanceof TlcValue.Name n) {
            return sort.indexOf(n.value());
        }
        if (sort instanceof EnumSort && v instanceof TlcValue.Str s) {
            return sort.indexOf(s.value());
        }
        throw mismatch(v, Type.of(sort));
    }

    private static IllegalArgumentException mismatch(TlcValue v, Type type) {
        return new IllegalArgumentException("TLC value " + v + " is not a " + type);
    }
}
