package org.mpamcheck.spec;

import java.util.List;

/**
 * A set of interchangeable model values (CPUs, tasks, group slots). Specs never name one element in
 * an action or invariant, so any permutation of the elements maps behaviours to behaviours; the
 * engines exploit that (symmetry reduction).
 */
public record SymmetricSort(String name, List<String> elements) implements Sort {

    public SymmetricSort {
        Sort.checkIdentifier("sort", name);
        elements = List.copyOf(elements);
        if (elements.isEmpty()) {
            throw new SpecException("sort " + name + " is empty");
        }
        for (String e : elements) {
            Sort.checkIdentifier("element of " + name, e);
        }
        if (elements.stream().distinct().count() != elements.size()) {
            throw new SpecException("sort " + name + " repeats an element");
        }
    }

    /** A sort of {@code n} elements named {@code prefix0 .. prefix(n-1)}. */
    public static SymmetricSort of(String name, String prefix, int n) {
        return new SymmetricSort(name,
                java.util.stream.IntStream.range(0, n).mapToObj(i -> prefix + i).toList());
    }

    @Override
    public int size() {
        return elements.size();
    }

    @Override
    public String label(int index) {
        return elements.get(index);
    }

    @Override
    public boolean symmetric() {
        return true;
    }
}
