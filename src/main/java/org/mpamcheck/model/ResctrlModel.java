package org.mpamcheck.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.Value;
import org.mpamcheck.spec.Variable;

/**
 * The resctrl model of one kernel-mode variant at one scope: the state, the steps (core steps,
 * then the variant's additions, with its replacements and wraps applied), the properties, and the
 * lemmas the induction proofs assume (checked by every search like the properties).
 */
public final class ResctrlModel {

    private final ResctrlState state;
    private final StepCatalog steps;
    private final Spec spec;

    private ResctrlModel(KernelModePolicy policy, Scope scope) {
        state = new ResctrlState(policy, scope);
        steps = new StepCatalog();
        GroupOperations.register(steps, state);
        FileWrites.register(steps, state);
        CpuEvents.register(steps, state);
        policy.steps(steps, state);
        Spec.Builder b = Spec.builder(specName(policy), "resctrl with " + policy.architecture()
                .id() + " label registers, kernel mode " + policy.id() + ": "
                + policy.description() + " Scope " + scope.name() + ": " + scope.bounds() + ".");
        b.sort(state.cpu).sort(state.task);
        state.monitors.ifPresent(mg -> b.sort(mg.sort()));
        state.locks.ifPresent(l -> b.sort(l.sort()));
        b.sort(state.partid).sort(state.pmg).sort(state.status).sort(state.context);
        state.offlineCount.ifPresent(b::sort);
        state.policySorts().forEach(b::sort);
        for (Map.Entry<Variable, Value> v : state.initialValues().entrySet()) {
            b.variable(v.getKey(), v.getValue());
        }
        steps.actions(state).forEach(b::action);
        Properties.at(scope).forEach(p -> b.invariant(p.invariant(state)));
        Lemmas.all(state).forEach(l -> b.invariant(l.invariant(state)));
        spec = b.build();
    }

    public static ResctrlModel of(KernelModePolicy policy, Scope scope) {
        return new ResctrlModel(policy, scope);
    }

    /** The whole spec: every property and lemma. */
    public static Spec spec(KernelModePolicy policy, Scope scope) {
        return of(policy, scope).spec();
    }

    public Spec spec() {
        return spec;
    }

    public ResctrlState state() {
        return state;
    }

    public StepCatalog steps() {
        return steps;
    }

    /**
     * The spec a check searches: the named properties (no lemmas) and, when {@code witnesses},
     * the witness of each one's premise, so the search also says whether the premise is reached.
     */
    public Spec checked(List<String> properties, boolean witnesses) {
        List<Invariant> chosen = new ArrayList<>(withProperties(spec, properties).invariants());
        if (witnesses) {
            for (Claim p : Properties.at(state.scope)) {
                if (properties.contains(p.id())) {
                    p.witness(state).ifPresent(chosen::add);
                }
            }
        }
        return spec.withInvariants(chosen);
    }

    /** The premise witness of {@code property}'s name, if the property has a premise. */
    public Optional<String> witnessOf(String property) {
        return Properties.at(state.scope).stream().filter(p -> p.id().equals(property)).findFirst()
                .flatMap(p -> p.witness(state)).map(Invariant::name);
    }

    /** The spec with only the named properties (no lemmas): what a check run searches. */
    public static Spec withProperties(Spec spec, List<String> properties) {
        return spec.withInvariants(spec.invariants().stream()
                .filter(i -> properties.contains(i.name())).toList());
    }

    /**
     * {@code arm64-kernel-follows -> Arm64KernelFollows}, {@code x86-plza/unbound ->
     * X86PlzaUnbound}: the module name in exports.
     */
    public static String specName(KernelModePolicy policy) {
        StringBuilder n = new StringBuilder();
        for (String part : policy.id().split("[-/]")) {
            if (!part.isEmpty()) {
                n.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return n.toString();
    }
}
