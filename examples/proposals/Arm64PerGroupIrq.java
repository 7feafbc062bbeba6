import static org.mpamcheck.spec.Exprs.and;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.ite;
import static org.mpamcheck.spec.Exprs.lit;
import static org.mpamcheck.spec.Exprs.neq;
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
import org.mpamcheck.model.variants.Arm64Policy;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.EnumSort;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Value;

/**
 * Zeng Heng's per-group choice with a third option: each control group's kernel_mode file says
 * whether kernel work follows the group's label ({@code follow}), uses the default group's
 * ({@code default}), or follows it except in interrupts, which run on the default label
 * ({@code irq}). A new group starts at {@code follow}, the merged behaviour.
 *
 * Check it: ./mpamcheck check --proposal examples/proposals/Arm64PerGroupIrq.java
 */
public class Arm64PerGroupIrq extends Arm64Policy {

    static final EnumSort MODE = EnumSort.of("KernelMode", "follow", "default", "irq");

    static final VarDecl KERNEL_MODE = new VarDecl("kernelMode",
            s -> new Type.FnOf(s.partid, Type.of(MODE)),
            "each control group's kernel_mode file: follow, default or irq",
            s -> Value.FnVal.constant(s.partid, MODE.value("follow")));

    static final StepId SET_MODE = StepId.of("SetKernelMode");

    @Override
    public String id() {
        return "arm64-per-group-irq";
    }

    @Override
    public String description() {
        return "Each control group chooses follow, default, or follow with interrupts on the "
                + "default label.";
    }

    private static Expr mode(ResctrlState s, Expr partid, String m) {
        return eq(s.get(KERNEL_MODE).at(partid), lit(MODE.value(m)));
    }

    @Override
    public void declare(ResctrlState s) {
        s.declare(MODE);
        s.declare(KERNEL_MODE);
    }

    /** The context switch writes the task's label, or the default's for a default group. */
    @Override
    public Optional<Label> kernelRegisterOnLoad(ResctrlState s, Expr cpu, Label user) {
        Expr useDefault = mode(s, user.partid(), "default");
        return Optional.of(new Label(ite(useDefault, s.partid(0), user.partid()),
                ite(useDefault, s.pmg(0), user.pmg())));
    }

    /** Interrupt entry switches to the default label when the running label's group says irq. */
    @Override
    public Optional<Label> kernelRegisterOnIrqEntry(ResctrlState s, Expr cpu) {
        Label user = s.userRegister.on(cpu);
        Expr irq = mode(s, user.partid(), "irq");
        Label now = s.kernelRegister().on(cpu);
        return Optional.of(new Label(ite(irq, s.partid(0), now.partid()),
                ite(irq, s.pmg(0), now.pmg())));
    }

    /** Interrupt exit restores what the context switch wrote. */
    @Override
    public Optional<Label> kernelRegisterOnIrqExit(ResctrlState s, Expr cpu) {
        return kernelRegisterOnLoad(s, cpu, s.userRegister.on(cpu));
    }

    @Override
    public void steps(StepCatalog steps, ResctrlState s) {
        steps.add(new Step(SET_MODE, "echo follow|default|irq > kernel_mode of a control group",
                "proposal: a per-group kernel_mode file with three values",
                Arm64PerGroupIrq::setMode, v -> "echo " + v.arg(1) + " > "
                        + Narration.groupDir(v.arg(0)) + "/kernel_mode"));
        steps.wrap(CoreSteps.RMDIR_CTRL, (st, a) -> a.withUpdate(st.get(KERNEL_MODE).becomesAt(
                ref(a.params().get(0)), lit(MODE.value("follow")),
                "the file goes with the group; a new group follows")));
    }

    private static Action setMode(ResctrlState s, Step step) {
        Param p = new Param("p", s.partid);
        Param m = new Param("mode", MODE);
        StateVar modes = s.get(KERNEL_MODE);
        return step.underMutex(s, "a resctrl file write takes rdtgroup_mutex")
                .param(p).param(m)
                .when(and(s.isLive(s.ctrlState, ref(p)), neq(ref(p), s.partid(0))),
                        "the file exists in each control group but the default")
                .when(neq(modes.at(ref(p)), ref(m)), "a change")
                .set(modes.becomesAt(ref(p), ref(m), "the proposed kernel_mode file"))
                .set(s.ipiPending.becomes(union(s.ipiPending.ref(), s.cpusWhere(c -> and(
                        s.isOnline(c), eq(s.userRegister.on(c).partid(), ref(p))))),
                        "update_closid_rmid to the online CPUs running with the group's label"))
                .build();
    }
}
