package org.mpamcheck.spec;

/**
 * A named state predicate that must hold in every reachable state. A {@code PROPERTY} is what a
 * report is about; a {@code LEMMA} is an auxiliary invariant that strengthens an induction proof
 * (the search checks it like any other, so a wrong lemma is caught); a {@code WITNESS} is the
 * negation of a property's premise, searched to show the premise is reachable: its violation is
 * the wanted outcome, and if it holds the property is vacuous.
 */
public record Invariant(String name, String description, Expr predicate, Kind kind) {

    public enum Kind { PROPERTY, LEMMA, WITNESS }

    public Invariant {
        Sort.checkIdentifier("invariant", name.replace('-', '_'));
        Checks.bool("invariant " + name, predicate);
    }

    public Invariant(String name, String description, Expr predicate) {
        this(name, description, predicate, Kind.PROPERTY);
    }

    /** The name as an identifier in exported modules ({@code partid-exclusive -> PartidExclusive}). */
    public String identifier() {
        StringBuilder b = new StringBuilder();
        for (String part : name.split("-")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }
}
