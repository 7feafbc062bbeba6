package org.mpamcheck.alloy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Value;
import org.mpamcheck.spec.Variable;

/**
 * Writes spec expressions in Alloy. Alloy separates formulas from relational terms, so a boolean
 * expression is written either as a formula ({@link #formula}) or as a term over the atoms
 * {@code TRUE}/{@code FALSE} ({@link #term}), converting with {@code = TRUE} and
 * {@code => TRUE else FALSE} only where the two meet. Range values are atoms of their sort's sig,
 * ordered by its successor relation; they become Alloy integers only where they meet arithmetic,
 * cardinality or another sort, so no state field ranges over Int and the solver never bit-blasts
 * a comparison the order can answer. How a state variable is read (the temporal {@code State.x},
 * the induction {@code pre.x}) is the caller's choice.
 */
final class AlloyExprWriter {

    private final AlloyNames names;
    private final Function<Variable, String> variableText;

    AlloyExprWriter(AlloyNames names, Function<Variable, String> variableText) {
        this.names = names;
        this.variableText = variableText;
    }

    /** A boolean expression as an Alloy formula. */
    String formula(Expr e) {
        return isFormula(e) ? e.accept(new Formulas()) : term(e) + " = TRUE";
    }

    /** The conjuncts of a boolean expression, one formula each (for a pred body's lines). */
    List<String> conjuncts(Expr e) {
        List<String> out = new ArrayList<>();
        if (e instanceof Expr.Junction j && j.and()) {
            j.operands().forEach(o -> out.addAll(conjuncts(o)));
        } else {
            out.add(formula(e));
        }
        return out;
    }

    /** An expression as an Alloy term of the {@code expected} type (see {@link #convert}). */
    String term(Expr e, Type expected) {
        Value.Atom constant = constantOf(e, expected);
        return constant != null ? value(constant) : convert(term(e), e.type(), expected);
    }

    /**
     * A term of type {@code from} written as one of type {@code to}: where both are numeric (or
     * functions to numeric sorts) but differ, the values go through their integers, so Slot 2
     * and the Int 2 and Pmg 2 are the same number; any other term is returned as it is.
     */
    private String convert(String term, Type from, Type to) {
        Type a = result(from);
        Type b = result(to);
        if (a.equals(b) || !a.numeric() || !b.numeric()) {
            return term;
        }
        String asInt = a instanceof Type.Int ? term
                : operand(term) + "." + names.integers(range(a));
        return b instanceof Type.Int ? asInt
                : operand(asInt) + ".~" + names.integers(range(b));
    }

    /** The type at the end of a function type's columns. */
    private static Type result(Type t) {
        return t instanceof Type.FnOf f ? result(f.range()) : t;
    }

    private static RangeSort range(Type numericScalar) {
        return (RangeSort) ((Type.Scalar) numericScalar).sort();
    }

    /**
     * The type two numeric operands are compared in: a range sort when the other side is one of
     * its integer constants (p = 0 reads p = Partid0), else Int if either side is, else the left's.
     */
    private static Type common(Expr left, Expr right) {
        if (constantOf(left, right.type()) != null) {
            return right.type();
        }
        if (constantOf(right, left.type()) != null) {
            return left.type();
        }
        return result(left.type()) instanceof Type.Int || result(right.type()) instanceof Type.Int
                ? Type.INT : left.type();
    }

    /** The element of range scalar type {@code t} that constant {@code e} names, or null. */
    private static Value.Atom constantOf(Expr e, Type t) {
        if (e instanceof Expr.Const c && c.value() instanceof Value.IntVal i
                && t instanceof Type.Scalar s && s.sort() instanceof RangeSort r
                && i.value() >= r.lo() && i.value() <= r.hi()) {
            return r.of((int) i.value());
        }
        return null;
    }

    /** An expression as an Alloy term (a boolean one as TRUE or FALSE). */
    String term(Expr e) {
        if (isFormula(e)) {
            return "(" + formulaOperand(e) + " => TRUE else FALSE)";
        }
        return e.accept(new Terms());
    }

    /** A value as an Alloy term. */
    String value(Value v) {
        if (v instanceof Value.Atom a) {
            return names.element(a.sort(), a.index());
        }
        if (v instanceof Value.IntVal i) {
            return Long.toString(i.value());
        }
        if (v instanceof Value.SetVal s) {
            if (names.anonymous(s.element()) && s.bits() != 0) {
                uniform(Long.bitCount(s.bits()) == s.element().size(), v);
                return names.sort(s.element());
            }
            List<String> parts = s.elements().stream().map(this::value).toList();
            return parts.isEmpty() ? "none" : String.join(" + ", parts);
        }
        Value.FnVal f = (Value.FnVal) v;
        if (names.anonymous(f.type().domain())) {
            uniform(f.values().stream().distinct().count() == 1, v);
            Value image = f.apply(0);
            if (!(image instanceof Value.SetVal s && s.bits() == 0)) {
                return names.sort(f.type().domain()) + " -> " + operand(value(image));
            }
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < f.values().size(); i++) {
            Value image = f.apply(i);
            if (image instanceof Value.SetVal s && s.bits() == 0) {
                continue;
            }
            parts.add(names.element(f.type().domain(), i) + " -> " + operand(value(image)));
        }
        if (parts.isEmpty()) {
            return String.join(" -> ", java.util.Collections.nCopies(arity(f.type()), "none"));
        }
        return String.join(" + ", parts);
    }

