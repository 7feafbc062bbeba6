package org.mpamcheck.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.mpamcheck.spec.ActionInstance;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.State;
import org.mpamcheck.spec.Trace;

/**
 * Single steps of a spec under the engine's semantics, for the back ends that read other
 * checkers' traces (which action instance leads from one state to the next?) and for tests that
 * examine one transition or one invariant.
 */
public final class Successors {

    private final CompiledSpec compiled;

    public Successors(Spec spec) {
        this.compiled = new CompiledSpec(spec);
    }

    /** Every enabled action instance from {@code state}, in action and parameter order. */
    public List<Trace.Step> of(State state) {
        List<Trace.Step> out = new ArrayList<>();
        compiled.successors(compiled.layout.encode(state), compiled.newFrame(), (a, b, next) -> {
            out.add(new Trace.Step(compiled.instance(a, b), compiled.layout.decode(next)));
            return true;
        });
        return out;
    }

    /** The first action instance (in action and parameter order) that leads from one to other. */
    public Optional<ActionInstance> find(State from, State to) {
        long[] target = compiled.layout.encode(to);
        ActionInstance[] found = new ActionInstance[1];
        compiled.successors(compiled.layout.encode(from), compiled.newFrame(), (a, b, next) -> {
            if (Arrays.equals(next, target)) {
                found[0] = compiled.instance(a, b);
                return false;
            }
            return true;
        });
        return Optional.ofNullable(found[0]);
    }

    /**
     * The kernel's errno for the instance in the state, when one of the action's refusals applies
     * (the instance is then not enabled, whatever its guards say).
     */
    public Optional<String> refusal(State state, ActionInstance instance) {
        return compiled.refusal(compiled.layout.encode(state), compiled.newFrame(), instance);
    }

    /** Whether the invariant holds in the state. */
    public boolean holds(Invariant invariant, State state) {
        int i = compiled.spec.invariants().indexOf(invariant);
        if (i < 0) {
            throw new IllegalArgumentException("no invariant " + invariant.name() + " in spec "
                    + compiled.spec.name());
        }
        return compiled.holds(i, compiled.layout.encode(state), compiled.newFrame());
    }

    /** Whether the trace is a behaviour of the spec: each step is a transition as recorded. */
    public boolean replays(Trace trace) {
        State current = trace.initial();
        if (!current.equals(compiled.spec.initialState())) {
            return false;
        }
        for (Trace.Step step : trace.steps()) {
            if (of(current).stream().noneMatch(s -> s.equals(step))) {
                return false;
            }
            current = step.state();
        }
        return true;
    }
}
