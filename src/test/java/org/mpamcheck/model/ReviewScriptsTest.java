package org.mpamcheck.model;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mpamcheck.model.variants.Arm64GroupMapped;
import org.mpamcheck.model.variants.Arm64IrqDefault;
import org.mpamcheck.model.variants.Arm64KernelFollows;
import org.mpamcheck.model.variants.Arm64KernelGroup;
import org.mpamcheck.model.variants.X86Plza;

/**
 * One trace per property the review asked to be precise about (issue 14), each told as the
 * commands and CPU events that break it, and the variants and configurations added for it.
 */
class ReviewScriptsTest {

    private static final Scope WITH_LOCKS = Scope.ci();

    @Test
    @DisplayName("stable-kernel-label: irq-default's interrupt entry changes the label in force")
    void anInterruptChangesTheLabelInForce() {
        new ModelWalk(new Arm64IrqDefault(), Scope.small())
                .step("MkdirCtrl(0)").step("MoveTask(t0, 1)").step("CheckTaskCurr(t0)")
                .step("Switch(cpu0, t0)").holds("stable-kernel-label", true)
                .step("IrqEnter(cpu0)").value("mpam1Partid", 0, "0")
                .value("mpam0Partid", 0, "1").holds("stable-kernel-label", false);
    }

    @Test
    @DisplayName("no-priority-inversion: under PLZA bound to g1, a lock holder off kmode_cpus")
    void aLockHolderOutsideKmodeCpusRunsOffTheKernelGroup() {
        new ModelWalk(new X86Plza(), WITH_LOCKS)
                .step("MkdirCtrl(1)").step("KmodeBind(1, FALSE)").step("KmodeCpusDrop(cpu0)")
                .step("Switch(cpu0, t0)").step("KernelEnter(cpu0, t0)")
                .step("LockTake(cpu0, t0, lock0)").step("Switch(cpu1, t1)")
                .step("KernelEnter(cpu1, t1)").step("LockWait(cpu1, t1, lock0)")
                .holds("no-priority-inversion", false);
    }

    @Test
    @DisplayName("no-priority-inversion holds for the holder on a PLZA CPU bound to g1")
    void aLockHolderOnAKmodeCpuRunsOnTheKernelGroup() {
        new ModelWalk(new X86Plza(), WITH_LOCKS)
                .step("MkdirCtrl(1)").step("KmodeBind(1, FALSE)")
                .step("Switch(cpu0, t0)").step("KernelEnter(cpu0, t0)")
                .step("LockTake(cpu0, t0, lock0)").step("Switch(cpu1, t1)")
                .step("KernelEnter(cpu1, t1)").step("LockWait(cpu1, t1, lock0)")
                .holds("no-priority-inversion", true);
    }

    @Test
    @DisplayName("irq-isolation: kernel-follows runs an interrupt under the task's group")
    void anInterruptRunsUnderTheTasksGroup() {
        new ModelWalk(new Arm64KernelFollows(), Scope.small())
                .step("MkdirCtrl(0)").step("MoveTask(t0, 1)").step("CheckTaskCurr(t0)")
                .step("Switch(cpu0, t0)").step("IrqEnter(cpu0)")
                .holds("irq-isolation", false);
    }

    @Test
    @DisplayName("all-partids-usable: PLZA bound to the default group runs g1's syscalls on 0")
    void plzaBoundToTheDefaultKeepsItUnrestricted() {
        new ModelWalk(new X86Plza(X86Plza.Config.BOUND_INHERIT_MON), Scope.small())
                .step("MkdirCtrl(1)").step("MoveTask(t0, 1)").step("CheckTaskCurr(t0)")
                .step("Switch(cpu0, t0)").step("KernelEnter(cpu0, t0)")
                .holds("all-partids-usable", false).holds("monitor-attribution", true);
    }

    @Test
    @DisplayName("monitor-attribution: PLZA's assign_mon counts g1's syscalls under RMID 0")
    void assignMonCountsKernelWorkInTheBoundGroup() {
        new ModelWalk(new X86Plza(X86Plza.Config.BOUND_ASSIGN_MON), Scope.small())
                .step("MkdirCtrl(1)").step("MoveTask(t0, 1)").step("CheckTaskCurr(t0)")
                .step("Switch(cpu0, t0)").holds("monitor-attribution", true)
                .step("KernelEnter(cpu0, t0)").value("pqrPmg", 0, "1")
                .holds("monitor-attribution", false);
    }