    /** Anonymous atoms have no names, so values must treat them all alike (as SpecShape ensured). */
    private static void uniform(boolean ok, Value v) {
        if (!ok) {
            throw new IllegalStateException("value names an anonymous atom: " + v);
        }
    }

    /** The number of columns of a type's relation. */
    static int arity(Type t) {
        return t instanceof Type.FnOf f ? 1 + arity(f.range()) : 1;
    }

    private static boolean isFormula(Expr e) {
        return e instanceof Expr.Eq || e instanceof Expr.Not || e instanceof Expr.Junction
                || e instanceof Expr.Implies || e instanceof Expr.Compare || e instanceof Expr.Member
                || e instanceof Expr.Quant
                || (e instanceof Expr.Ite i && Type.BOOL.equals(i.type()) && isFormula(i.then())
                        && isFormula(i.otherwise()));
    }

    /** A term as an operand of a binary operator: bracketed unless it has no top-level space. */
    static String operand(String term) {
        int depth = 0;
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ' ' && depth == 0) {
                return "(" + term + ")";
            }
        }
        return term;
    }

    /** A formula as an operand of a connective: bracketed unless it binds tighter. */
    private String formulaOperand(Expr e) {
        String f = formula(e);
        boolean loose = e instanceof Expr.Junction || e instanceof Expr.Implies
                || e instanceof Expr.Quant || e instanceof Expr.Ite
                || (e instanceof Expr.Eq q && !bothTerms(q));
        return loose ? "(" + f + ")" : f;
    }

    private static boolean bothTerms(Expr.Eq e) {
        return !isFormula(e.left()) && !isFormula(e.right());
    }

    private String quantified(Param p) {
        return names.local(p) + ": " + names.sort(p.sort());
    }

    private String member(Expr.Member e, String op) {
        Sort element = ((Type.SetOf) e.set().type()).element();
        return term(e.element(), Type.of(element)) + op + term(e.set());
    }

    /** {@code left op right} for = and !=, both sides written in one type. */
    private String equality(Expr.Eq e, String op) {
        Type t = common(e.left(), e.right());
        return term(e.left(), t) + op + term(e.right(), t);
    }

    /** Formulas: the boolean nodes Alloy has as formulas. */
    private final class Formulas extends Unsupported {
        public String visit(Expr.Eq e) {
            if (bothTerms(e)) {
                return equality(e, " = ");
            }
            return formulaOperand(e.left()) + " iff " + formulaOperand(e.right());
        }

        public String visit(Expr.Not e) {
            Expr o = e.operand();
            if (o instanceof Expr.Eq q && bothTerms(q)) {
                return equality(q, " != ");
            }
            if (o instanceof Expr.Member m) {
                return member(m, " not in ");
            }
            return "not " + formulaOperand(o);
        }

        public String visit(Expr.Junction e) {
            return String.join(e.and() ? " and " : " or ",
                    e.operands().stream().map(AlloyExprWriter.this::formulaOperand).toList());
        }

        public String visit(Expr.Implies e) {
            return formulaOperand(e.premise()) + " implies " + formulaOperand(e.conclusion());
        }

        public String visit(Expr.Ite e) {
            return formulaOperand(e.condition()) + " implies " + formulaOperand(e.then())
                    + " else " + formulaOperand(e.otherwise());
        }

        /** Within one range sort by its order (x < y: y is above x), otherwise as integers. */
        public String visit(Expr.Compare e) {
            boolean lt = e.op() == Expr.CompareOp.LT;
            Type t = common(e.left(), e.right());
            if (t instanceof Type.Scalar) {
                return term(e.right(), t) + " in " + operand(term(e.left(), t)) + "."
                        + (lt ? "^" : "*") + names.successor(range(t));
            }
            return term(e.left(), t) + (lt ? " < " : " <= ") + term(e.right(), t);
        }

        public String visit(Expr.Member e) {
            return member(e, " in ");
        }

        public String visit(Expr.Quant e) {
            return (e.all() ? "all " : "some ") + quantified(e.param()) + " | "
                    + formula(e.body());
        }
    }

    /** Terms: values, sets, integers and relations. */
    private final class Terms extends Unsupported {
        private int fresh;

        public String visit(Expr.Const e) {
            return value(e.value());
        }

        public String visit(Expr.VarRef e) {
            return variableText.apply(e.variable());
        }

        public String visit(Expr.ParamRef e) {
            return names.local(e.param());
        }

        public String visit(Expr.Ite e) {
            return "(" + formulaOperand(e.condition()) + " => " + term(e.then(), e.type())
                    + " else " + term(e.otherwise(), e.type()) + ")";
        }

        public String visit(Expr.Arith e) {
            return (e.op() == Expr.ArithOp.PLUS ? "plus[" : "minus[") + term(e.left(), Type.INT)
                    + ", " + term(e.right(), Type.INT) + "]";
        }

        public String visit(Expr.SetBinary e) {
            String op = switch (e.op()) {
                case UNION -> " + ";
                case DIFF -> " - ";
                case INTER -> " & ";
            };
            return operand(term(e.left())) + op + operand(term(e.right()));
        }

        public String visit(Expr.SetLit e) {
            if (e.elements().isEmpty()) {
                return "none";
            }
            Type element = Type.of(e.element());
            return String.join(" + ", e.elements().stream()
                    .map(x -> operand(term(x, element))).toList());
        }

        public String visit(Expr.Filter e) {
            return "{ " + quantified(e.param()) + " | " + formula(e.predicate()) + " }";
        }

        /** Option sorts share their base's atoms (and integers); only none is extra. */
        public String visit(Expr.Some e) {
            return term(e.value(), Type.of(e.sort().base()));
        }

        public String visit(Expr.Card e) {
            return "#" + operand(term(e.set()));
        }

        public String visit(Expr.Min e) {
            RangeSort r = (RangeSort) ((Type.SetOf) e.set().type()).element();
            return AlloyNames.SMALLEST + "[" + term(e.set()) + ", ^" + names.successor(r) + "]";
        }

        public String visit(Expr.Apply e) {
            Type.FnOf f = (Type.FnOf) e.function().type();
            return operand(term(e.function())) + "[" + term(e.argument(), Type.of(f.domain()))
                    + "]";
        }

        public String visit(Expr.Except e) {
            Type.FnOf f = (Type.FnOf) e.function().type();
            String fn = operand(term(e.function()));
            String at = operand(term(e.argument(), Type.of(f.domain())));
            String to = operand(term(e.value(), f.range()));
            if (mayBeEmpty(f.range())) {
                // ++ keeps the old image when the new one is empty, so remove it explicitly.
                return "(" + fn + " - " + at + " <: " + fn + ") + " + at + " -> " + to;
            }
            return fn + " ++ " + at + " -> " + to;
        }

        public String visit(Expr.FnBuild e) {
            List<String> columns = new ArrayList<>();
            List<String> decls = new ArrayList<>();
            Type t = e.range();
            while (true) {
                String v = freshName();
                columns.add(v);
                Sort s = t instanceof Type.FnOf f ? f.domain() : t instanceof Type.SetOf st
                        ? st.element() : ((Type.Scalar) t).sort();
                decls.add(v + ": " + names.sort(s));
                if (!(t instanceof Type.FnOf f)) {
                    break;
                }
                t = f.range();
            }
            String body = term(e.body(), e.range());
            String test = e.range() instanceof Type.Scalar
                    ? columns.get(0) + " = " + body
                    : String.join(" -> ", columns) + " in " + operand(body);
            return "{ " + quantified(e.param()) + ", " + String.join(", ", decls) + " | " + test
                    + " }";
        }

        private String freshName() {
            String name;
            do {
                name = "v" + fresh++;
            } while (names.isGlobal(name));
            return name;
        }
    }

    /** Whether a value of the type can be the empty relation (a set, or a function to sets). */
    private static boolean mayBeEmpty(Type t) {
        return t instanceof Type.SetOf || (t instanceof Type.FnOf f && mayBeEmpty(f.range()));
    }

    /** The default for nodes that belong to the other mode; never reached by construction. */
    private abstract static class Unsupported implements Expr.Visitor<String> {
        private static String wrong(Expr e) {
            throw new IllegalStateException("not expected here: " + e.getClass().getSimpleName());
        }

        public String visit(Expr.Const e) {
            return wrong(e);
        }

        public String visit(Expr.VarRef e) {
            return wrong(e);
        }

        public String visit(Expr.ParamRef e) {
            return wrong(e);
        }

        public String visit(Expr.Eq e) {
            return wrong(e);
        }

        public String visit(Expr.Not e) {
            return wrong(e);
        }

        public String visit(Expr.Junction e) {
            return wrong(e);
        }

        public String visit(Expr.Implies e) {
            return wrong(e);
        }

        public String visit(Expr.Ite e) {
            return wrong(e);
        }

        public String visit(Expr.Compare e) {
            return wrong(e);
        }

        public String visit(Expr.Arith e) {
            return wrong(e);
        }

        public String visit(Expr.Member e) {
            return wrong(e);
        }

        public String visit(Expr.SetBinary e) {
            return wrong(e);
        }

        public String visit(Expr.SetLit e) {
            return wrong(e);
        }

        public String visit(Expr.Filter e) {
            return wrong(e);
        }

        public String visit(Expr.Some e) {
            return wrong(e);
        }

        public String visit(Expr.Card e) {
            return wrong(e);
        }

        public String visit(Expr.Min e) {
            return wrong(e);
        }

        public String visit(Expr.Apply e) {
            return wrong(e);
        }

        public String visit(Expr.Except e) {
            return wrong(e);
        }

        public String visit(Expr.FnBuild e) {
            return wrong(e);
        }

        public String visit(Expr.Quant e) {
            return wrong(e);
        }
    }
}
