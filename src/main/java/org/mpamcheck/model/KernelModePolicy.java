package org.mpamcheck.model;

import static org.mpamcheck.spec.Exprs.FALSE;

import java.util.List;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.ActionInstance;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Update;
import org.mpamcheck.spec.Value;
import org.mpamcheck.spec.Variable;

/**
 * What a kernel does with the label of kernel-mode work: one implementation per proposal. The
 * model calls these hooks where the kernel would (the context switch, the IPI, interrupt entry and
 * exit, rmdir, CPU online) and adds the variant's own variables and resctrl files. A new proposal
 * is one new class and one line in {@link Variants}.
 */
public interface KernelModePolicy {

    /** A variant's own state variable with its value after mount. */
    record PolicyVariable(Variable variable, Value initial) {
    }

    /** The id reports and the command line use, e.g. {@code arm64-kernel-follows}. */
    String id();

    /** One line: what the kernel does with the kernel-mode label. */
    String description();

    Architecture architecture();

    /** Whether the variant has a second label register for kernel mode (MPAM1_EL1, PLZA_ASSOC). */
    boolean hasKernelRegister();

    /**
     * The label in force for kernel work and interrupts on {@code cpu} (arm64: MPAM1_EL1; x86:
     * PQR_ASSOC, or PLZA_ASSOC at CPL 0 where PLZA is enabled).
     */
    Label kernelLabel(ResctrlState s, Expr cpu);

    /**
     * The kernel register's new value when a context switch or an IPI loads {@code user} into the
     * user register of {@code cpu}; {@code null} leaves it unchanged.
     */
    default Label kernelRegisterOnLoad(ResctrlState s, Expr cpu, Label user) {
        return null;
    }

    /** The kernel register's value on interrupt entry; {@code null} leaves it unchanged. */
    default Label kernelRegisterOnIrqEntry(ResctrlState s, Expr cpu) {
        return null;
    }

    /** The kernel register's value on interrupt exit; {@code null} leaves it unchanged. */
    default Label kernelRegisterOnIrqExit(ResctrlState s, Expr cpu) {
        return null;
    }

    /** The kernel register after CPU online; {@code null} resets it to the default label. */
    default Label kernelRegisterOnOnline(ResctrlState s, Expr cpu) {
        return null;
    }

    /** Whether {@code partid} is the group the variant designates for kernel work (PLZA). */
    default Expr designatedKernelGroup(ResctrlState s, Expr partid) {
        return FALSE;
    }

    default List<PolicyVariable> variables(ResctrlState s) {
        return List.of();
    }

    /**
     * What the variant keeps true of its registers, as lemmas for the induction proofs (the
     * search checks them too, so a wrong one is caught).
     */
    default List<org.mpamcheck.spec.Invariant> lemmas(ResctrlState s) {
        return List.of();
    }

    /** The variant's own resctrl files and steps. */
    default List<Action> actions(ResctrlState s) {
        return List.of();
    }

    /** Extra updates of the step that removes control group {@code partid}. */
    default List<Update> onRmdirCtrl(ResctrlState s, Expr partid) {
        return List.of();
    }

    /** Extra updates of the step that brings {@code cpu} online. */
    default List<Update> onCpuOnline(ResctrlState s, Expr cpu) {
        return List.of();
    }

    /** The command or event a variant's own action instance models, for traces. */
    default String narrate(ActionInstance step, Architecture arch) {
        return step.toString();
    }
}
