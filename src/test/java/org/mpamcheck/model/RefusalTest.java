package org.mpamcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mpamcheck.model.variants.Arm64KernelFollows;
import org.mpamcheck.model.variants.X86Plza;
import org.mpamcheck.model.variants.X86Rdt;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Refusal;

/** Every errno the model's operations return, each reached by a short script (rdtgroup.c). */
class RefusalTest {

    private static final Scope WITH_MONITORS = Scope.small().with("monitors", 1);

    @Test
    @DisplayName("rmdir of the default group is EPERM")
    void rmdirOfTheDefaultGroupIsEperm() {
        new ModelWalk(new Arm64KernelFollows(), Scope.small()).refused("EPERM", "RmdirCtrl(0)");
    }

    @Test
    void mkdirWithoutAFreePartidIsEnospc() {
        new ModelWalk(new Arm64KernelFollows(), Scope.small()).step("MkdirCtrl(0)")
                .refused("ENOSPC", "MkdirCtrl(0)").refused("ENOSPC", "MkdirCtrl(1)");
    }

    @Test
    void mkdirWhenTheOnlyRmidsLeftAreInLimboIsEbusy() {
        new ModelWalk(new X86Rdt(), Scope.small()).step("MkdirCtrl(1)").step("RmdirCtrl(1)")
                .step("RmdirCtrlDone(1)").refused("EBUSY", "MkdirCtrl(1)")
                .step("LimboDrain(0, 1)").step("MkdirCtrl(1)");
    }

    @Test
    void mkdirOfAMonitorGroupWithoutAnyRmidIsEnospc() {
        new ModelWalk(new X86Rdt(), WITH_MONITORS).step("MkdirCtrl(1)")
                .refused("ENOSPC", "MkdirMon(0, m0, 1)");
    }

    @Test
    void movingATaskToAMonitorGroupOfAnotherControlGroupIsEinval() {
        new ModelWalk(new Arm64KernelFollows(), WITH_MONITORS.with("tasks", 2))
                .step("MkdirCtrl(0)").step("MkdirMon(0, m0, 1)").step("MoveTask(t0, 1)")
                .step("CheckTaskCurr(t0)").refused("EINVAL", "MoveTaskToMon(t0, m0)")
                .step("MoveTaskToMon(t1, m0)");
    }

    @Test
    void cpusOfTheDefaultGroupCannotBeDropped() {
        new ModelWalk(new Arm64KernelFollows(), Scope.small()).refused("EINVAL", "CpusDrop(0, cpu0)");
    }

    @Test
    void offlineCpusCannotBeAssigned() {
        new ModelWalk(new Arm64KernelFollows(), Scope.small()).step("MkdirCtrl(0)")
                .step("CpuOffline(cpu1)").refused("EINVAL", "CpusAdd(1, cpu1)")
                .step("CpusAdd(1, cpu0)");
    }

    @Test
    void aMonitorGroupsCpusMustBeASubsetOfItsParents() {
        new ModelWalk(new Arm64KernelFollows(), WITH_MONITORS).step("MkdirCtrl(0)")
                .step("MkdirMon(0, m0, 1)").step("CpusAdd(1, cpu0)").step("DeliverIpiIdle(cpu0)")
                .refused("EINVAL", "CpusAddMon(m0, cpu0)").step("CpusAddMon(m0, cpu1)");
    }

    @Test
    void plzaRejectsOfflineKmodeCpus() {
        new ModelWalk(new X86Plza(), Scope.small()).step("KmodeBind(0, FALSE)")
                .step("CpuOffline(cpu1)").refused("EINVAL", "KmodeCpusAdd(cpu1)");
    }

    @Test
    @DisplayName("each refusal of the model is one of the errnos scripted above")
    void everyRefusalIsScripted() {
        Map<String, String> seen = new TreeMap<>();
        for (KernelModePolicy v : Variants.all()) {
            for (Action a : ResctrlModel.spec(v, WITH_MONITORS).actions()) {
                for (Refusal r : a.refusals()) {
                    seen.merge(a.name(), r.errno(), (x, y) -> x.contains(y) ? x : x + "," + y);
                }
            }
        }
        assertEquals("{CpusAdd=EINVAL, CpusAddMon=EINVAL, CpusDrop=EINVAL, "
                + "KmodeCpusAdd=EINVAL, MkdirCtrl=ENOSPC,EBUSY, MkdirMon=EBUSY,ENOSPC, "
                + "MoveTaskToMon=EINVAL, RenameMon=EPERM, RmdirCtrl=EPERM}", seen.toString());
    }
}
