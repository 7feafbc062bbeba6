package org.mpamcheck.model.variants;

import org.mpamcheck.model.Architecture;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.Label;
import org.mpamcheck.model.ResctrlState;
import org.mpamcheck.spec.Expr;

/**
 * The glue as merged: mpam_thread_switch writes the same PARTID/PMG to MPAM1_EL1 and MPAM0_EL1
 * on every context switch, then isb (kernel-facts §4.2).
 */
public final class Arm64KernelFollows implements KernelModePolicy {

    public String id() {
        return "arm64-kernel-follows";
    }

    public String description() {
        return "MPAM1_EL1 = MPAM0_EL1, written together on every context switch (as merged).";
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
}
