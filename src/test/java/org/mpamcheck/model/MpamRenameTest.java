package org.mpamcheck.model;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mpamcheck.model.variants.Arm64KernelFollows;
import org.mpamcheck.model.variants.X86Rdt;

/**
 * Monitor-group rename on MPAM, as the source does it (docs/findings/mpam-mon-rename.md):
 * mongrp_reparent switches the group's CLOSID before rdt_move_group_tasks looks for its tasks
 * with resctrl_arch_match_rmid(t, new closid, rmid), which on MPAM compares the PARTID too; and
 * the group's rmid entry stays the old PARTID's while rmdir frees the new PARTID's.
 */
class MpamRenameTest {

    /** One monitor slot, PARTIDs 0-1, PMGs 0-1: the smallest scope with a rename. */
    private static final Scope ONE_MONITOR = Scope.small().with("monitors", 1);

    @Test
    @DisplayName("MPAM: a renamed group takes the PMG another group of its new parent holds")
    void renameGivesTwoGroupsOneLabel() {
        new ModelWalk(new Arm64KernelFollows(), ONE_MONITOR)
                .step("MkdirMon(0, m0, 1)").step("MkdirCtrl(1)")
                .holds("monitor-exclusive", true)
                .step("RenameMon(m0, 1)").value("monPartid", 0, "1").value("monPmg", 0, "1")
                .value("ctrlPmg", 1, "1").holds("monitor-exclusive", false);
    }

    @Test
    @DisplayName("x86: the same commands cannot share an RMID (RMIDs are global)")
    void x86RmidsStayDistinct() {
        new ModelWalk(new X86Rdt(), ONE_MONITOR.with("pmgs", 3))
                .step("MkdirMon(0, m0, 1)").disabled("MkdirCtrl(1)").step("MkdirCtrl(2)")
                .step("RenameMon(m0, 1)").holds("monitor-exclusive", true);
    }

    @Test
    @DisplayName("MPAM: the renamed group's tasks keep the old PARTID and belong to no group")
    void renameLeavesTheTasksBehind() {
        new ModelWalk(new Arm64KernelFollows(), ONE_MONITOR)
                .step("MkdirMon(0, m0, 1)").step("MoveTaskToMon(t0, m0)")
                .step("CheckTaskCurr(t0)").step("MkdirCtrl(0)")
                .step("RenameMon(m0, 1)").value("monPartid", 0, "1")
                .value("taskPartid", 0, "0").value("taskPmg", 0, "1")
                .disabled("CheckTaskCurr(t0)")
                .holds("default-fallback", false).holds("label-coherence", true);
    }

    @Test
    @DisplayName("MPAM: tasks already on the new (PARTID, PMG) are the ones rdt_move_group_tasks "
            + "finds")
    void renameMatchesOnlyTasksOfTheNewLabel() {
        new ModelWalk(new Arm64KernelFollows(), ONE_MONITOR)
                .step("MkdirCtrl(1)").step("MoveTask(t0, 1)").step("CheckTaskCurr(t0)")
                .step("MkdirMon(0, m0, 1)").step("RenameMon(m0, 1)")
                .value("taskPartid", 0, "1").value("taskPmg", 0, "1")
                .step("CheckTaskCurr(t0)");
    }

    @Test
    @DisplayName("MPAM: rmdir frees the new PARTID's entry, which is still on the free list, and "
            + "mkdir takes it from limbo")
    void rmdirAfterRenameFreesTheWrongEntry() {
        new ModelWalk(new Arm64KernelFollows(), ONE_MONITOR)
                .step("MkdirMon(0, m0, 1)").step("MkdirCtrl(0)").step("RenameMon(m0, 1)")
                .value("rmidFreeLru", 0, "{}").value("rmidFreeLru", 1, "{1}")
                .step("RmdirMon(m0)").step("RmdirMonDone(m0)")
                .value("limbo", 1, "{1}").value("rmidFreeLru", 1, "{1}")
                .holds("monitor-exclusive", true)
                .step("MkdirMon(1, m0, 1)").holds("monitor-exclusive", false);
    }

    @Test
    @DisplayName("MPAM: the old PARTID's entry never returns (ENOSPC where x86 would allocate)")
    void theOldEntryLeaks() {
        new ModelWalk(new Arm64KernelFollows(), ONE_MONITOR)
                .step("MkdirMon(0, m0, 1)").step("MkdirCtrl(0)").step("RenameMon(m0, 1)")
                .step("RmdirMon(m0)").step("RmdirMonDone(m0)").step("LimboDrain(1, 1)")
                .value("limbo", 1, "{}").value("rmidFreeLru", 0, "{}")
                .refused("ENOSPC", "MkdirMon(0, m0, 1)");
    }
}
