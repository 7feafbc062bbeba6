package org.mpamcheck.spec;

/** {@code variable' = value}; variables an action does not update keep their value. */
public record Update(Variable variable, Expr value, String cite) {

    public Update {
        Checks.fits(variable.name() + "'", variable.type(), value);
        cite = cite == null ? "" : cite;
    }
}
