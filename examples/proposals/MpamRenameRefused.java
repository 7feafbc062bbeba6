import static org.mpamcheck.spec.Exprs.and;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.not;
import static org.mpamcheck.spec.Exprs.ref;

import org.mpamcheck.model.CoreSteps;
import org.mpamcheck.model.MonitorGroups;
import org.mpamcheck.model.ResctrlState;
import org.mpamcheck.model.StepCatalog;
import org.mpamcheck.model.variants.Arm64KernelFollows;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Expr;

/**
 * The fix suggested in docs/findings/mpam-mon-rename.md, checked as a variant: the merged arm64
 * glue, with rdtgroup_rename refusing to give a MON group a new parent when
 * CONFIG_RESCTRL_RMID_DEPENDS_ON_CLOSID is set (drivers/resctrl/Kconfig selects it for
 * ARM64_MPAM_RESCTRL_FS). On MPAM the group's monitor is the (PARTID, PMG) pair, so it cannot
 * keep its "RMID" across a change of PARTID; mongrp_reparent as it stands relabels no task and
 * keeps the old PARTID's rmid entry. A rename within the same parent is unchanged.
 *
 * Check it (hotplug has its own finding and fix, Arm64HotplugFix.java):
 * ./mpamcheck check --proposal examples/proposals/MpamRenameRefused.java \
 *     --scope tasks=1,monitors=1,locks=0,hotplug=0
 */
public class MpamRenameRefused extends Arm64KernelFollows {

    @Override
    public String id() {
        return "arm64-kernel-follows-rename-refused";
    }

    @Override
    public String description() {
        return "The merged glue, with a MON group rename to another parent refused (EPERM).";
    }

    @Override
    public void steps(StepCatalog steps, ResctrlState s) {
        if (steps.has(CoreSteps.RENAME_MON)) {
            steps.wrap(CoreSteps.RENAME_MON, MpamRenameRefused::refuseNewParent);
        }
    }

    /** After the kernel's own refusals (the CPU check): any other parent is refused. */
    private static Action refuseNewParent(ResctrlState s, Action rename) {
        MonitorGroups mg = s.monitors.orElseThrow();
        Expr m = ref(rename.params().get(0));
        Expr p = ref(rename.params().get(1));
        return rename.toBuilder()
                .refuse("EPERM", and(s.isLive(mg.state(), m), s.isLive(s.ctrlState, p),
                                not(eq(mg.partid().at(m), p))),
                        "fix: rdtgroup_rename: IS_ENABLED(CONFIG_RESCTRL_RMID_DEPENDS_ON_CLOSID) "
                                + "&& rdtgrp->mon.parent != new_prdtgrp -> -EPERM")
                .build();
    }
}
