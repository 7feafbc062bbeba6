package org.mpamcheck.model.variants;

import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.ite;
import static org.mpamcheck.spec.Exprs.not;
import static org.mpamcheck.spec.Exprs.ref;

import java.util.List;
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

/**
 * A global kernel group on arm64: the generic {@code info/kernel_mode} interface PLZA introduces
 * (v4 08/15, 13/15) implemented the natural MPAM way. Binding a control group makes MPAM1_EL1 hold
 * that group's PARTID/PMG on every CPU: mpam_thread_switch writes it instead of the task's, and
 * the bind writes it on every online CPU synchronously, as PLZA's resctrl_arch_configure_kmode
 * does (on_each_cpu_mask, wait=1, under rdtgroup_mutex: one step here, as in x86-plza; a CPU
 * offline meanwhile gets it when it comes back). MPAM0_EL1 follows the task as merged.
 * The default group is bound at mount, so the unbound state is arm64-kernel-default's; removing
 * the bound group binds the default group again, as v4's rdtgroup_kmode_detach does.
 */
public class Arm64KernelGroup extends Arm64Policy {

    public static final VarDecl KERNEL_PARTID = new VarDecl("kernelGroupPartid",
            s -> Type.of(s.partid), "info/kernel_mode: the bound group's PARTID (0: the default)",
            s -> s.partid.of(0));
    public static final VarDecl KERNEL_PMG = new VarDecl("kernelGroupPmg",
            s -> Type.of(s.pmg), "info/kernel_mode: the bound group's PMG", s -> s.pmg.of(0));

    public static final StepId BIND = StepId.of("KernelGroupBind");

    @Override
    public String id() {
        return "arm64-kernel-group";
    }

    @Override
    public String description() {
        return "MPAM1_EL1 = the label of the group bound in info/kernel_mode (the default at "
                + "mount), on every CPU.";
    }

    @Override
    public void declare(ResctrlState s) {
        s.declare(KERNEL_PARTID);
        s.declare(KERNEL_PMG);
    }

    private static Label bound(ResctrlState s) {
        return new Label(s.get(KERNEL_PARTID).ref(), s.get(KERNEL_PMG).ref());
    }

    /**
     * MPAM1_EL1 is the same on every CPU and changes only with the binding, written on every
     * online CPU in the bind's own step (a CPU coming online is given it too): the model keeps
     * it as the binding alone, so it adds no state of its own (traces show the binding's
     * variables instead of an MPAM1_EL1 column).
     */
    @Override
    public boolean hasKernelRegister() {
        return false;
    }

    @Override
    public Label kernelLabel(ResctrlState s, Expr cpu) {
        return bound(s);
    }

    @Override
    public Expr designatedKernelGroup(ResctrlState s, Expr partid) {
        return eq(partid, s.get(KERNEL_PARTID).ref());
    }

    @Override
    public void steps(StepCatalog steps, ResctrlState s) {
        steps.add(new Step(BIND, "echo global_assign_ctrl_assign_mon_per_cpu:group=G// > "
                + "info/kernel_mode", "the generic kernel_mode file of PLZA v4 13/15 "
                + "(resctrl_kernel_mode_write), MPAM1_EL1 as the kernel-mode register",
                Arm64KernelGroup::bind, v -> "echo global_assign_ctrl_assign_mon_per_cpu:group="
                        + Narration.groupPath(v.arg(0)) + " > /sys/fs/resctrl/info/kernel_mode"));
        steps.wrap(CoreSteps.RMDIR_CTRL, Arm64KernelGroup::rmdirRebindsDefault);
    }

    private static Action bind(ResctrlState s, Step step) {
        Param p = new Param("p", s.partid);
        StateVar partid = s.get(KERNEL_PARTID);
        return step.underMutex(s, "a resctrl file write takes rdtgroup_mutex")
                .param(p)
                .when(s.isLive(s.ctrlState, ref(p)), "a CTRL_MON group, the default allowed")
                .when(not(eq(partid.ref(), ref(p))), "a change")
                .set(partid.becomes(ref(p), "the bound group"))
                .set(s.get(KERNEL_PMG).becomes(s.ctrlPmg.at(ref(p)), "the bound group's PMG"))
                .build();
    }

    /**
     * Removing the bound group binds the default group again, first (as v4's
     * rdtgroup_kmode_detach), writing MPAM1_EL1 on every online CPU before the PARTID is freed.
     */
    private static Action rmdirRebindsDefault(ResctrlState s, Action rmdir) {
        Expr p = ref(rmdir.params().get(0));
        StateVar partid = s.get(KERNEL_PARTID);
        StateVar pmg = s.get(KERNEL_PMG);
        Expr boundHere = eq(partid.ref(), p);
        Label after = new Label(ite(boundHere, s.partid(0), partid.ref()),
                ite(boundHere, s.pmg(0), pmg.ref()));
        return rmdir
                .withUpdate(partid.becomes(after.partid(),
                        "the bound group's removal binds the default group"))
                .withUpdate(pmg.becomes(after.pmg(), "the default group's PMG"));
    }

    @Override
    public List<org.mpamcheck.model.Claim> lemmas() {
        return List.of();
    }
}
