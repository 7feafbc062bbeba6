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
 * {@code => TRUE else FALSE} only where the two meet. Range values are Alloy integers, so
 * arithmetic, comparison and cardinality are Alloy's own. How a state variable is read (the
 * temporal {@code State.x}, the induction {@code pre.x}) is the caller's choice.
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
            List<String> parts = s.elements().stream().map(this::value).toList();
            return parts.isEmpty() ? "none" : String.join(" + ", parts);
        }
        Value.FnVal f = (Value.FnVal) v;
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

    /** The number of columns of a type's relation. */
    static int arity(Type t) {
        return t instanceof Type.FnOf f ? 1 + arity(f.range()) : 1;
    }

    /** The Alloy expression of a sort's values: a sig, or a fun for integer-based sorts. */
    String sortSet(Sort s) {
        return names.sort(s);
    }

    /** What a pred parameter or a field column of this sort is declared as. */
    String declaredAs(Sort s) {
        if (AlloyNames.sigBased(s)) {
            return names.sort(s);
        }
        return s instanceof RangeSort ? "Int" : "univ";
    }

    /** Whether a type's relation is exactly described by its field declaration. */
    static boolean declarable(Type t) {
        if (t instanceof Type.FnOf f) {
            return AlloyNames.sigBased(f.domain()) && declarable(f.range());
        }
        return true;
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
        return names.local(p) + ": " + sortSet(p.sort());
    }

    /** Formulas: the boolean nodes Alloy has as formulas. */
    private final class Formulas extends Unsupported {
        public String visit(Expr.Eq e) {
            if (bothTerms(e)) {
                return term(e.left()) + " = " + term(e.right());
            }
            return formulaOperand(e.left()) + " iff " + formulaOperand(e.right());
        }

        public String visit(Expr.Not e) {
            Expr o = e.operand();
            if (o instanceof Expr.Eq q && bothTerms(q)) {
                return term(q.left()) + " != " + term(q.right());
            }
            if (o instanceof Expr.Member m) {
                return term(m.element()) + " not in " + term(m.set());
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

        public String visit(Expr.Compare e) {
            return term(e.left()) + (e.op() == Expr.CompareOp.LT ? " < " : " <= ")
                    + term(e.right());
        }

        public String visit(Expr.Member e) {
            return term(e.element()) + " in " + term(e.set());
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
            return "(" + formulaOperand(e.condition()) + " => " + term(e.then()) + " else "
                    + term(e.otherwise()) + ")";
        }

        public String visit(Expr.Arith e) {
            return (e.op() == Expr.ArithOp.PLUS ? "plus[" : "minus[") + term(e.left()) + ", "
                    + term(e.right()) + "]";
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
            return String.join(" + ", e.elements().stream().map(x -> operand(term(x))).toList());
        }

        public String visit(Expr.Filter e) {
            return "{ " + quantified(e.param()) + " | " + formula(e.predicate()) + " }";
        }

        /** Option sorts share their base's atoms (and integers); only none is extra. */
        public String visit(Expr.Some e) {
            return term(e.value());
        }

        public String visit(Expr.Card e) {
            return "#" + operand(term(e.set()));
        }

        public String visit(Expr.Min e) {
            return AlloyNames.SMALLEST + "[" + term(e.set()) + "]";
        }

        public String visit(Expr.Apply e) {
            return operand(term(e.function())) + "[" + term(e.argument()) + "]";
        }

        public String visit(Expr.Except e) {
            Type.FnOf f = (Type.FnOf) e.function().type();
            String fn = operand(term(e.function()));
            String at = operand(term(e.argument()));
            String to = operand(term(e.value()));
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
                decls.add(v + ": " + sortSet(s));
                if (!(t instanceof Type.FnOf f)) {
                    break;
                }
                t = f.range();
            }
            String body = term(e.body());
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
