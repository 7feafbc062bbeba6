package org.mpamcheck.alloy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.Variable;

/**
 * Writes a spec as an Alloy 6 module, in two forms. The temporal form has one {@code State} atom
 * whose {@code var} fields change from step to step; its commands check each invariant over all
 * traces of up to a bound of steps. The induction form has no {@code var}: two state atoms
 * {@code pre} and {@code post} whose fields are the states before and after one step; its
 * commands check that a goal invariant holds initially and is preserved by every step from any
 * state that satisfies it and the assumed lemmas. The output depends only on the arguments.
 */
public final class AlloyEmitter {

    private AlloyEmitter() {
    }

    /** The temporal module: every invariant checked over traces of 1 .. {@code steps} states. */
    public static String temporal(Spec spec, int steps) {
        ModuleText m = new ModuleText(spec);
        AlloyNames n = m.names;
        Function<Variable, String> now = v -> AlloyNames.STATE + "." + n.variable(v);
        Function<Variable, String> next = v -> now.apply(v) + "'";
        AlloyExprWriter w = m.writer(now);
        m.header("temporal form");
        m.line("module " + spec.name());
        m.sorts();
        m.blank();
        m.comment("", "The state: one atom whose fields change from step to step.");
        m.line("one sig " + AlloyNames.STATE + " {");
        m.fields("var ");
        m.line("}");
        m.blank();
        m.line("fact init {");
        for (int i = 0; i < spec.variables().size(); i++) {
            m.line("  " + now.apply(spec.variables().get(i)) + " = "
                    + w.value(spec.init().get(i)));
        }
        m.line("}");
        for (Action a : spec.actions()) {
            m.blank();
            m.comment("", a.description());
            List<String> params = m.paramDecls(a);
            m.line("pred " + n.action(a) + (params.isEmpty() ? "" : "[" + String.join(", ", params)
                    + "]") + " {");
            m.actionBody(a, w, next);
            m.line("}");
        }
        m.blank();
        m.comment("", "Nothing changes: lets every finite behaviour extend to an infinite trace.");
        m.line("pred " + AlloyNames.STUTTER + " {");
        for (Variable v : spec.variables()) {
            m.line("  " + next.apply(v) + " = " + now.apply(v));
        }
        m.line("}");
        m.blank();
        m.line("fact transition {");
        m.line("  always (");
        m.line("    " + AlloyNames.STUTTER);
        for (Action a : spec.actions()) {
            m.line("    or " + m.instances(a, List.of()));
        }
        m.line("  )");
        m.line("}");
        for (Invariant inv : spec.invariants()) {
            m.blank();
            m.comment("", inv.description());
            m.line("pred " + n.invariant(inv) + " {");
            w.conjuncts(inv.predicate()).forEach(c -> m.line("  " + c));
            m.line("}");
        }
        m.blank();
        for (Invariant inv : spec.invariants()) {
            String id = n.invariant(inv);
            m.line("check " + id + " { always " + id + " } for " + m.scope() + ", 1.." + steps
                    + " steps");
        }
        return m.text();
    }

    /**
     * The induction module for a set of candidate invariants: initiation ({@code Init} implies
     * their conjunction) and, per action, consecution (a step of that action from a state
     * satisfying the conjunction leads to a state satisfying it). One check per action keeps each
     * SAT problem to one action's constraints; together they cover Next, whose stuttering step
     * preserves every invariant.
     */
    public static String induction(Spec spec, List<Invariant> candidates) {
        ModuleText m = new ModuleText(spec);
        AlloyNames n = m.names;
        String s = AlloyNames.STATE_LOCAL;
        String pre = AlloyNames.PRE;
        String post = AlloyNames.POST;
        AlloyExprWriter inS = m.writer(v -> s + "." + n.variable(v));
        AlloyExprWriter inPre = m.writer(v -> pre + "." + n.variable(v));
        m.header("induction form");
        m.line("module " + spec.name() + "_induction");
        m.sorts();
        m.blank();
        m.comment("", "A state; pre and post are the states before and after one step.");
        m.line("abstract sig " + AlloyNames.STATE + " {");
        m.fields("");
        m.line("}");
        m.line("one sig " + pre + ", " + post + " extends " + AlloyNames.STATE + " {}");
        m.blank();
        m.line("pred " + AlloyNames.INIT + "[" + s + ": " + AlloyNames.STATE + "] {");
        for (int i = 0; i < spec.variables().size(); i++) {
            m.line("  " + s + "." + n.variable(spec.variables().get(i)) + " = "
                    + inS.value(spec.init().get(i)));
        }
        m.line("}");
        String states = pre + ", " + post + ": " + AlloyNames.STATE;
        for (Action a : spec.actions()) {
            m.blank();
            m.comment("", a.description());
            List<String> params = new ArrayList<>(List.of(states));
            params.addAll(m.paramDecls(a));
            m.line("pred " + n.action(a) + "[" + String.join(", ", params) + "] {");
            m.actionBody(a, inPre, v -> post + "." + n.variable(v));
            m.line("}");
        }
        for (Invariant inv : candidates) {
            m.blank();
            m.comment("", inv.description());
            m.line("pred " + n.invariant(inv) + "[" + s + ": " + AlloyNames.STATE + "] {");
            inS.conjuncts(inv.predicate()).forEach(c -> m.line("  " + c));
            m.line("}");
        }
        m.blank();
        m.comment("", "The candidates, proved together: " + String.join(", ",
                candidates.stream().map(Invariant::name).toList()) + ".");
        m.line("pred " + AlloyNames.INDUCTIVE + "[" + s + ": " + AlloyNames.STATE + "] {");
        candidates.forEach(c -> m.line("  " + n.invariant(c) + "[" + s + "]"));
        if (candidates.isEmpty()) {
            m.line("  some " + s);
        }
        m.line("}");
        String inv = AlloyNames.INDUCTIVE;
        m.blank();
        m.comment("", "Initiation: the initial state satisfies " + inv + ".");
        m.line("check " + AlloyNames.INITIATION + " { " + AlloyNames.INIT + "[" + pre
                + "] implies " + inv + "[" + pre + "] } for " + m.scope());
        m.comment("", "Consecution, one check per action: a step from a state satisfying " + inv
                + " keeps it.");
        for (Action a : spec.actions()) {
            m.line("check " + consecution(n, a) + " { " + inv + "[" + pre + "] and "
                    + m.instances(a, List.of(pre, post)) + " implies " + inv + "[" + post
                    + "] } for " + m.scope());
        }
        return m.text();
    }

    /** The name of the consecution check of one action. */
    static String consecution(AlloyNames n, Action a) {
        return "Consecution_" + n.action(a);
    }
}
