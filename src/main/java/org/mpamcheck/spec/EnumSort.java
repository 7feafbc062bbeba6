package org.mpamcheck.spec;

import java.util.List;

/** A fixed set of named constants (a CPU's context: user, kernel, irq). */
public record EnumSort(String name, List<String> values) implements Sort {

    public EnumSort {
        Sort.checkIdentifier("sort", name);
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new SpecException("sort " + name + " is empty");
        }
        for (String v : values) {
            Sort.checkIdentifier("value of " + name, v);
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new SpecException("sort " + name + " repeats a value");
        }
    }

    public static EnumSort of(String name, String... values) {
        return new EnumSort(name, List.of(values));
    }

    @Override
    public int size() {
        return values.size();
    }

    @Override
    public String label(int index) {
        return values.get(index);
    }
}
