package org.mpamcheck.engine;

import org.mpamcheck.spec.Type;

/** A compiled expression: {@code scalar} for one-slot types, {@code array} for functions. */
record Compiled(Type type, Eval scalar, Eval.Array array) {

    static Compiled ofScalar(Type type, Eval e) {
        return new Compiled(type, e, null);
    }

    static Compiled ofArray(Type type, Eval.Array a) {
        return new Compiled(type, null, a);
    }

    boolean isArray() {
        return array != null;
    }
}
