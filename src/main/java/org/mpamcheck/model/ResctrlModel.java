package org.mpamcheck.model;

import java.util.ArrayList;
import java.util.List;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.Variable;

/**
 * Assembles the resctrl model for one kernel-mode variant at one scope: the shared state, the
 * resctrl file operations, the CPU events, the variant's own files, the nine properties, and the
 * lemmas the induction proofs assume (checked by every search like the properties).
 */
public final class ResctrlModel {

    private ResctrlModel() {
    }

    public static Spec spec(KernelModePolicy policy, Scope scope) {
        ResctrlState s = new ResctrlState(policy, scope);
        Spec.Builder b = Spec.builder(specName(policy), "resctrl with " + policy.architecture()
                .id() + " label registers, kernel mode " + policy.id() + ": "
                + policy.description() + " Scope " + scope.name() + ": " + scope.bounds() + ".");
        b.sort(s.cpu).sort(s.task);
        if (s.mon != null) {
            b.sort(s.mon);
        }
        if (s.lock != null) {
            b.sort(s.lock);
        }
        b.sort(s.partid).sort(s.pmg).sort(s.status).sort(s.context);
        for (Variable v : s.variables()) {
            b.variable(v, s.initial(v));
        }
        List<Action> actions = new ArrayList<>();
        actions.addAll(new GroupOperations(s).actions());
        actions.addAll(new FileWrites(s).actions());
        actions.addAll(new CpuEvents(s).actions());
        actions.addAll(policy.actions(s));
        actions.forEach(b::action);
        for (Invariant i : new Properties(s).all()) {
            b.invariant(i);
        }
        for (Invariant i : new Lemmas(s).all()) {
            b.invariant(i);
        }
        return b.build();
    }

    /** {@code arm64-kernel-follows -> Arm64KernelFollows}: the module name in exports. */
    /** The spec with only the named properties (no lemmas): what a check run searches. */
    public static Spec withProperties(Spec spec, java.util.List<String> properties) {
        return spec.withInvariants(spec.invariants().stream()
                .filter(i -> properties.contains(i.name())).toList());
    }

    public static String specName(KernelModePolicy policy) {
        StringBuilder n = new StringBuilder();
        for (String part : policy.id().split("-")) {
            n.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return n.toString();
    }
}
