package org.mpamcheck.model.variants;

import org.mpamcheck.model.Architecture;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.Label;
import org.mpamcheck.model.ResctrlState;
import org.mpamcheck.spec.Expr;

/**
 * x86 resctrl today: IA32_PQR_ASSOC has no privilege-level qualifier, so kernel work and
 * interrupts run with whatever __resctrl_sched_in loaded (kernel-facts §3.1).
 */
public class X86Rdt implements KernelModePolicy {

    @Override
    public String id() {
        return "x86-rdt";
    }

    @Override
    public String description() {
        return "PQR_ASSOC holds one CLOSID/RMID for every privilege level.";
    }

    @Override
    public Architecture architecture() {
        return Architecture.X86;
    }

    @Override
    public boolean hasKernelRegister() {
        return false;
    }

    @Override
    public Label kernelLabel(ResctrlState s, Expr cpu) {
        return s.userRegister.on(cpu);
    }
}
