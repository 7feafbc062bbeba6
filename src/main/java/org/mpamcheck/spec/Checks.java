package org.mpamcheck.spec;

/** Type checks shared by the expression nodes; each message names the offending term. */
final class Checks {

    private Checks() {
    }

    static void bool(String op, Expr e) {
        if (!Type.BOOL.equals(e.type())) {
            throw mismatch(op, e, "BOOLEAN");
        }
    }

    static void numeric(String op, Expr e) {
        if (!e.type().numeric()) {
            throw mismatch(op, e, "an integer");
        }
    }

    static void compatible(String op, Expr a, Expr b) {
        if (!a.type().accepts(b.type()) && !b.type().accepts(a.type())) {
            throw new SpecException("type mismatch in " + op + ": " + Exprs.text(a) + " is "
                    + a.type() + " but " + Exprs.text(b) + " is " + b.type());
        }
    }

    static void fits(String op, Type expected, Expr e) {
        if (!expected.accepts(e.type())) {
            throw mismatch(op, e, expected.toString());
        }
    }

    static Sort setElement(String op, Expr e) {
        if (e.type() instanceof Type.SetOf s) {
            return s.element();
        }
        throw mismatch(op, e, "a set");
    }

    static Type.FnOf function(String op, Expr e) {
        if (e.type() instanceof Type.FnOf f) {
            return f;
        }
        throw mismatch(op, e, "a function");
    }

    private static SpecException mismatch(String op, Expr e, String expected) {
        return new SpecException("type mismatch in " + op + ": " + Exprs.text(e) + " is "
                + e.type() + ", expected " + expected);
    }
}
