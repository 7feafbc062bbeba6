package org.mpamcheck.model;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mpamcheck.model.variants.Arm64KernelDefault;
import org.mpamcheck.model.variants.Arm64KernelFollows;
import org.mpamcheck.model.variants.X86Rdt;

/**
 * Each kernel behaviour the model gained from the source, reached by a script: the steps a
 * search would otherwise never show in isolation (fs/resctrl/rdtgroup.c, arch/arm64 MPAM glue).
 */
class StepScriptsTest {

    private static final Scope TWO_TASKS = Scope.ci();

    @Test
    @DisplayName("arm64: a CPU offline across an rmdir comes back on the freed PARTID")
    void arm64HotplugLeavesTheCpuOnAFreedPartid() {
        new ModelWalk(new Arm64KernelFollows(), Scope.small())
                .step("MkdirCtrl(0)").step("CpusAdd(1, cpu0)").step("DeliverIpiIdle(cpu0)")
                .value("mpam0Partid", 0, "1")
                .step("CpuOffline(cpu0)").value("cpuGroupPartid", 0, "0")
                .value("cpuDefaultPartid", 0, "1")
                .step("RmdirCtrl(1)").step("RmdirCtrlDone(1)").step("CpuOnline(cpu0)")
                .value("mpam0Partid", 0, "1").value("mpam1Partid", 0, "1")
                .holds("partid-exclusive", false).holds("label-coherence", false);
    }

    @Test
    @DisplayName("x86: clear_closid_rmid resets the CPU on offline and online")
    void x86HotplugResetsTheCpu() {
        new ModelWalk(new X86Rdt(), Scope.small())
                .step("MkdirCtrl(1)").step("CpusAdd(1, cpu0)").step("DeliverIpiIdle(cpu0)")
                .step("CpuOffline(cpu0)").value("cpuDefaultPartid", 0, "0")
                .step("RmdirCtrl(1)").step("RmdirCtrlDone(1)").step("CpuOnline(cpu0)")
                .value("pqrPartid", 0, "0").holds("partid-exclusive", true)
                .holds("label-coherence", true);
    }

    @Test
    @DisplayName("a move is a store, then the task_curr check that sends the IPI")
    void aMoveStoresThenChecksTaskCurr() {
        new ModelWalk(new Arm64KernelFollows(), Scope.small())
                .step("Switch(cpu0, t0)").step("MkdirCtrl(0)").step("MoveTask(t0, 1)")
                .value("taskPartid", 0, "1").disabled("DeliverIpi(cpu0, t0)")
                .holds("label-coherence", true)
                .step("CheckTaskCurr(t0)").step("DeliverIpi(cpu0, t0)")
                .value("mpam0Partid", 0, "1").holds("label-coherence", true);
    }

    @Test
    @DisplayName("a task switched in between the store and the check loads the new label")
    void aSwitchBetweenStoreAndCheckLoadsTheNewLabel() {
        new ModelWalk(new Arm64KernelFollows(), Scope.small())
                .step("MkdirCtrl(0)").step("MoveTask(t0, 1)").step("Switch(cpu1, t0)")
                .value("mpam0Partid", 1, "1").step("CheckTaskCurr(t0)")
                .step("DeliverIpi(cpu1, t0)").holds("label-coherence", true);
    }

    @Test
    @DisplayName("a kernel thread starts with kthreadd's label, runs only in the kernel, and can "
            + "be written to a tasks file")
    void aKernelThreadRunsOnlyInTheKernel() {
        new ModelWalk(new Arm64KernelDefault(), TWO_TASKS.with("kthreads", 1))
                .step("MkdirCtrl(0)").step("MoveTask(t1, 1)").step("CheckTaskCurr(t1)")
                .value("taskPartid", 1, "1")
                .step("KthreadCreate(t1)").value("taskPartid", 1, "0")
                .disabled("KthreadCreate(t0)")
                .step("Switch(cpu0, t1)").value("context", 0, "kernel")
                .disabled("KernelExit(cpu0, t1)")
                .step("MoveTask(t1, 1)").step("CheckTaskCurr(t1)").step("DeliverIpi(cpu0, t1)")
                .value("mpam0Partid", 0, "1").value("mpam1Partid", 0, "0")
                .holds("no-user-bypass", false);
    }

