package org.mpamcheck.model.variants;

import org.mpamcheck.model.Architecture;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.Label;
import org.mpamcheck.model.ResctrlState;
import org.mpamcheck.spec.Expr;

/**
 * Kernel work follows the task as merged, but interrupt entry switches MPAM1_EL1 to the default
 * label and interrupt exit restores the task's (a candidate answer to Zeng Heng's interrupt
 * concern in the seed thread).
 */
public final class Arm64IrqDefault implements KernelModePolicy {

    public String id() {
        return "arm64-irq-default";
    }

    public String description() {
        return "MPAM1_EL1 follows the task, except that interrupts switch it to the default label.";
    }

    public Architecture architecture() {
        return Architecture.ARM64;
    }

    public boolean hasKernelRegister() {
        return true;
    }

    public Label kernelLabel(ResctrlState s, Expr cpu) {
        return s.kernelRegister(cpu);
    }

    public Label kernelRegisterOnLoad(ResctrlState s, Expr cpu, Label user) {
        return user;
    }

    public Label kernelRegisterOnIrqEntry(ResctrlState s, Expr cpu) {
        return s.defaultLabel();
    }

    /** The interrupted context's label is MPAM0_EL1's, which interrupt entry left alone. */
    public Label kernelRegisterOnIrqExit(ResctrlState s, Expr cpu) {
        return s.userRegister(cpu);
    }
}
