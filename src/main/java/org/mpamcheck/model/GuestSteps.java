package org.mpamcheck.model;

import static org.mpamcheck.spec.Exprs.not;
import static org.mpamcheck.spec.Exprs.ref;

import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Param;

/**
 * KVM guests on arm64 (scopes with {@code guests}): the running task is a VMM whose vCPU thread
 * enters its guest from the kernel (KVM_RUN), the guest moves between its kernel and its user
 * space without the host, and exits back to the host kernel. The guest cannot write MPAM
 * registers (TRAPMPAM0EL1/TRAPMPAM1EL1, and FEAT_MPAM hidden). An update IPI exits the guest,
 * the host reloads its registers and re-enters it without vcpu_load (DeliverIpi, unchanged).
 * Sources: the glue series "KVM: arm64: Force guest EL1 to use user-space's partid
 * configuration" (__mpam_guest_load, VHE only, called from __vcpu_load_switch_sysregs) and its
 * nVHE rationale ("rely on MPAM0_EL1 and MPAM1_EL1 always being programmed the same").
 */
final class GuestSteps {

    static final StepId GUEST_ENTER = StepId.of("GuestEnter");
    static final StepId GUEST_EXIT = StepId.of("GuestExit");
    static final StepId GUEST_TO_USER = StepId.of("GuestToUser");
    static final StepId GUEST_TO_KERNEL = StepId.of("GuestToKernel");

    private GuestSteps() {
    }

    static void register(StepCatalog steps, ResctrlState s) {
        boolean vhe = s.scope.guests() == Scope.GUESTS_VHE;
        steps.add(new Step(GUEST_ENTER, "the running task's vCPU thread enters its guest's "
                + "kernel from KVM_RUN" + (vhe ? " (vcpu_load copies MPAM0_EL1 into the guest's "
                + "MPAM1_EL1)" : " (guest EL1 uses the host's MPAM1_EL1)"), vhe
                ? "arch/arm64/kvm/hyp/vhe/sysreg-sr.c __vcpu_load_switch_sysregs -> "
                + "__mpam_guest_load" : "arch/arm64/kvm/hyp/nvhe/switch.c (no MPAM1_EL1 switch)",
                (st, step) -> enter(st, step, vhe),
                v -> v.onCpu(0) + "task " + v.pid(1) + " runs its guest (KVM_RUN)"));
        steps.add(new Step(GUEST_EXIT, "the guest exits to the host kernel (trap, interrupt, "
                + "or KVM_RUN returns)", "arch/arm64/kvm/arm.c kvm_arch_vcpu_ioctl_run",
                GuestSteps::exit, v -> v.onCpu(0) + "guest exits to the host kernel"));
        steps.add(new Step(GUEST_TO_USER, "the guest kernel returns to guest user space",
                "guest ERET to EL0, no trap", (st, step) -> within(st, step,
                        CpuContext.GUEST_KERNEL, CpuContext.GUEST_USER),
                v -> v.onCpu(0) + "guest kernel returns to guest user space"));
        steps.add(new Step(GUEST_TO_KERNEL, "guest user space enters the guest kernel",
                "guest SVC to EL1, no trap", (st, step) -> within(st, step,
                        CpuContext.GUEST_USER, CpuContext.GUEST_KERNEL),
                v -> v.onCpu(0) + "guest user space enters the guest kernel"));
    }

    private static Action enter(ResctrlState s, Step step, boolean vhe) {
        Param c = new Param("c", s.cpu);
        Param t = new Param("t", s.task);
        Action.Builder b = step.action()
                .param(c).param(t)
                .when(s.runs(ref(c), ref(t)), "the running task, its vCPU thread")
                .when(s.inContext(ref(c), CpuContext.KERNEL), "in the KVM_RUN ioctl")
                .when(not(CpuEvents.holdsOrWaits(s, ref(t))), "no kernel lock across the guest")
                .set(s.cpuContext.becomesAt(ref(c), s.context(CpuContext.GUEST_KERNEL),
                        "__kvm_vcpu_run: the guest starts in its kernel"));
        b = s.unlessKernelThread(b, ref(t), "a VMM is a user process (KVM_RUN)");
        if (vhe) {
            s.guestRegister.orElseThrow().write(b, ref(c), s.userRegister.on(ref(c)),
                    "__mpam_guest_load: MPAM0_EL1's PARTID/PMG into the guest's MPAM1_EL1");
        }
        return b.build();
    }

    private static Action exit(ResctrlState s, Step step) {
        Param c = new Param("c", s.cpu);
        return step.action()
                .param(c)
                .when(s.inContext(ref(c), CpuContext.GUEST_KERNEL, CpuContext.GUEST_USER),
                        "in a guest")
                .set(s.cpuContext.becomesAt(ref(c), s.context(CpuContext.KERNEL),
                        "back in the host's KVM run loop"))
                .build();
    }

    private static Action within(ResctrlState s, Step step, CpuContext from, CpuContext to) {
        Param c = new Param("c", s.cpu);
        return step.action()
                .param(c)
                .when(s.inContext(ref(c), from), "in the guest")
                .set(s.cpuContext.becomesAt(ref(c), s.context(to), "inside the guest"))
                .build();
    }
}