    @Test
    @DisplayName("a lock holder is preempted in the kernel and resumes there on another CPU")
    void aPreemptedLockHolderResumesInTheKernel() {
        new ModelWalk(new Arm64KernelDefault(), TWO_TASKS)
                .step("Switch(cpu0, t0)").step("KernelEnter(cpu0, t0)")
                .step("LockTake(cpu0, t0, lock0)").step("Switch(cpu0, t1)")
                .value("context", 0, "user").disabled("LockRelease(cpu0, t0, lock0)")
                .step("Switch(cpu1, t0)").value("context", 1, "kernel")
                .step("LockRelease(cpu1, t0, lock0)").step("KernelExit(cpu1, t0)");
    }

    @Test
    @DisplayName("a lock waiter sleeps: it is switched out while waiting")
    void aLockWaiterSleeps() {
        new ModelWalk(new Arm64KernelDefault(), TWO_TASKS)
                .step("Switch(cpu0, t0)").step("KernelEnter(cpu0, t0)")
                .step("LockTake(cpu0, t0, lock0)").step("Switch(cpu1, t1)")
                .step("KernelEnter(cpu1, t1)").step("LockWait(cpu1, t1, lock0)")
                .step("SwitchToIdle(cpu1)").holds("no-priority-inversion", true)
                .step("LockRelease(cpu0, t0, lock0)").step("Switch(cpu1, t1)")
                .step("LockTake(cpu1, t1, lock0)");
    }

    @Test
    @DisplayName("an interrupt arrives on an idle CPU")
    void anInterruptOnAnIdleCpu() {
        new ModelWalk(new Arm64KernelFollows(), Scope.small())
                .step("IrqEnter(cpu0)").value("context", 0, "irqFromUser")
                .disabled("Switch(cpu0, t0)").step("IrqExit(cpu0)").step("Switch(cpu0, t0)");
    }

    @Test
    @DisplayName("x86: renaming a monitor group moves its tasks to the new parent's CLOSID")
    void renamingAMonitorGroupRelabelsItsTasks() {
        Scope scope = Scope.small().with("monitors", 1).with("pmgs", 3);
        new ModelWalk(new X86Rdt(), scope)
                .step("MkdirMon(0, m0, 1)").step("MoveTaskToMon(t0, m0)")
                .step("CheckTaskCurr(t0)").step("MkdirCtrl(2)")
                .step("RenameMon(m0, 1)").value("taskPartid", 0, "1").value("taskPmg", 0, "1")
                .value("monPartid", 0, "1").step("CheckTaskCurr(t0)")
                .holds("default-fallback", true);
    }

    @Test
    @DisplayName("x86: a monitor group that monitors CPUs cannot change parent (EPERM)")
    void aMonitorGroupWithCpusCannotBeReparented() {
        Scope scope = Scope.small().with("monitors", 1).with("pmgs", 3);
        new ModelWalk(new X86Rdt(), scope)
                .step("MkdirMon(0, m0, 1)").step("CpusAddMon(m0, cpu0)")
                .step("DeliverIpiIdle(cpu0)").step("MkdirCtrl(2)")
                .refused("EPERM", "RenameMon(m0, 1)");
    }

    @Test
    @DisplayName("a write to a control group's cpus empties its monitor groups' masks")
    void cpusOfAControlGroupClearTheChildMasks() {
        Scope scope = Scope.small().with("monitors", 1).with("pmgs", 3);
        new ModelWalk(new X86Rdt(), scope)
                .step("MkdirCtrl(1)").step("MkdirMon(1, m0, 2)").step("CpusAdd(1, cpu0)")
                .step("DeliverIpiIdle(cpu0)").step("CpusAddMon(m0, cpu0)")
                .step("DeliverIpiIdle(cpu0)").value("cpuGroupPmg", 0, "2")
                .step("CpusAdd(1, cpu1)").value("cpuGroupPmg", 0, "1")
                .value("cpuDefaultPmg", 0, "1");
    }

    @Test
    @DisplayName("MPAM: mkdir takes the cleanest PARTID, not the lowest")
    void mpamMkdirTakesTheCleanestPartid() {
        Scope scope = Scope.small().with("partids", 3).with("pmgs", 1);
        new ModelWalk(new Arm64KernelFollows(), scope)
                .step("MkdirCtrl(0)").step("RmdirCtrl(1)").step("RmdirCtrlDone(1)")
                .step("MkdirCtrl(0)").value("ctrlState", 2, "live").value("ctrlState", 1, "free")
                .refused("EBUSY", "MkdirCtrl(0)");
    }
}
