package org.mpamcheck.spec;

import java.util.List;

/**
 * A concrete value: what an initial state and a trace hold. Engines use their own packed encodings
 * internally and convert at the edges.
 */
public sealed interface Value permits Value.Atom, Value.IntVal, Value.SetVal, Value.FnVal {

    Type type();

    /** An element of a sort, by index. For a range sort, index {@code i} is integer {@code lo+i}. */
    record Atom(Sort sort, int index) implements Value {
        public Atom {
            if (index < 0 || index >= sort.size()) {
                throw new SpecException("index " + index + " is outside sort " + sort.name());
            }
        }

        @Override
        public Type type() {
            return Type.of(sort);
        }

        public String label() {
            return sort.label(index);
        }

        /** The integer of a range element. */
        public int intValue() {
            if (sort instanceof RangeSort r) {
                return r.lo() + index;
            }
            throw new SpecException(label() + " of sort " + sort.name() + " is not an integer");
        }

        @Override
        public String toString() {
            return label();
        }
    }

    /** An integer computed by arithmetic or cardinality. */
    record IntVal(long value) implements Value {
        @Override
        public Type type() {
            return Type.INT;
        }

        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    /** A set of elements of a sort; bit {@code i} of {@code bits} is element index {@code i}. */
    record SetVal(Sort element, long bits) implements Value {
        public SetVal {
            if (element.size() < 64 && (bits >>> element.size()) != 0) {
                throw new SpecException("set of " + element.name() + " has bits outside the sort");
            }
        }

        @Override
        public Type type() {
            return new Type.SetOf(element);
        }

        public boolean contains(int index) {
            return (bits >>> index & 1L) != 0;
        }

        public List<Atom> elements() {
            return java.util.stream.IntStream.range(0, element.size()).filter(this::contains)
                    .mapToObj(i -> new Atom(element, i)).toList();
        }

        @Override
        public String toString() {
            return elements().toString().replace('[', '{').replace(']', '}');
        }
    }

    /** A total function: {@code values.get(i)} is the image of domain element {@code i}. */
    record FnVal(Type.FnOf type, List<Value> values) implements Value {
        public FnVal {
            values = List.copyOf(values);
            if (values.size() != type.domain().size()) {
                throw new SpecException("function " + type + " needs " + type.domain().size()
                        + " values, got " + values.size());
            }
            for (Value v : values) {
                if (!type.range().accepts(v.type())) {
                    throw new SpecException("function " + type + " has a value " + v + " of type "
                            + v.type());
                }
            }
        }

        public Value apply(int index) {
            return values.get(index);
        }

        /** The same value for every argument. */
        public static FnVal constant(Sort domain, Value v) {
            return new FnVal(new Type.FnOf(domain, v.type()),
                    java.util.Collections.nCopies(domain.size(), v));
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("(");
            for (int i = 0; i < values.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(type.domain().label(i)).append(" :> ")
                        .append(values.get(i));
            }
            return b.append(')').toString();
        }
    }

    static Atom bool(boolean b) {
        return new Atom(Sort.BOOL, b ? 1 : 0);
    }

    static SetVal emptySet(Sort element) {
        return new SetVal(element, 0L);
    }
}
