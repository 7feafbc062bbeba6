package org.mpamcheck.spec;

/** A state variable; its type must be storable. */
public record Variable(String name, Type type, String description) {

    public Variable {
        Sort.checkIdentifier("variable", name);
        if (!type.storable()) {
            throw new SpecException("variable " + name + " has type " + type
                    + ", which cannot be stored");
        }
    }
}
