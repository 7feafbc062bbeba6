package org.mpamcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.mpamcheck.engine.Successors;
import org.mpamcheck.spec.ActionInstance;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.State;
import org.mpamcheck.spec.Trace;

/** Drives a model through named steps, as a test script would drive a shell. */
final class ModelWalk {

    final Spec spec;
    final Successors successors;
    State state;

    ModelWalk(KernelModePolicy policy, Scope scope) {
        this.spec = ResctrlModel.spec(policy, scope);
        this.successors = new Successors(spec);
        this.state = spec.initialState();
    }

    /** Takes the enabled step printed as {@code instance}, e.g. {@code MkdirCtrl(0)}. */
    ModelWalk step(String instance) {
        List<Trace.Step> next = successors.of(state);
        Optional<Trace.Step> chosen = next.stream()
                .filter(s -> s.action().toString().equals(instance)).findFirst();
        assertTrue(chosen.isPresent(), () -> instance + " is not enabled; enabled: "
                + next.stream().map(s -> s.action().toString()).toList());
        state = chosen.get().state();
        return this;
    }

    /** Asserts that {@code instance} is not enabled here (and not refused either). */
    ModelWalk disabled(String instance) {
        assertTrue(successors.of(state).stream().noneMatch(s -> s.action().toString()
                .equals(instance)), instance + " must not be enabled");
        return this;
    }

    /** Asserts the value of function-valued variable {@code var} at index {@code i}. */
    ModelWalk value(String var, int i, String expected) {
        assertEquals(expected, ((org.mpamcheck.spec.Value.FnVal) state.get(var)).apply(i)
                .toString(), var + "[" + i + "]");
        return this;
    }

    /** Asserts whether property or lemma {@code invariant} holds in the current state. */
    ModelWalk holds(String invariant, boolean expected) {
        assertEquals(expected, successors.holds(spec.invariant(invariant), state), invariant);
        return this;
    }

    /** Asserts that the kernel refuses {@code instance} here with {@code errno}. */
    ModelWalk refused(String errno, String instance) {
        Trace.Step probe = successors.of(state).stream()
                .filter(s -> s.action().toString().equals(instance)).findFirst().orElse(null);
        assertEquals(null, probe, instance + " must not be enabled");
        ActionInstance a = parse(instance);
        assertEquals(Optional.of(errno), successors.refusal(state, a), instance);
        return this;
    }

    private ActionInstance parse(String instance) {
        String name = instance.substring(0, instance.indexOf('('));
        String inner = instance.substring(instance.indexOf('(') + 1, instance.length() - 1);
        List<org.mpamcheck.spec.Param> params = spec.action(name).params();
        List<org.mpamcheck.spec.Value> args = new java.util.ArrayList<>();
        String[] parts = inner.isEmpty() ? new String[0] : inner.split(", ");
        for (int i = 0; i < parts.length; i++) {
            args.add(params.get(i).sort().value(parts[i]));
        }
        return new ActionInstance(name, args);
    }
}
