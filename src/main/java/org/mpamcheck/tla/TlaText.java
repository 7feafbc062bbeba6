package org.mpamcheck.tla;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.mpamcheck.spec.BoolSort;
import org.mpamcheck.spec.EnumSort;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.ExprWriter;
import org.mpamcheck.spec.OptionSort;
import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.SymmetricSort;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Value;

/**
 * How sorts, types, values and expressions read in TLA+. The encoding: a symmetric sort is a
 * CONSTANT set of model values; a range sort is {@code lo..hi}; an enum value is a string; the
 * "none" of an option sort is a model value (a string would make TLC fail when it compares it
 * with an integer); booleans are TRUE/FALSE. Remembers which model values and helper operators
 * the text used, so that the module declares exactly those.
 */
final class TlaText implements ExprWriter.Names {

    private final TlaNames names;
    private final Set<String> modelValues = new TreeSet<>();
    private final List<String> valueBinders = new ArrayList<>();
    private String minOperator;

    TlaText(TlaNames names) {
        this.names = names;
    }

    /** The model values other than the elements of symmetric sorts' CONSTANT sets. */
    Set<String> modelValues() {
        return modelValues;
    }

    /** The name of the least-element operator, or null when no expression needed it. */
    String minOperatorOrNull() {
        return minOperator;
    }

    public String minOperator() {
        if (minOperator == null) {
            minOperator = names.fresh("MinOf");
        }
        return minOperator;
    }

    /** The set of a sort's elements, as an expression. */
    public String sortSet(Sort s) {
        if (s instanceof BoolSort) {
            return "BOOLEAN";
        }
        if (s instanceof OptionSort o) {
            modelValues.add(o.noneLabel());
            return "(" + sortSet(o.base()) + " \\cup {" + o.noneLabel() + "})";
        }
        return s.name();
    }

    /** The defining expression of a declared, non-symmetric sort. */
    static String sortDefinition(Sort s) {
        if (s instanceof RangeSort r) {
            return r.lo() + ".." + r.hi();
        }
        if (s instanceof EnumSort e) {
            return e.values().stream().map(v -> "\"" + v + "\"")
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        throw new IllegalArgumentException("sort " + s.name() + " has no definition");
    }

    /** The set of all values of a storable type (for TypeOK). */
    String typeSet(Type t) {
        if (t instanceof Type.Scalar s) {
            return sortSet(s.sort());
        }
        if (t instanceof Type.SetOf s) {
            return "SUBSET " + sortSet(s.element());
        }
        if (t instanceof Type.FnOf f) {
            return "[" + sortSet(f.domain()) + " -> " + typeSet(f.range()) + "]";
        }
        return "Int";
    }

    public String value(Value v) {
        return value(v, 0);
    }

    private String value(Value v, int depth) {
        if (v instanceof Value.Atom a) {
            return atom(a.sort(), a.index());
        }
        if (v instanceof Value.IntVal i) {
            return integer(i.value());
        }
        if (v instanceof Value.SetVal s) {
            return s.elements().stream().map(this::value)
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        Value.FnVal f = (Value.FnVal) v;
        Sort domain = f.type().domain();
        if (f.values().stream().distinct().count() == 1) {
            return "[" + valueBinder(depth) + " \\in " + sortSet(domain) + " |-> "
                    + value(f.values().get(0), depth + 1) + "]";
        }
        List<String> maps = new ArrayList<>();
        for (int i = 0; i < f.values().size(); i++) {
            maps.add(atom(domain, i) + " :> " + value(f.values().get(i), depth + 1));
        }
        return maps.stream().collect(Collectors.joining(" @@ ", "(", ")"));
    }

    /** A bound name for {@code [x \in S |-> v]}, one per nesting depth so none shadows another. */
    private String valueBinder(int depth) {
        while (valueBinders.size() <= depth) {
            valueBinders.add(names.fresh("x"));
        }
        return valueBinders.get(depth);
    }

    private String atom(Sort s, int index) {
        if (s instanceof OptionSort o) {
            if (index == o.noneIndex()) {
                modelValues.add(o.noneLabel());
                return o.noneLabel();
            }
            return atom(o.base(), index);
        }
        if (s instanceof EnumSort e) {
            return "\"" + e.label(index) + "\"";
        }
        if (s instanceof SymmetricSort) {
            modelValues.add(s.label(index));
        }
        return s.label(index);
    }

    static String integer(long n) {
        return n < 0 ? "(" + n + ")" : Long.toString(n);
    }

    /** An expression, fully parenthesised except at the top. */
    String expr(Expr e) {
        return unwrap(e.accept(new ExprWriter(this)));
    }

    /**
     * An expression on the right of {@code x' = }: a boolean connective or relation keeps its
     * parentheses, since {@code x' = a /\ b} parses as {@code (x' = a) /\ b}.
     */
    String operand(Expr e) {
        String written = e.accept(new ExprWriter(this));
        boolean looser = e instanceof Expr.Junction || e instanceof Expr.Implies
                || e instanceof Expr.Not || e instanceof Expr.Eq || e instanceof Expr.Compare
                || e instanceof Expr.Member;
        return looser ? written : unwrap(written);
    }

    /** Drops one pair of parentheses that encloses the whole text. */
    static String unwrap(String s) {
        return ExprWriter.unwrap(s);
    }
}
