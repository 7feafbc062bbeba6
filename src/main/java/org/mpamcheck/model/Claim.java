package org.mpamcheck.model;

import java.util.Optional;
import java.util.function.Function;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Invariant;

/**
 * A property or a lemma of the model, everything about it in one entry: its id, the one line a
 * report prints (exactly what is checked), how its predicate is built at a scope, and, for a
 * property about a situation (a lock with waiters, an interrupt), its premise: when no reachable
 * state has the premise, the property is vacuous, not held.
 */
public record Claim(String id, String description, Invariant.Kind kind,
        Function<ResctrlState, Expr> predicate, String premiseText,
        Function<ResctrlState, Optional<Expr>> premise) {

    /** A property about a situation ({@code premiseText}, e.g. "an interrupted task"). */
    public static Claim property(String id, String description,
            Function<ResctrlState, Expr> predicate, String premiseText,
            Function<ResctrlState, Expr> premise) {
        return new Claim(id, description, Invariant.Kind.PROPERTY, predicate, premiseText,
                s -> Optional.of(premise.apply(s)));
    }

    /** A property that is about every state, with no premise to reach. */
    public static Claim property(String id, String description,
            Function<ResctrlState, Expr> predicate) {
        return new Claim(id, description, Invariant.Kind.PROPERTY, predicate, "",
                s -> Optional.empty());
    }

    public static Claim lemma(String id, String description,
            Function<ResctrlState, Expr> predicate) {
        return new Claim(id, description, Invariant.Kind.LEMMA, predicate, "",
                s -> Optional.empty());
    }

    public Invariant invariant(ResctrlState s) {
        return new Invariant(id, description, predicate.apply(s), kind);
    }

    /**
     * The witness invariant {@code not premise}, named {@code premise-of-<id>}, if any; its
     * description is the premise in words.
     */
    public Optional<Invariant> witness(ResctrlState s) {
        return premise.apply(s).map(p -> new Invariant(witnessName(id), premiseText,
                org.mpamcheck.spec.Exprs.not(p), Invariant.Kind.WITNESS));
    }

    /** The name of a property's witness invariant. */
    public static String witnessName(String property) {
        return "premise-of-" + property;
    }
}
