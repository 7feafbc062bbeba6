package org.mpamcheck.spec;

/**
 * The type of a variable or expression. Variables have storable types: scalars of a sort, sets of a
 * sort (at most 64 elements, so a set packs into one word), and total functions from a sort to a
 * storable type. {@link IntType} is the type of arithmetic and cardinality; it is not storable but
 * converts to a {@link RangeSort} scalar, with a range check when stored.
 */
public sealed interface Type permits Type.Scalar, Type.Int, Type.SetOf, Type.FnOf {

    Type.Int INT = new Int();
    Type.Scalar BOOL = new Scalar(Sort.BOOL);

    record Scalar(Sort sort) implements Type {
        @Override
        public String toString() {
            return sort.name();
        }
    }

    record Int() implements Type {
        @Override
        public String toString() {
            return "Int";
        }
    }

    record SetOf(Sort element) implements Type {
        public SetOf {
            if (element.size() > 64) {
                throw new SpecException("set of " + element.name() + ": more than 64 elements");
            }
        }

        @Override
        public String toString() {
            return "SUBSET " + element.name();
        }
    }

    record FnOf(Sort domain, Type range) implements Type {
        public FnOf {
            if (range instanceof Int) {
                throw new SpecException("function " + domain.name() + " -> Int: use a range sort");
            }
        }

        @Override
        public String toString() {
            return "[" + domain.name() + " -> " + range + "]";
        }
    }

    static Scalar of(Sort sort) {
        return new Scalar(sort);
    }

    /** Integers and range-sort scalars. */
    default boolean numeric() {
        return this instanceof Int || (this instanceof Scalar s && s.sort() instanceof RangeSort);
    }

    /**
     * Whether a value of type {@code other} may stand where this type is expected: equal types, or
     * numeric on both sides (an {@code Int} stored into a range is checked when evaluated).
     */
    default boolean accepts(Type other) {
        if (equals(other) || (numeric() && other.numeric())) {
            return true;
        }
        if (this instanceof FnOf f && other instanceof FnOf g) {
            return f.domain().equals(g.domain()) && f.range().accepts(g.range());
        }
        return false;
    }

    /** Whether a variable may have this type. */
    default boolean storable() {
        if (this instanceof FnOf f) {
            return f.range().storable();
        }
        return !(this instanceof Int);
    }
}
