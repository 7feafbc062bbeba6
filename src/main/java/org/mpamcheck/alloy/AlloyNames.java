package org.mpamcheck.alloy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.BoolSort;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.OptionSort;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.Variable;

/**
 * The Alloy identifier of every spec name. Alloy has one global namespace for sigs, atoms
 * (one sigs), fields, preds and funs, and a local variable shadows a global one, so names are
 * allotted once per spec in declaration order: the spec's own name when it is free, otherwise the
 * name with a qualifying suffix. Both module forms use the same table, so they read alike.
 */
final class AlloyNames {

    /** Alloy keywords and built-in names that no spec name may take. */
    private static final Set<String> RESERVED = Set.of("abstract", "all", "and", "as", "assert",
            "but", "check", "disj", "else", "exactly", "extends", "fact", "for", "fun", "iden",
            "iff", "implies", "in", "Int", "int", "let", "lone", "module", "no", "none", "not", "one",
            "open", "or", "pred", "run", "set", "sig", "some", "sum", "univ", "seq", "this",
            "String", "steps", "var", "always", "eventually", "after", "before", "historically",
            "once", "until", "releases", "since", "triggered", "enum", "private", "expect",
            "plus", "minus", "mul", "div", "rem", "max", "min", "next", "prev", "disjoint");

    /** Fixed names of the scaffolding; reserved before any spec name is allotted. */
    static final String STATE = "State";
    static final String PRE = "pre";
    static final String POST = "post";
    /** The least atoms of a set under an order (see {@link ModuleText#sorts}). */
    static final String SMALLEST = "smallest";
    static final String INIT = "Init";
    static final String STUTTER = "Stutter";
    static final String INDUCTIVE = "Inductive";
    static final String INITIATION = "Initiation";
    /** The state parameter of an invariant pred and the locals of the helper funs. */
    static final String STATE_LOCAL = "s";
    static final String ORDER_LOCAL = "below";

    private final Set<String> taken = new HashSet<>(RESERVED);
    private final Map<Sort, String> sorts = new HashMap<>();
    private final Map<Sort, List<String>> atoms = new HashMap<>();
    private final Map<Sort, String> noneAtoms = new HashMap<>();
    private final Map<Sort, String> integers = new HashMap<>();
    private final Map<Sort, String> successors = new HashMap<>();
    private final Map<Variable, String> variables = new HashMap<>();
    private final Map<String, String> actions = new HashMap<>();
    private final Map<String, String> invariants = new HashMap<>();

    private final Set<Sort> anonymous;

    AlloyNames(Spec spec, List<Sort> allSorts, Set<Sort> anonymous) {
        this.anonymous = anonymous;
        for (String fixed : List.of(STATE, PRE, POST, SMALLEST, INIT, STUTTER, INDUCTIVE, INITIATION, STATE_LOCAL,
                ORDER_LOCAL)) {
            taken.add(fixed);
        }
        for (Sort s : allSorts) {
            sorts.put(s, allot(s instanceof BoolSort ? "Bool" : s.name(), "Sort"));
        }
        for (Sort s : allSorts) {
            if (s instanceof OptionSort o) {
                noneAtoms.put(s, allot(o.noneLabel(), s.name()));
            } else {
                List<String> names = new java.util.ArrayList<>();
                for (int i = 0; i < s.size(); i++) {
                    // Alloy's own label of an anonymous atom; '$' keeps it out of every namespace
                    names.add(anonymous.contains(s) ? sorts.get(s) + "$" + i
                            : allot(atomLabel(s, i), sorts.get(s)));
                }
                atoms.put(s, List.copyOf(names));
            }
        }
        for (Sort s : allSorts) {
            if (s instanceof RangeSort) {
                integers.put(s, allot(sorts.get(s) + "_int", "fun"));
                successors.put(s, allot(sorts.get(s) + "_next", "fun"));
            }
        }
        for (Variable v : spec.variables()) {
            variables.put(v, allot(v.name(), "var"));
        }
        for (Action a : spec.actions()) {
            actions.put(a.name(), allot(a.name(), "action"));
        }
        for (Invariant i : spec.invariants()) {
            invariants.put(i.name(), allot(i.identifier(), "inv"));
        }
    }

    private String allot(String wanted, String qualifier) {
        String name = wanted;
        if (taken.contains(name)) {
            name = wanted + "_" + qualifier;
        }
        for (int n = 2; taken.contains(name); n++) {
            name = wanted + "_" + qualifier + n;
        }
        taken.add(name);
        return name;
    }

    /** A range element's atom reads as its integer after the sort's name: Partid3, Slot_m1. */
    private static String atomLabel(Sort s, int index) {
        if (s instanceof RangeSort r) {
            int v = r.lo() + index;
            return r.name() + (v < 0 ? "_m" + -v : Integer.toString(v));
        }
        return s.label(index);
    }

    /** Whether a sort's atoms are Alloy's anonymous {@code Sort$i} (see {@link SpecShape}). */
    boolean anonymous(Sort s) {
        return anonymous.contains(s);
    }

    /** The sig that denotes a sort. */
    String sort(Sort s) {
        return sorts.get(s);
    }

    /** The fun mapping each atom of a range sort to its integer. */
    String integers(RangeSort s) {
        return integers.get(s);
    }

    /** The fun mapping each atom of a range sort to the next one up. */
    String successor(RangeSort s) {
        return successors.get(s);
    }

    /** The atom of an element of a sort. */
    String element(Sort s, int index) {
        if (s instanceof OptionSort o) {
            return index == o.noneIndex() ? noneAtoms.get(s) : element(o.base(), index);
        }
        return atoms.get(s).get(index);
    }

    String noneAtom(OptionSort s) {
        return noneAtoms.get(s);
    }

    String variable(Variable v) {
        return variables.get(v);
    }

    String action(Action a) {
        return actions.get(a.name());
    }

    String invariant(Invariant i) {
        return invariants.get(i.name());
    }

    /** A local name for a parameter: its own unless that would shadow a global name. */
    String local(Param p) {
        return taken.contains(p.name()) ? p.name() + "_" : p.name();
    }

    /** Whether a global name is taken (for fresh local names). */
    boolean isGlobal(String name) {
        return taken.contains(name);
    }

}
