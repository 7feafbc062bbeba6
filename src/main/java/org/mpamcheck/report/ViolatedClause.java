package org.mpamcheck.report;

import static org.mpamcheck.spec.Exprs.forall;
import static org.mpamcheck.spec.Exprs.implies;
import static org.mpamcheck.spec.Exprs.in;
import static org.mpamcheck.spec.Exprs.ref;
import static org.mpamcheck.spec.Exprs.var;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mpamcheck.engine.Successors;
import org.mpamcheck.model.ValueNames;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.ExprTraversal;
import org.mpamcheck.spec.Exprs;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.State;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Value;
import org.mpamcheck.spec.Variable;

/**
 * Why the last state of a counterexample breaks its property. Follows the invariant's
 * skeleton (conjunctions, universal quantifiers, implications) down to the innermost part that
 * is false: the elements the quantifiers pick ({@code c = cpu0}), the premises that hold, the
 * clause that fails, and the state cells that clause reads, with their values. Every truth
 * value comes from the native engine; nothing is re-evaluated here.
 */
record ViolatedClause(String property, String expression, List<String> bindings,
        List<String> premises, List<String> broken, List<Reading> readings) {

    /** A state cell a broken clause reads ({@code mpam1Partid[c]}), its value and whether the
     *  last step changed it. */
    record Reading(String term, String value, boolean changedByLastStep) {
    }

    ViolatedClause {
        bindings = List.copyOf(bindings);
        premises = List.copyOf(premises);
        broken = List.copyOf(broken);
        readings = List.copyOf(readings);
    }

    /** Values are named as the register tables name them ({@code t = 101}, {@code idle}). */
    static ViolatedClause of(Spec spec, String property, State before, State last,
            ValueNames names) {
        Expr predicate = spec.invariant(property).predicate();
        Evaluator eval = new Evaluator(spec, predicate);
        Map<Param, Integer> chosen = new LinkedHashMap<>();
        List<String> premises = new ArrayList<>();
        List<Expr> broken = List.of(predicate);
        Expr current = predicate;
        while (true) {
            if (current instanceof Expr.Junction j && j.and()) {
                List<Expr> falseOnes = j.operands().stream()
                        .filter(o -> !eval.holds(o, chosen, last)).toList();
                broken = falseOnes.isEmpty() ? List.of(current) : falseOnes;
                if (falseOnes.size() != 1) {
                    break;
                }
                current = falseOnes.get(0);
            } else if (current instanceof Expr.Quant q && q.all()) {
                Optional<Integer> witness = Optional.empty();
                for (int i = 0; i < q.param().sort().size() && witness.isEmpty(); i++) {
                    chosen.put(q.param(), i);
                    if (!eval.holds(q.body(), chosen, last)) {
                        witness = Optional.of(i);
                    }
                }
                if (witness.isEmpty()) {
                    chosen.remove(q.param());
                    break;
                }
                chosen.put(q.param(), witness.get());
                current = q.body();
                broken = List.of(current);
            } else if (current instanceof Expr.Implies i) {
                premises.add(Exprs.text(i.premise()));
                current = i.conclusion();
                broken = List.of(current);
            } else {
                break;
            }
        }
        Map<Param, Value> values = new LinkedHashMap<>();
        chosen.forEach((p, i) -> values.put(p, new Value.Atom(p.sort(), i)));
        List<String> bindings = new ArrayList<>();
        values.forEach((p, v) -> bindings.add(p.name() + " = " + names.text(v, "")));
        return new ViolatedClause(property, Exprs.text(predicate), bindings, premises,
                broken.stream().map(Exprs::text).toList(),
                readings(broken, values, before, last, names));
    }

    /** The state cells the clauses read, each once, in the order they appear. */
    private static List<Reading> readings(List<Expr> clauses, Map<Param, Value> values,
            State before, State last, ValueNames names) {
        Map<String, Reading> out = new LinkedHashMap<>();
        for (Expr clause : clauses) {
            clause.accept(new ExprTraversal() {
                @Override
                public Void visit(Expr.Apply e) {
                    read(e);
                    return super.visit(e);
                }

                @Override
                public Void visit(Expr.VarRef e) {
                    read(e);
                    return null;
                }

                private void read(Expr e) {
                    Optional<Value> now = value(e, values, last);
                    if (now.isPresent() && !(now.get() instanceof Value.FnVal)) {
                        Optional<Value> then = value(e, values, before);
                        out.putIfAbsent(Exprs.text(e), new Reading(Exprs.text(e),
                                names.text(now.get(), variableRead(e)), !then.equals(now)));
                    }
                }
            });
        }
        return List.copyOf(out.values());
    }

    /** The variable a term reads ({@code running} for {@code running[c]}), "" for none. */
    private static String variableRead(Expr e) {
        if (e instanceof Expr.VarRef v) {
            return v.variable().name();
        }
        return e instanceof Expr.Apply a ? variableRead(a.function()) : "";
    }

    /** A variable, a bound parameter, or a function of them applied, read from the state. */
    private static Optional<Value> value(Expr e, Map<Param, Value> values, State s) {
        if (e instanceof Expr.VarRef v) {
            return Optional.of(s.get(v.variable().name()));
        }
        if (e instanceof Expr.ParamRef p) {
            return Optional.ofNullable(values.get(p.param()));
        }
        if (e instanceof Expr.Const c) {
            return Optional.of(c.value());
        }
        if (e instanceof Expr.Apply a) {
            Optional<Value> f = value(a.function(), values, s);
            Optional<Value> x = value(a.argument(), values, s);
            if (f.isPresent() && f.get() instanceof Value.FnVal fn && x.isPresent()
                    && x.get() instanceof Value.Atom atom
                    && atom.sort().equals(fn.type().domain())) {
                return Optional.of(fn.apply(atom.index()));
            }
        }
        return Optional.empty();
    }

    /**
     * Truth values of the skeleton's parts under chosen quantifier elements, from the native
     * engine. A spec may not name an element of a symmetric sort, so each quantifier gets a
     * witness variable (a set, initially the whole sort) and a part with free parameters is
     * checked as {@code \A p \in S : p \in witness_p => part}; the state handed to the engine
     * holds the chosen element as the witness. One compiled spec answers every question.
     */
    private static final class Evaluator {
        private final Map<Param, Variable> witnesses = new LinkedHashMap<>();
        private final Map<Expr, Invariant> parts = new IdentityHashMap<>();
        private final Successors engine;

        Evaluator(Spec spec, Expr predicate) {
            collect(predicate, new ArrayList<>());
            List<Variable> vars = new ArrayList<>(spec.variables());
            List<Value> init = new ArrayList<>(spec.init());
            for (Variable w : witnesses.values()) {
                vars.add(w);
                init.add(everything((Type.SetOf) w.type()));
            }
            engine = new Successors(new Spec(spec.name(), spec.description(), spec.sorts(), vars,
                    init, spec.actions(), List.copyOf(parts.values())));
        }

        private void collect(Expr e, List<Param> enclosing) {
            Expr closed = e;
            for (int i = enclosing.size() - 1; i >= 0; i--) {
                Param p = enclosing.get(i);
                closed = forall(p, implies(in(ref(p), var(witnesses.get(p))), closed));
            }
            parts.putIfAbsent(e, new Invariant("explain-part-" + parts.size(), "", closed));
            if (e instanceof Expr.Junction j && j.and()) {
                j.operands().forEach(o -> collect(o, enclosing));
            } else if (e instanceof Expr.Quant q && q.all()) {
                witnesses.computeIfAbsent(q.param(), p -> new Variable("explainWitness"
                        + witnesses.size(), new Type.SetOf(p.sort()), "explorer witness"));
                List<Param> inner = new ArrayList<>(enclosing);
                inner.add(q.param());
                collect(q.body(), inner);
            } else if (e instanceof Expr.Implies i) {
                collect(i.conclusion(), enclosing);
            }
        }

        boolean holds(Expr part, Map<Param, Integer> chosen, State s) {
            List<Variable> vars = new ArrayList<>(s.variables());
            List<Value> vals = new ArrayList<>(s.values());
            witnesses.forEach((p, w) -> {
                vars.add(w);
                Integer i = chosen.get(p);
                vals.add(i == null ? everything((Type.SetOf) w.type())
                        : new Value.SetVal(p.sort(), 1L << i));
            });
            return engine.holds(parts.get(part), new State(vars, vals));
        }

        private static Value everything(Type.SetOf t) {
            int n = t.element().size();
            return new Value.SetVal(t.element(), n >= 64 ? -1L : (1L << n) - 1);
        }
    }
}
