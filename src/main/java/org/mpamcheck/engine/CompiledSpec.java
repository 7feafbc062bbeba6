package org.mpamcheck.engine;

import java.util.ArrayList;
import java.util.List;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.ActionInstance;
import org.mpamcheck.spec.Guard;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Refusal;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.Update;
import org.mpamcheck.spec.Value;

/**
 * A spec compiled once for the engine: its layout, its actions as guard and update closures, its
 * invariants as predicates. Stateless and shared by all workers; each worker brings a Frame.
 */
final class CompiledSpec implements Transitions {

    private record CompiledUpdate(String variable, int offset, int width, Compiled value,
            Sort[] rangeCheck) {
    }

    private record CompiledAction(Action action, Sort[] params, Eval[] guards, Eval[] refusals,
            CompiledUpdate[] updates) {
    }

    final Spec spec;
    final SlotLayout layout;
    private final CompiledAction[] actions;
    private final Eval[] invariants;
    private final int boundSlots;

    CompiledSpec(Spec spec) {
        this.spec = spec;
        this.layout = new SlotLayout(spec);
        ExprCompiler c = new ExprCompiler(spec, layout);
        List<CompiledAction> compiled = new ArrayList<>();
        for (Action a : spec.actions()) {
            for (Param p : a.params()) {
                c.bind(p);
            }
            Eval[] guards = a.guards().stream().map(Guard::condition).map(c::scalar)
                    .toArray(Eval[]::new);
            Eval[] refusals = a.refusals().stream().map(Refusal::when).map(c::scalar)
                    .toArray(Eval[]::new);
            CompiledUpdate[] updates = a.updates().stream().map(u -> update(c, u))
                    .toArray(CompiledUpdate[]::new);
            c.unbind(a.params().size());
            compiled.add(new CompiledAction(a, a.params().stream().map(Param::sort)
                    .toArray(Sort[]::new), guards, refusals, updates));
        }
        actions = compiled.toArray(CompiledAction[]::new);
        invariants = spec.invariants().stream().map(Invariant::predicate).map(c::scalar)
                .toArray(Eval[]::new);
        boundSlots = c.boundSlots();
    }

    private CompiledUpdate update(ExprCompiler c, Update u) {
        int index = spec.variables().indexOf(u.variable());
        int offset = layout.offset(index);
        int width = SlotLayout.width(u.variable().type());
        Sort[] check = new Sort[width];
        for (int k = 0; k < width; k++) {
            Sort s = layout.slotSort(offset + k);
            check[k] = !layout.slotIsSet(offset + k) && s instanceof RangeSort ? s : null;
        }
        return new CompiledUpdate(u.variable().name(), offset, width, c.compile(u.value()), check);
    }

    Frame newFrame() {
        return new Frame(boundSlots, layout.slots(), layout.words());
    }

    int actionCount() {
        return actions.length;
    }

    int invariantCount() {
        return invariants.length;
    }

    @Override
    public void pack(long[] slots, long[] out) {
        layout.pack(slots, out, 0);
    }

    @Override
    public void unpack(long[] packed, int from, long[] slots) {
        layout.unpack(packed, from, slots);
    }

    @Override
    public boolean holds(int invariant, long[] state, Frame f) {
        f.state = state;
        return invariants[invariant].eval(f) != 0;
    }

    /**
     * Enumerates every enabled action instance from {@code state}, in action order and then in
     * parameter order (first parameter slowest). Returns whether any action was enabled.
     */
    @Override
    public boolean successors(long[] state, Frame f, SuccessorSink sink) {
        f.state = state;
        boolean any = false;
        for (int a = 0; a < actions.length; a++) {
            CompiledAction ca = actions[a];
            int n = ca.params().length;
            int[] odometer = new int[n];
            do {
                for (int i = 0; i < n; i++) {
                    f.bound[i] = ExprCompiler.elementValue(ca.params()[i], odometer[i]);
                }
                f.state = state;
                if (enabled(ca, f)) {
                    any = true;
                    long[] next = apply(ca, state, f);
                    if (!sink.accept(a, f.bound, next)) {
                        return true;
                    }
                }
            } while (advance(odometer, ca.params()));
        }
        return any;
    }

