package org.mpamcheck.spec;

import java.util.stream.Collectors;

/**
 * Writes an expression in TLA+ notation. Every compound node is parenthesised, so the text never
 * depends on TLA+'s precedence rules; {@link #unwrap} drops the outermost pair. {@link Names}
 * spells values and sorts: the TLA+ export's model values, or plain names for messages.
 */
public final class ExprWriter implements Expr.Visitor<String> {

    /** How values, sorts and the least-element operator are spelled. */
    public interface Names {
        String value(Value v);

        String sortSet(Sort s);

        String minOperator();
    }

    /** Plain names, for messages: values as they print, sorts by name. */
    private static final Names PLAIN = new Names() {
        public String value(Value v) {
            return v.toString();
        }

        public String sortSet(Sort s) {
            return s.name();
        }

        public String minOperator() {
            return "Min";
        }
    };

    private final Names text;

    public ExprWriter(Names names) {
        this.text = names;
    }

    /** The expression in TLA+-like ASCII with plain names, for messages. */
    public static String plain(Expr e) {
        return unwrap(e.accept(new ExprWriter(PLAIN)));
    }

    /** Drops one pair of parentheses that encloses the whole text. */
    public static String unwrap(String s) {
        if (!s.startsWith("(") || !s.endsWith(")")) {
            return s;
        }
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0 && i < s.length() - 1) {
                    return s;
                }
            }
        }
        return s.substring(1, s.length() - 1);
    }

    private String of(Expr e) {
        return e.accept(this);
    }

    private String bin(Expr a, String op, Expr b) {
        return "(" + of(a) + op + of(b) + ")";
    }

    private String bound(Param p) {
        return p.name() + " \\in " + text.sortSet(p.sort());
    }

    public String visit(Expr.Const e) {
        return text.value(e.value());
    }

    public String visit(Expr.VarRef e) {
        return e.variable().name();
    }

    public String visit(Expr.ParamRef e) {
        return e.param().name();
    }

    public String visit(Expr.Eq e) {
        return bin(e.left(), " = ", e.right());
    }

    public String visit(Expr.Not e) {
        if (e.operand() instanceof Expr.Eq q) {
            return bin(q.left(), " # ", q.right());
        }
        if (e.operand() instanceof Expr.Member m) {
            return bin(m.element(), " \\notin ", m.set());
        }
        String operand = of(e.operand());
        boolean enclosed = !unwrap(operand).equals(operand);
        return "~" + (enclosed ? operand : "(" + operand + ")");
    }

    public String visit(Expr.Junction e) {
        if (e.operands().size() == 1) {
            return of(e.operands().get(0));
        }
        return e.operands().stream().map(this::of)
                .collect(Collectors.joining(e.and() ? " /\\ " : " \\/ ", "(", ")"));
    }

    public String visit(Expr.Implies e) {
        return bin(e.premise(), " => ", e.conclusion());
    }

    public String visit(Expr.Ite e) {
        return "(IF " + of(e.condition()) + " THEN " + of(e.then()) + " ELSE " + of(e.otherwise())
                + ")";
    }

    public String visit(Expr.Compare e) {
        return bin(e.left(), e.op() == Expr.CompareOp.LT ? " < " : " <= ", e.right());
    }

    public String visit(Expr.Arith e) {
        return bin(e.left(), e.op() == Expr.ArithOp.PLUS ? " + " : " - ", e.right());
    }

    public String visit(Expr.Member e) {
        return bin(e.element(), " \\in ", e.set());
    }

    public String visit(Expr.SetBinary e) {
        String op = switch (e.op()) {
            case UNION -> " \\cup ";
            case DIFF -> " \\ ";
            case INTER -> " \\cap ";
        };
        return bin(e.left(), op, e.right());
    }

    public String visit(Expr.SetLit e) {
        return e.elements().stream().map(this::of).map(ExprWriter::unwrap)
                .collect(Collectors.joining(", ", "{", "}"));
    }

    public String visit(Expr.Filter e) {
        return "{" + bound(e.param()) + " : " + unwrap(of(e.predicate())) + "}";
    }

    /** An option sort holds its base's values plus a model value for none. */
    public String visit(Expr.Some e) {
        return of(e.value());
    }

    public String visit(Expr.Card e) {
        return "Cardinality(" + unwrap(of(e.set())) + ")";
    }

    public String visit(Expr.Min e) {
        return text.minOperator() + "(" + unwrap(of(e.set())) + ")";
    }

    public String visit(Expr.Apply e) {
        String f = of(e.function());
        return f + "[" + unwrap(of(e.argument())) + "]";
    }

    public String visit(Expr.Except e) {
        return "[" + unwrap(of(e.function())) + " EXCEPT ![" + unwrap(
                of(e.argument())) + "] = " + unwrap(of(e.value())) + "]";
    }

    public String visit(Expr.FnBuild e) {
        return "[" + bound(e.param()) + " |-> " + unwrap(of(e.body())) + "]";
    }

    public String visit(Expr.Quant e) {
        return "(" + (e.all() ? "\\A " : "\\E ") + bound(e.param()) + " : "
                + unwrap(of(e.body())) + ")";
    }
}
