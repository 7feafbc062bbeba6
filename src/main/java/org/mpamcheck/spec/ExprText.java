package org.mpamcheck.spec;

import java.util.stream.Collectors;

/** Renders an expression in a TLA+-like ASCII notation, for messages and debugging. */
final class ExprText implements Expr.Visitor<String> {

    private static final ExprText INSTANCE = new ExprText();

    private ExprText() {
    }

    static String of(Expr e) {
        return e.accept(INSTANCE);
    }

    private static String bin(Expr a, String op, Expr b) {
        return "(" + of(a) + op + of(b) + ")";
    }

    private static String bound(Param p) {
        return p.name() + " \\in " + p.sort().name();
    }

    public String visit(Expr.Const e) {
        return e.value().toString();
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
        return e.operand() instanceof Expr.Eq q ? bin(q.left(), " # ", q.right())
                : "~" + of(e.operand());
    }

    public String visit(Expr.Junction e) {
        return e.operands().stream().map(ExprText::of)
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
        return e.elements().stream().map(ExprText::of).collect(Collectors.joining(", ", "{", "}"));
    }

    public String visit(Expr.Filter e) {
        return "{" + bound(e.param()) + " : " + of(e.predicate()) + "}";
    }

    public String visit(Expr.Card e) {
        return "Cardinality(" + of(e.set()) + ")";
    }

    public String visit(Expr.Min e) {
        return "Min(" + of(e.set()) + ")";
    }

    public String visit(Expr.Apply e) {
        return of(e.function()) + "[" + of(e.argument()) + "]";
    }

    public String visit(Expr.Except e) {
        return "[" + of(e.function()) + " EXCEPT ![" + of(e.argument()) + "] = " + of(e.value())
                + "]";
    }

    public String visit(Expr.FnBuild e) {
        return "[" + bound(e.param()) + " |-> " + of(e.body()) + "]";
    }

    public String visit(Expr.Quant e) {
        return "(" + (e.all() ? "\\A " : "\\E ") + bound(e.param()) + " : " + of(e.body()) + ")";
    }

    public String visit(Expr.Some e) {
        return of(e.value());
    }
}
