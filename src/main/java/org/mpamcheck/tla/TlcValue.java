package org.mpamcheck.tla;

import java.util.List;
import java.util.Map;

/**
 * A value as TLC prints it, before it is given a spec type: the parse tree of one right-hand side
 * of a trace state's {@code /\ var = value} line.
 */
sealed interface TlcValue {

    /** An integer. */
    record Int(long value) implements TlcValue {
    }

    /** A string literal, without its quotes. */
    record Str(String value) implements TlcValue {
    }

    /** A bare identifier: TRUE, FALSE or a model value. */
    record Name(String value) implements TlcValue {
    }

    /** {@code {a, b}}. */
    record SetOf(List<TlcValue> elements) implements TlcValue {
    }

    /** {@code <<a, b>>}: a function on {@code 1..n}. */
    record Tuple(List<TlcValue> elements) implements TlcValue {
    }

    /** {@code [f |-> a, g |-> b]}: a function on strings. */
    record Rec(Map<String, TlcValue> fields) implements TlcValue {
    }

    /** {@code (k1 :> v1 @@ k2 :> v2)}: any other function. */
    record Fn(List<TlcValue> keys, List<TlcValue> values) implements TlcValue {
    }
}
