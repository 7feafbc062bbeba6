package org.mpamcheck.spec;

/**
 * A finite sort: the set of values a scalar can take. Every sort has a fixed size; its elements are
 * numbered {@code 0 .. size()-1} (the index) and each has a label that is a valid identifier in
 * TLA+ and Alloy (or, for a {@link RangeSort}, the decimal integer).
 */
public sealed interface Sort permits SymmetricSort, RangeSort, EnumSort, BoolSort, OptionSort {

    /** The boolean sort, shared by every spec. */
    BoolSort BOOL = new BoolSort();

    String name();

    int size();

    /** The label of element {@code index}, as it appears in exported modules and traces. */
    String label(int index);

    /** Whether the elements are interchangeable (model values under symmetry reduction). */
    default boolean symmetric() {
        return false;
    }

    /** The index of the element with this label. */
    default int indexOf(String label) {
        for (int i = 0; i < size(); i++) {
            if (label(i).equals(label)) {
                return i;
            }
        }
        throw new SpecException("sort " + name() + " has no element '" + label + "'");
    }

    /** The value with this label. */
    default Value.Atom value(String label) {
        return new Value.Atom(this, indexOf(label));
    }

    /** The element with this index. */
    default Value.Atom at(int index) {
        return new Value.Atom(this, index);
    }

    static void checkIdentifier(String what, String id) {
        if (id == null || !id.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new SpecException(what + " '" + id + "' is not an identifier");
        }
    }
}
