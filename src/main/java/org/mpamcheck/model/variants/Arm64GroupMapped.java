package org.mpamcheck.model.variants;

import static org.mpamcheck.spec.Exprs.and;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.fn;
import static org.mpamcheck.spec.Exprs.ite;
import static org.mpamcheck.spec.Exprs.neq;
import static org.mpamcheck.spec.Exprs.or;
import static org.mpamcheck.spec.Exprs.ref;
import static org.mpamcheck.spec.Exprs.union;

import java.util.Optional;
import org.mpamcheck.model.CoreSteps;
import org.mpamcheck.model.Label;
import org.mpamcheck.model.Narration;
import org.mpamcheck.model.ResctrlState;
import org.mpamcheck.model.StateVar;
import org.mpamcheck.model.Step;
import org.mpamcheck.model.StepCatalog;
import org.mpamcheck.model.StepId;
import org.mpamcheck.model.VarDecl;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Update;
import org.mpamcheck.spec.Value;

/**
 * A per-group mapping on arm64 (the per-group assign mode discussed with PLZA, generalising Zeng
 * Heng's follow/default file): each control group has a {@code kernel_group} file naming the
 * control group its tasks' kernel work runs under, itself at mkdir. mpam_thread_switch writes
 * MPAM1_EL1 with the mapped group's label and MPAM0_EL1 with the task's. Removing a group maps
 * every group that named it back to itself, with an IPI to the CPUs whose MPAM1_EL1 holds it.
 */
public class Arm64GroupMapped extends Arm64Policy {

    public static final VarDecl MAPPED = new VarDecl("kernelGroupOf",
            s -> new Type.FnOf(s.partid, Type.of(s.partid)),
            "each control group's kernel_group file: the group its kernel work runs under",
            s -> identity(s));

    public static final StepId MAP = StepId.of("MapKernelGroup");

    private static Value identity(ResctrlState s) {
        java.util.List<Value> self = new java.util.ArrayList<>();
        for (int p = 0; p < s.partid.size(); p++) {
            self.add(s.partid.of(p));
        }
        return new Value.FnVal(new Type.FnOf(s.partid, Type.of(s.partid)), self);
    }

    @Override
    public String id() {
        return "arm64-group-mapped";
    }

    @Override
    public String description() {
        return "Each control group names, in its kernel_group file, the group its kernel work "
                + "runs under (itself at mkdir).";
    }

    @Override
    public void declare(ResctrlState s) {
        s.declare(MAPPED);
    }

    /** The group of the label being loaded names the kernel group. */
    @Override
    public Optional<Label> kernelRegisterOnLoad(ResctrlState s, Expr cpu, Label user) {
        Expr q = s.get(MAPPED).at(user.partid());
        Expr self = eq(q, user.partid());
        return Optional.of(new Label(q, ite(self, user.pmg(), s.ctrlPmg.at(q))));
    }

    @Override
    public void steps(StepCatalog steps, ResctrlState s) {
        steps.add(new Step(MAP, "echo G > kernel_group of a control group", "a proposed "
                + "per-group kernel_group file (per-group assign mode, PLZA v4 review)",
                Arm64GroupMapped::map, v -> "echo " + Narration.groupPath(v.arg(1)) + " > "
                        + Narration.groupDir(v.arg(0)) + "/kernel_group"));
        steps.wrap(CoreSteps.RMDIR_CTRL, Arm64GroupMapped::rmdirUnmaps);
    }

    private static Action map(ResctrlState s, Step step) {
        Param p = new Param("p", s.partid);
        Param q = new Param("q", s.partid);
        StateVar mapped = s.get(MAPPED);
        return step.underMutex(s, "a resctrl file write takes rdtgroup_mutex")
                .param(p).param(q)
                .when(and(s.isLive(s.ctrlState, ref(p)), s.isLive(s.ctrlState, ref(q))),
                        "both groups exist (the file is in every control group)")
                .when(neq(mapped.at(ref(p)), ref(q)), "a change")
                .set(mapped.becomesAt(ref(p), ref(q), "the proposed kernel_group file"))
                .set(s.ipiPending.becomes(union(s.ipiPending.ref(),
                                s.cpusWhere(c -> and(s.isOnline(c),
                                        eq(s.userRegister.on(c).partid(), ref(p))))),
                        "update_closid_rmid to the online CPUs running with the group's label"))
                .build();
    }

    /**
     * The removed group's file goes (its slot maps to itself again) and every group that named
     * it falls back to itself; CPUs whose MPAM1_EL1 holds it reload before its PARTID is freed.
     */
    private static Action rmdirUnmaps(ResctrlState s, Action rmdir) {
        Expr p = ref(rmdir.params().get(0));
        StateVar mapped = s.get(MAPPED);
        Param g = new Param("g", s.partid);
        Expr pending = rmdir.updates().stream()
                .filter(u -> u.variable().equals(s.ipiPending.variable()))
                .map(Update::value).findFirst().orElse(s.ipiPending.ref());
        return rmdir
                .withUpdate(mapped.becomes(fn(g, ite(or(eq(ref(g), p),
                                eq(mapped.at(ref(g)), p)), ref(g), mapped.at(ref(g)))),
                        "groups that named the removed group run their kernel work as "
                                + "themselves"))
                .withUpdate(s.ipiPending.becomes(union(pending, s.cpusWhere(c -> and(
                                s.isOnline(c), eq(s.kernelRegister().on(c).partid(), p)))),
                        "and the CPUs whose MPAM1_EL1 holds it reload"));
    }
}
