package org.mpamcheck.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Spec;

/**
 * What the methods of one generated class share: its name, the slot offset of each variable and
 * the constants (sorts, messages, function values) its instance holds in the array {@code k}.
 */
final class BytecodeClass {

    private final String name;
    private final Spec spec;
    private final SlotLayout layout;
    private final List<Object> constants = new ArrayList<>();
    private final Map<Object, Integer> index = new IdentityHashMap<>();

    BytecodeClass(String name, Spec spec, SlotLayout layout) {
        this.name = name;
        this.spec = spec;
        this.layout = layout;
    }

    String name() {
        return name;
    }

    int offset(Expr.VarRef v) {
        return layout.offset(spec.variables().indexOf(v.variable()));
    }

    /** The position of {@code value} in the constants array, added on first use. */
    int constant(Object value) {
        return index.computeIfAbsent(value, v -> {
            constants.add(v);
            return constants.size() - 1;
        });
    }

    Object[] constants() {
        return constants.toArray();
    }
}
