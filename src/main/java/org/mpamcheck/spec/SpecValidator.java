package org.mpamcheck.spec;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rejects ill-formed specs: unknown or duplicate names, a variable updated twice, an initial value
 * of the wrong type, an unbound parameter, and anything that would make symmetry reduction unsound
 * (an action or invariant naming one element of a symmetric sort, or an asymmetric initial state).
 */
final class SpecValidator {

    private final Set<String> globalNames = new HashSet<>();
    private final Set<Sort> declared = new HashSet<>();
    private final Set<Variable> variables = new HashSet<>();

    private SpecValidator() {
    }

    static void validate(String specName, List<Sort> sorts, List<Variable> vars, List<Value> init,
            List<Action> actions, List<Invariant> invariants) {
        new SpecValidator().run(specName, sorts, vars, init, actions, invariants);
    }

    private void run(String specName, List<Sort> sorts, List<Variable> vars, List<Value> init,
            List<Action> actions, List<Invariant> invariants) {
        globalNames.add(specName);
        Set<String> labels = new HashSet<>();
        for (Sort s : sorts) {
            if (s instanceof OptionSort || s instanceof BoolSort) {
                throw new SpecException("sort " + s.name() + " is derived: declare its base only");
            }
            unique("sort", s.name());
            declared.add(s);
            if (!(s instanceof RangeSort)) {
                for (int i = 0; i < s.size(); i++) {
                    if (!labels.add(s.label(i))) {
                        throw new SpecException("element " + s.label(i) + " of " + s.name()
                                + " is also an element of another sort");
                    }
                }
                if (s instanceof SymmetricSort && !labels.add("no" + s.name())) {
                    throw new SpecException("no" + s.name() + " clashes with an element name");
                }
            }
        }
        globalNames.addAll(labels);
        if (vars.size() != init.size()) {
            throw new SpecException("spec " + specName + ": every variable needs an initial value");
        }
        for (int i = 0; i < vars.size(); i++) {
            Variable v = vars.get(i);
            unique("variable", v.name());
            checkType(v.type(), "variable " + v.name());
            variables.add(v);
            if (!v.type().equals(init.get(i).type())) {
                throw new SpecException("initial value " + init.get(i) + " of " + v.name() + " is "
                        + init.get(i).type() + ", expected " + v.type());
            }
        }
        actions.forEach(a -> unique("action", a.name()));
        invariants.forEach(inv -> unique("invariant", inv.name()));
        invariants.forEach(inv -> unique("invariant operator", inv.identifier()));
        for (Action a : actions) {
            checkAction(a);
        }
        for (Invariant inv : invariants) {
            expr(inv.predicate(), new ArrayDeque<>(), "invariant " + inv.name());
        }
        InitSymmetry.check(sorts, vars, init);
    }

    private void checkAction(Action a) {
        Deque<Param> scope = new ArrayDeque<>();
        String where = "action " + a.name();
        for (Param p : a.params()) {
            bind(p, scope, where);
        }
        a.guards().forEach(g -> expr(g.condition(), scope, where));
        a.refusals().forEach(r -> expr(r.when(), scope, where + " refusal " + r.errno()));
        Set<Variable> updated = new HashSet<>();
        for (Update u : a.updates()) {
            if (!variables.contains(u.variable())) {
                throw new SpecException(where + " updates unknown variable " + u.variable().name());
            }
            if (!updated.add(u.variable())) {
                throw new SpecException(where + " updates " + u.variable().name() + " twice");
            }
            expr(u.value(), scope, where + " update of " + u.variable().name());
        }
    }

    private void unique(String what, String name) {
        if (!globalNames.add(name)) {
            throw new SpecException("duplicate name: " + what + " " + name);
        }
    }

    private void bind(Param p, Deque<Param> scope, String where) {
        checkSort(p.sort(), where + " parameter " + p.name());
        if (globalNames.contains(p.name())
                || scope.stream().anyMatch(q -> q.name().equals(p.name()))) {
            throw new SpecException(where + ": parameter " + p.name() + " shadows another name");
        }
        scope.push(p);
    }

    private void checkType(Type t, String where) {
        if (t instanceof Type.Scalar s) {
            checkSort(s.sort(), where);
        } else if (t instanceof Type.SetOf s) {
            checkSort(s.element(), where);
        } else if (t instanceof Type.FnOf f) {
            checkSort(f.domain(), where);
            checkType(f.range(), where);
        }
    }

    private void checkSort(Sort s, String where) {
        Sort base = s instanceof OptionSort o ? o.base() : s;
        if (!(base instanceof BoolSort) && !declared.contains(base)) {
            throw new SpecException(where + " uses undeclared sort " + base.name());
        }
    }

    private void expr(Expr e, Deque<Param> scope, String where) {
        new ExprCheck(scope, where).all(e);
    }

    /** Walks an expression: every name bound or declared, no symmetric element named. */
    private final class ExprCheck extends ExprTraversal {
        private final Deque<Param> scope;
        private final String where;

        ExprCheck(Deque<Param> scope, String where) {
            this.scope = scope;
            this.where = where;
        }

        void all(Expr e) {
            walk(e);
        }

        @Override
        protected Void walk(Expr... es) {
            for (Expr e : es) {
                checkType(e.type(), where);
                e.accept(this);
            }
            return null;
        }

        @Override
        public Void visit(Expr.Const e) {
            if (InitSymmetry.namesSymmetricElement(e.value())) {
                throw new SpecException(where + " names " + e.value()
                        + ", an element of a symmetric sort");
            }
            return null;
        }

        @Override
        public Void visit(Expr.VarRef e) {
            if (!variables.contains(e.variable())) {
                throw new SpecException(where + " uses unknown variable " + e.variable().name());
            }
            return null;
        }

        @Override
        public Void visit(Expr.ParamRef e) {
            if (!scope.contains(e.param())) {
                throw new SpecException(where + " uses unbound parameter " + e.param().name());
            }
            return null;
        }

        @Override
        public Void visit(Expr.SetLit e) {
            checkSort(e.element(), where);
            return super.visit(e);
        }

        @Override
        protected Void bound(Param p, Expr body) {
            bind(p, scope, where);
            walk(body);
            scope.pop();
            return null;
        }
    }
}