    private static boolean advance(int[] odometer, Sort[] sorts) {
        for (int i = odometer.length - 1; i >= 0; i--) {
            if (++odometer[i] < sorts[i].size()) {
                return true;
            }
            odometer[i] = 0;
        }
        return false;
    }

    /** The errno of the first refusal that applies to the instance, if any. */
    java.util.Optional<String> refusal(long[] state, Frame f, ActionInstance instance) {
        for (CompiledAction ca : actions) {
            if (!ca.action().name().equals(instance.action())) {
                continue;
            }
            for (int i = 0; i < ca.params().length; i++) {
                f.bound[i] = ExprCompiler.elementValue(ca.params()[i],
                        ((org.mpamcheck.spec.Value.Atom) instance.args().get(i)).index());
            }
            f.state = state;
            for (int r = 0; r < ca.refusals().length; r++) {
                if (ca.refusals()[r].eval(f) != 0) {
                    return java.util.Optional.of(ca.action().refusals().get(r).errno());
                }
            }
            return java.util.Optional.empty();
        }
        throw new IllegalArgumentException("no action " + instance.action());
    }

    /** Refusals first: a guard may rely on none applying (e.g. Min of a set shown non-empty). */
    private static boolean enabled(CompiledAction ca, Frame f) {
        for (Eval r : ca.refusals()) {
            if (r.eval(f) != 0) {
                return false;
            }
        }
        for (Eval g : ca.guards()) {
            if (g.eval(f) == 0) {
                return false;
            }
        }
        return true;
    }

    private static long[] apply(CompiledAction ca, long[] state, Frame f) {
        CompiledUpdate[] us = ca.updates();
        Object[] values = new Object[us.length];
        for (int i = 0; i < us.length; i++) {
            Compiled v = us[i].value();
            values[i] = v.isArray() ? v.array().eval(f) : (Object) v.scalar().eval(f);
        }
        long[] next = state.clone();
        for (int i = 0; i < us.length; i++) {
            CompiledUpdate u = us[i];
            if (values[i] instanceof long[] arr) {
                System.arraycopy(arr, 0, next, u.offset(), u.width());
            } else {
                next[u.offset()] = (Long) values[i];
            }
            for (int k = 0; k < u.width(); k++) {
                if (u.rangeCheck()[k] instanceof RangeSort r) {
                    long v = next[u.offset() + k];
                    if (v < r.lo() || v > r.hi()) {
                        throw new EvaluationException("action " + ca.action().name() + " stores "
                                + v + " into " + u.variable() + ", outside " + r.name() + " ("
                                + r.lo() + ".." + r.hi() + ")");
                    }
                }
            }
        }
        return next;
    }

    /** The action instance for action {@code a} with the bound parameter values. */
    ActionInstance instance(int a, long[] bound) {
        Action action = actions[a].action();
        List<Value> args = new ArrayList<>();
        for (int i = 0; i < action.params().size(); i++) {
            Sort s = action.params().get(i).sort();
            int index = s instanceof RangeSort r ? (int) (bound[i] - r.lo()) : (int) bound[i];
            args.add(new Value.Atom(s, index));
        }
        return new ActionInstance(action.name(), args);
    }

    String actionName(int a) {
        return actions[a].action().name();
    }

    /** An upper bound on the successors of one state: every parameter instance of every action. */
    long maxBranching() {
        long total = 0;
        for (CompiledAction ca : actions) {
            long n = 1;
            for (Sort s : ca.params()) {
                n *= s.size();
            }
            total += n;
        }
        return Math.max(1, total);
    }
}
