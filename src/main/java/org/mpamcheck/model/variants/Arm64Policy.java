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
public abstract class Arm64Policy implements KernelModePolicy {

    @Override
    public Architecture architecture() {
        return Architecture.ARM64;
    }

    @Override
    public boolean hasKernelRegister() {
        return true;
    }

    @Override
    public Label kernelLabel(ResctrlState s, Expr cpu) {
        return s.kernelRegister().on(cpu);
    }
}
