package org.mpamcheck.model;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mpamcheck.model.variants.Arm64KernelDefault;
import org.mpamcheck.model.variants.Arm64KernelFollows;

/** KVM guests on arm64 (scope key guests: 1 VHE, 2 nVHE), told as traces. */
class GuestScriptsTest {

    private static Scope guests(int mode) {
        return Scope.small().with("guests", mode);
    }

    @Test
    @DisplayName("nVHE, kernel-default: a guest kernel runs on the host kernel's PARTID 0")
    void nvheGuestKernelEscapesUnderKernelDefault() {
        new ModelWalk(new Arm64KernelDefault(), guests(Scope.GUESTS_NVHE))
                .step("MkdirCtrl(0)").step("MoveTask(t0, 1)").step("CheckTaskCurr(t0)")
                .step("Switch(cpu0, t0)").step("KernelEnter(cpu0, t0)")
                .step("GuestEnter(cpu0, t0)").value("mpam0Partid", 0, "1")
                .value("mpam1Partid", 0, "0").holds("no-guest-bypass", false)
                .step("GuestToUser(cpu0)").holds("no-guest-bypass", true);
    }

    @Test
    @DisplayName("VHE, kernel-default: vcpu_load copies MPAM0_EL1 into the guest's MPAM1_EL1")
    void vheGuestKernelFollowsTheVmm() {
        new ModelWalk(new Arm64KernelDefault(), guests(Scope.GUESTS_VHE))
                .step("MkdirCtrl(0)").step("MoveTask(t0, 1)").step("CheckTaskCurr(t0)")
                .step("Switch(cpu0, t0)").step("KernelEnter(cpu0, t0)")
                .step("GuestEnter(cpu0, t0)").value("guestMpam1Partid", 0, "1")
                .holds("no-guest-bypass", true);
    }

    @Test
    @DisplayName("VHE: after rmdir the guest kernel keeps the freed PARTID until vcpu_load")
    void vheGuestKernelKeepsAFreedPartid() {
        new ModelWalk(new Arm64KernelFollows(), guests(Scope.GUESTS_VHE))
                .step("MkdirCtrl(0)").step("MoveTask(t0, 1)").step("CheckTaskCurr(t0)")
                .step("Switch(cpu0, t0)").step("KernelEnter(cpu0, t0)")
                .step("GuestEnter(cpu0, t0)").step("RmdirCtrl(1)").step("CheckTaskCurr(t0)")
                .step("DeliverIpi(cpu0, t0)").value("mpam0Partid", 0, "0")
                .value("guestMpam1Partid", 0, "1").step("RmdirCtrlDone(1)")
                .holds("partid-exclusive", false).holds("no-guest-bypass", false);
    }

    @Test
    @DisplayName("nVHE, kernel-follows: the guest kernel follows the VMM through the IPI")
    void nvheGuestKernelFollowsThroughTheIpi() {
        new ModelWalk(new Arm64KernelFollows(), guests(Scope.GUESTS_NVHE))
                .step("MkdirCtrl(0)").step("MoveTask(t0, 1)").step("CheckTaskCurr(t0)")
                .step("Switch(cpu0, t0)").step("KernelEnter(cpu0, t0)")
                .step("GuestEnter(cpu0, t0)").step("RmdirCtrl(1)").step("CheckTaskCurr(t0)")
                .step("DeliverIpi(cpu0, t0)").step("RmdirCtrlDone(1)")
                .holds("partid-exclusive", true).holds("no-guest-bypass", true);
    }
}
