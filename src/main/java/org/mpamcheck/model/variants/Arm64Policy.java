package org.mpamcheck.model.variants;

import org.mpamcheck.model.Architecture;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.Label;
import org.mpamcheck.model.ResctrlState;
import org.mpamcheck.spec.Expr;

/**
 * What every arm64 variant shares: EL1 (kernel work, and interrupts, which are taken to EL1) is
 * labelled by MPAM1_EL1 (kernel-facts §4.1); the variants differ in what they write there.
 */
abstract class Arm64Policy implements KernelModePolicy {

    public final Architecture architecture() {
        return Architecture.ARM64;
    }

    public final boolean hasKernelRegister() {
        return true;
    }

    public final Label kernelLabel(ResctrlState s, Expr cpu) {
        return s.kernelRegister(cpu);
    }
}