    @Test
    @DisplayName("PLZA v4: a CPU offline at unbind comes back with PLZA_EN on a freed CLOSID")
    void plzaOfflineCpuMissesTheUnbind() {
        new ModelWalk(new X86Plza(), Scope.small())
                .step("MkdirCtrl(1)").step("KmodeBind(1, TRUE)").value("plzaPartid", 1, "1")
                .step("CpuOffline(cpu1)").step("RmdirCtrl(1)").step("RmdirCtrlDone(1)")
                .step("CpuOnline(cpu1)").value("plzaPartid", 1, "1")
                .holds("partid-exclusive", false);
    }

    @Test
    @DisplayName("PLZA v4: a CPU coming online joins a live binding")
    void plzaOnlineCpuJoinsTheBinding() {
        new ModelWalk(new X86Plza(), Scope.small())
                .step("CpuOffline(cpu1)").step("MkdirCtrl(1)").step("KmodeBind(1, FALSE)")
                .value("plzaPartid", 1, "0").step("CpuOnline(cpu1)")
                .value("plzaPartid", 1, "1").holds("partid-exclusive", true);
    }

    @Test
    @DisplayName("PLZA v4: assign_mon binds a MON group; removing its parent detaches it")
    void plzaBindsAMonGroupAndItsParentsRmdirDetachesIt() {
        Scope scope = Scope.small().with("monitors", 1).with("pmgs", 3);
        new ModelWalk(new X86Plza(), scope)
                .step("MkdirCtrl(1)").step("MkdirMon(1, m0, 2)").step("KmodeBindMon(m0)")
                .value("plzaPartid", 0, "1").value("plzaPmg", 0, "2")
                .holds("kmode-binding-live", true).step("RmdirCtrl(1)")
                .step("RmdirCtrlDone(1)").holds("kmode-binding-live", true)
                .holds("partid-exclusive", true).holds("monitor-exclusive", true);
    }

    @Test
    @DisplayName("PLZA v4: removing the bound MON group detaches the binding first")
    void plzaRmdirOfTheBoundMonGroupDetaches() {
        Scope scope = Scope.small().with("monitors", 1).with("pmgs", 3);
        new ModelWalk(new X86Plza(), scope)
                .step("MkdirCtrl(1)").step("MkdirMon(1, m0, 2)").step("KmodeBindMon(m0)")
                .step("RmdirMon(m0)").holds("kmode-binding-live", true)
                .holds("monitor-exclusive", true);
    }

    @Test
    @DisplayName("arm64-kernel-group: binding g1 runs a default-group task's syscall under g1")
    void kernelGroupRunsSyscallsUnderTheBoundGroup() {
        new ModelWalk(new Arm64KernelGroup(), Scope.small())
                .step("MkdirCtrl(0)").step("KernelGroupBind(1)")
                .step("Switch(cpu0, t0)").step("KernelEnter(cpu0, t0)")
                .value("mpam0Partid", 0, "0").holds("no-user-bypass", false)
                .holds("monitor-attribution", false)
                // g1 now runs every task's kernel work: it can never be given limits
                .holds("all-partids-usable", false);
    }

    @Test
    @DisplayName("arm64-kernel-group: removing the bound group binds the default again first")
    void kernelGroupRmdirRebindsTheDefault() {
        new ModelWalk(new Arm64KernelGroup(), Scope.small())
                .step("MkdirCtrl(0)").step("KernelGroupBind(1)").step("Switch(cpu0, t0)")
                .step("KernelEnter(cpu0, t0)").step("RmdirCtrl(1)")
                .holds("no-user-bypass", true).step("RmdirCtrlDone(1)")
                .disabled("KernelGroupBind(1)").holds("partid-exclusive", true);
    }

    @Test
    @DisplayName("arm64-group-mapped: g1 mapped to the default group bypasses its limits")
    void groupMappedToTheDefaultBypasses() {
        new ModelWalk(new Arm64GroupMapped(), Scope.small())
                .step("MkdirCtrl(0)").step("MapKernelGroup(1, 0)").step("MoveTask(t0, 1)")
                .step("CheckTaskCurr(t0)").step("Switch(cpu0, t0)")
                .value("mpam0Partid", 0, "1").value("mpam1Partid", 0, "0")
                .step("KernelEnter(cpu0, t0)").holds("no-user-bypass", false);
    }
}
