package org.mpamcheck.tla;

import java.util.HashSet;
import java.util.Set;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.OptionSort;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.Variable;

/**
 * The identifiers a module uses. Spec names must not collide with TLA+ keywords or with what the
 * extended standard modules define; the emitter's own names (Init, Next, vars, ...) are chosen
 * fresh, so a spec that happens to name an action {@code Next} still exports.
 */
final class TlaNames {

    /** Keywords and the operators of Integers, FiniteSets, TLC (and the modules TLC extends). */
    private static final Set<String> RESERVED = Set.of("ASSUME", "ASSUMPTION", "AXIOM", "CASE",
            "CHOOSE", "CONSTANT", "CONSTANTS", "DOMAIN", "ELSE", "ENABLED", "EXCEPT", "EXTENDS",
            "IF", "IN", "INSTANCE", "LET", "LOCAL", "MODULE", "OTHER", "SF_", "SUBSET", "THEN",
            "THEOREM", "UNCHANGED", "UNION", "VARIABLE", "VARIABLES", "WF_", "WITH", "BOOLEAN",
            "TRUE", "FALSE", "STRING", "Nat", "Int", "Real", "Cardinality", "IsFiniteSet", "Seq",
            "Len", "Append", "Head", "Tail", "SubSeq", "SelectSeq", "Print", "PrintT", "Assert",
            "JavaTime", "TLCGet", "TLCSet", "Permutations", "SortSeq", "RandomElement", "Any",
            "ToString", "TLCEval", "div", "LAMBDA", "ACTION", "PROOF", "BY", "QED", "OBVIOUS",
            "OMITTED", "PICK", "HAVE", "TAKE", "WITNESS", "USE", "HIDE", "DEFINE", "DEF", "DEFS",
            "SUFFICES", "PROVE", "NEW", "STATE", "TEMPORAL", "LEMMA", "PROPOSITION", "COROLLARY",
            "RECURSIVE", "ONLY", "Integers", "FiniteSets", "TLC", "Naturals",
            "Sequences");

    private final Set<String> taken = new HashSet<>(RESERVED);

    TlaNames(Spec spec) {
        claim(spec.name());
        for (Sort s : spec.sorts()) {
            claim(s.name());
            taken.add(new OptionSort(s).noneLabel()); // a model value if the module needs it
            if (s.symmetric()) {
                for (int i = 0; i < s.size(); i++) {
                    claim(s.label(i));
                }
            }
        }
        for (Variable v : spec.variables()) {
            claim(v.name());
        }
        for (Action a : spec.actions()) {
            claim(a.name());
            a.params().forEach(p -> taken.add(p.name()));
            a.guards().forEach(g -> bindersOf(g.condition()));
            a.refusals().forEach(r -> bindersOf(r.when()));
            a.updates().forEach(u -> bindersOf(u.value()));
        }
        for (Invariant i : spec.invariants()) {
            claim(i.identifier());
            bindersOf(i.predicate());
        }
    }

    private void claim(String name) {
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is reserved in TLA+: rename it");
        }
        taken.add(name);
    }

    private void bindersOf(Expr e) {
        new ExprWalker(p -> taken.add(p.name()), a -> { }).walk(e);
    }

    /** {@code base}, or {@code base1}, {@code base2}, ... whichever is first unused; then taken. */
    String fresh(String base) {
        String name = base;
        for (int i = 1; taken.contains(name); i++) {
            name = base + i;
        }
        taken.add(name);
        return name;
    }
}
