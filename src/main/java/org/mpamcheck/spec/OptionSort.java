package org.mpamcheck.spec;

/**
 * The elements of a base sort plus one extra value, "none" (an idle CPU's task, a lock without a
 * holder). Index {@code i < base.size()} is base element {@code i}; the last index is none, labelled
 * {@code no<Base>}. Option values never take part in arithmetic, even over a range base.
 */
public record OptionSort(Sort base) implements Sort {

    public OptionSort {
        if (base instanceof OptionSort || base instanceof BoolSort) {
            throw new SpecException("option of " + base.name() + " is not allowed");
        }
    }

    @Override
    public String name() {
        return base.name() + "OrNone";
    }

    @Override
    public int size() {
        return base.size() + 1;
    }

    @Override
    public String label(int index) {
        return index == base.size() ? noneLabel() : base.label(index);
    }

    /** The label of the extra value, e.g. {@code noTask}. */
    public String noneLabel() {
        return "no" + base.name();
    }

    public int noneIndex() {
        return base.size();
    }

    public Value.Atom none() {
        return new Value.Atom(this, base.size());
    }

    /** The option value that holds base element {@code index}. */
    public Value.Atom some(int index) {
        return new Value.Atom(this, index);
    }
}
