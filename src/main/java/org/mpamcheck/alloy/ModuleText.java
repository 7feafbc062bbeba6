package org.mpamcheck.alloy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Guard;
import org.mpamcheck.spec.OptionSort;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Refusal;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Update;
import org.mpamcheck.spec.Variable;

/**
 * The parts both module forms share: sort declarations, helper funs, field declarations and their
 * typing constraints, action bodies and the command scope. Text is built line by line with
 * two-space indentation and {@code --} comments carrying the spec's descriptions and cites.
 */
final class ModuleText {

    final Spec spec;
    final SpecShape shape;
    final AlloyNames names;
    private final StringBuilder out = new StringBuilder();

    ModuleText(Spec spec) {
        this.spec = spec;
        this.shape = SpecShape.of(spec);
        this.names = new AlloyNames(spec, shape.sorts(), shape.anonymous());
    }

    ModuleText line(String text) {
        out.append(text).append('\n');
        return this;
    }

    ModuleText blank() {
        return line("");
    }

    /** A comment, one {@code --} line per line of text; nothing for empty text. */
    ModuleText comment(String indent, String text) {
        if (text != null && !text.isBlank()) {
            for (String l : text.strip().split("\\R")) {
                line(indent + "-- " + l.strip());
            }
        }
        return this;
    }

    String text() {
        return out.toString();
    }

    void header(String form) {
        comment("", spec.name() + ": " + spec.description());
        comment("", "Written by mpamcheck from the spec " + spec.name() + " (" + form + ").");
        comment("", "Range sorts are ordered atoms; the command's Int bitwidth holds every integer.");
    }

    void sorts() {
        for (Sort s : shape.sorts()) {
            blank();
            String name = names.sort(s);
            if (s instanceof OptionSort o) {
                comment("", "a " + o.base().name() + " or none");
                line("abstract sig " + name + " {}");
                line("one sig " + names.noneAtom(o) + " extends " + name + " {}");
                continue;
            }
            if (s instanceof RangeSort r) {
                comment("", "the integers " + r.lo() + " .. " + r.hi() + ", one atom each");
            }
            String parent = shape.sorts().stream()
                    .filter(o -> o instanceof OptionSort os && os.base().equals(s))
                    .map(o -> " extends " + names.sort(o)).findFirst().orElse("");
            if (names.anonymous(s)) {
                comment("", "interchangeable atoms, so the solver may break their symmetry");
                line("sig " + name + parent + " {}");
                continue;
            }
            line("abstract sig " + name + parent + " {}");
            line("one sig " + String.join(", ", atoms(s)) + " extends " + name + " {}");
            if (s instanceof RangeSort r) {
                rangeFuns(r);
            }
        }
        if (shape.usesMin()) {
            blank();
            comment("", "the least elements of a set under an order (none for the empty set)");
            String s = AlloyNames.STATE_LOCAL;
            String below = AlloyNames.ORDER_LOCAL;
            line("fun " + AlloyNames.SMALLEST + "[" + s + ": set univ, " + below
                    + ": univ -> univ]: set univ { " + s + " - " + s + "." + below + " }");
        }
    }

    private List<String> atoms(Sort s) {
        List<String> atoms = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            atoms.add(names.element(s, i));
        }
        return atoms;
    }

    /**
     * A range's integers (for arithmetic, cardinality and mixed sorts) and its successor
     * relation (whose closure orders it); both are constants, so they cost the solver nothing.
     */
    private void rangeFuns(RangeSort r) {
        String name = names.sort(r);
        List<String> atoms = atoms(r);
        List<String> values = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < atoms.size(); i++) {
            values.add(atoms.get(i) + " -> " + (r.lo() + i));
            if (i > 0) {
                steps.add(atoms.get(i - 1) + " -> " + atoms.get(i));
            }
        }
        line("fun " + names.integers(r) + ": " + name + " -> Int { " + String.join(" + ", values)
                + " }");
        line("fun " + names.successor(r) + ": " + name + " -> " + name + " { "
                + (steps.isEmpty() ? "none -> none" : String.join(" + ", steps)) + " }");
    }

    /** The field declarations of the state sig, each with its description. */
    void fields(String keyword) {
        List<Variable> vars = spec.variables();
        for (int i = 0; i < vars.size(); i++) {
            Variable v = vars.get(i);
            comment("  ", v.description());
            line("  " + keyword + names.variable(v) + ": " + declaration(v.type())
                    + (i < vars.size() - 1 ? "," : ""));
        }
    }

    private String declaration(Type t) {
        if (t instanceof Type.FnOf f) {
            return names.sort(f.domain()) + " -> " + declaration(f.range());
        }
        return (t instanceof Type.SetOf ? "set " : "one ") + names.sort(elementSort(t));
    }

    static Sort elementSort(Type t) {
        return t instanceof Type.SetOf s ? s.element() : ((Type.Scalar) t).sort();
    }

    AlloyExprWriter writer(Function<Variable, String> read) {
        return new AlloyExprWriter(names, read);
    }

    /** The parameters of an action as pred parameter declarations. */
    List<String> paramDecls(Action a) {
        return a.params().stream().map(p -> names.local(p) + ": " + names.sort(p.sort()))
                .toList();
    }

    /** {@code some p: S, q: T | A[prefix p, q]}, or {@code A[prefix]} for no parameters. */
    String instances(Action a, List<String> statePrefix) {
        List<String> args = new ArrayList<>(statePrefix);
        List<String> bound = new ArrayList<>();
        for (Param p : a.params()) {
            args.add(names.local(p));
            bound.add(names.local(p) + ": " + names.sort(p.sort()));
        }
        String call = names.action(a) + (args.isEmpty() ? "" : "[" + String.join(", ", args) + "]");
        return bound.isEmpty() ? call : "(some " + String.join(", ", bound) + " | " + call + ")";
    }

    /** The body of an action's pred: refusals, guards, updates and the frame, commented. */
    void actionBody(Action a, AlloyExprWriter now, Function<Variable, String> next) {
        for (Refusal r : a.refusals()) {
            comment("  ", "refused with " + r.errno() + (r.cite().isBlank() ? "" : ": " + r.cite()));
            line("  " + now.formula(new Expr.Not(r.when())));
        }
        for (Guard g : a.guards()) {
            comment("  ", g.cite());
            now.conjuncts(g.condition()).forEach(c -> line("  " + c));
        }
        List<Variable> updated = new ArrayList<>();
        for (Update u : a.updates()) {
            comment("  ", u.cite());
            line("  " + next.apply(u.variable()) + " = "
                    + now.term(u.value(), u.variable().type()));
            updated.add(u.variable());
        }
        List<Variable> unchanged = spec.variables().stream().filter(v -> !updated.contains(v))
                .toList();
        if (!unchanged.isEmpty()) {
            comment("  ", "unchanged");
            for (Variable v : unchanged) {
                line("  " + next.apply(v) + " = " + now.term(new Expr.VarRef(v)));
            }
        }
    }

    /** The sig scopes of a command: every sort sig exactly, and the Int bitwidth. */
    String scope() {
        List<String> parts = new ArrayList<>();
        for (Sort s : shape.sorts()) {
            parts.add("exactly " + s.size() + " " + names.sort(s));
        }
        parts.add(shape.bitwidth() + " Int");
        return String.join(", ", parts);
    }
}
