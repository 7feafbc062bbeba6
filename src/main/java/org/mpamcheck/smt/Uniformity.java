package org.mpamcheck.smt;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.FuncDecl;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Exprs;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.State;
import org.mpamcheck.spec.Variable;

/**
 * What makes one spec stand for every size: built at other sizes, it must read the same (its
 * actions and invariants print alike: no bound of the scope appears as a constant, say
 * {@code card(online) <= 4}) and its initial state must be the size-independent reading of this
 * one's ({@link InitPattern}) realised at those sizes. Checked against the spec with every
 * unbounded sort one larger (or, where the model has no room, one smaller) before a proof.
 */
final class Uniformity {

    private Uniformity() {
    }

    /** Why the spec is not uniform in size, or empty when it is. */
    static Optional<String> problem(Spec spec, SpecAtSizes specs) {
        Spec other = neighbour(spec, specs, 1);
        if (other == null) {
            other = neighbour(spec, specs, -1);
        }
        if (other == null) {
            return Optional.of("the model cannot be built at sizes next to "
                    + sizes(spec, 0) + ", so nothing shows it reads the same at every size");
        }
        List<String> here = text(spec);
        List<String> there = text(other);
        for (int i = 0; i < Math.max(here.size(), there.size()); i++) {
            String a = i < here.size() ? here.get(i) : "(nothing)";
            String b = i < there.size() ? there.get(i) : "(nothing)";
            if (!a.equals(b)) {
                return Optional.of("the spec depends on its size: at " + sizes(spec, 0) + " it "
                        + "reads '" + a + "', at " + sizes(other, 0) + " '" + b + "'");
            }
        }
        State realised = initialAt(spec, other);
        if (!realised.equals(other.initialState())) {
            return Optional.of("the initial state at " + sizes(other, 0) + " is not the "
                    + "size-independent reading of the one at " + sizes(spec, 0));
        }
        return Optional.empty();
    }

    private static Spec neighbour(Spec spec, SpecAtSizes specs, int delta) {
        Map<String, Integer> sizes = sizes(spec, delta);
        if (sizes.values().stream().anyMatch(n -> n < 1)) {
            return null;
        }
        try {
            return specs.at(sizes);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, Integer> sizes(Spec spec, int delta) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Sort s : spec.sorts()) {
            if (Z3Sorts.unbounded(s)) {
                out.put(s.name(), s.size() + delta);
            }
        }
        return out;
    }

    /** Actions (with parameter sorts), refusals, guards, updates and invariants, as text. */
    static List<String> text(Spec s) {
        List<String> out = new ArrayList<>();
        for (Action a : s.actions()) {
            out.add(a.name() + a.params().stream().map(p -> p.name() + ":" + p.sort().name())
                    .toList());
            a.refusals().forEach(r -> out.add(a.name() + " refuses " + r.errno() + " when "
                    + Exprs.text(r.when())));
            a.guards().forEach(g -> out.add(a.name() + " when " + Exprs.text(g.condition())));
            a.updates().forEach(u -> out.add(a.name() + " sets " + u.variable().name() + " to "
                    + Exprs.text(u.value())));
        }
        s.invariants().forEach(i -> out.add(i.name() + ": " + Exprs.text(i.predicate())));
        return out;
    }

    /** The unique state of {@code spec}'s initial-state pattern at {@code target}'s sizes. */
    static State initialAt(Spec spec, Spec target) {
        try (Context ctx = new Context()) {
            Z3Encoding z = new Z3Encoding(ctx, spec);
            Map<Variable, FuncDecl<?>> pre = z.declare("pre");
            Map<Variable, Sym> state = z.state(pre);
            SymEncoder in = new SymEncoder(z, state, Map.of());
            List<BoolExpr> facts = new ArrayList<>();
            for (int i = 0; i < spec.variables().size(); i++) {
                facts.add(in.equal(state.get(spec.variables().get(i)),
                        z.value(spec.init().get(i))));
            }
            facts.addAll(z.exactly(target));
            facts.addAll(z.sorts.axioms());
            Solver solver = ctx.mkSolver();
            solver.add(facts.toArray(new BoolExpr[0]));
            if (solver.check() != Status.SATISFIABLE) {
                throw new EncodingException("the initial state has no reading at the sizes of "
                        + sizes(target, 0));
            }
            return new CtiReader(z, solver.getModel(), sizes -> target).state(pre);
        }
    }
}
