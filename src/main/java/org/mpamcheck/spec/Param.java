package org.mpamcheck.spec;

/** A bound name over a sort: an action parameter, or the variable of a quantifier or a builder. */
public record Param(String name, Sort sort) {

    public Param {
        Sort.checkIdentifier("parameter", name);
    }

    public Type type() {
        return Type.of(sort);
    }
}
