package org.mpamcheck.spec;

/** FALSE (index 0) and TRUE (index 1). Use {@link Sort#BOOL}. */
public record BoolSort() implements Sort {

    @Override
    public String name() {
        return "BOOLEAN";
    }

    @Override
    public int size() {
        return 2;
    }

    @Override
    public String label(int index) {
        return index == 0 ? "FALSE" : "TRUE";
    }
}
