import static org.mpamcheck.spec.Exprs.ref;

import java.util.ArrayList;
import java.util.List;
import org.mpamcheck.model.Claim;
import org.mpamcheck.model.CoreSteps;
import org.mpamcheck.model.Lemmas;
import org.mpamcheck.model.ResctrlState;
import org.mpamcheck.model.StepCatalog;
import org.mpamcheck.model.variants.Arm64KernelFollows;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Expr;

/**
 * The fix suggested in docs/findings/arm64-hotplug-default.md, checked as a variant: the merged
 * arm64 glue, with mpam_resctrl_offline_cpu and mpam_resctrl_online_cpu resetting the CPU's
 * default to the default group's label, as x86's clear_closid_rmid does, and the online path
 * reloading the registers from it (resctrl_arch_set_cpu_default_closid_rmid(cpu, 0, 0), then
 * resctrl_arch_sched_in on the CPU, instead of cpu_enable_mpam's stale arm64_mpam_current).
 *
 * Check it: ./mpamcheck check --proposal examples/proposals/Arm64HotplugFix.java
 */
public class Arm64HotplugFix extends Arm64KernelFollows {

    @Override
    public String id() {
        return "arm64-kernel-follows-hotplug-fix";
    }

    @Override
    public String description() {
        return "The merged glue, with CPU hotplug resetting the CPU default as x86 does.";
    }

    /** With the fix, a CPU's default always follows the cpu_mask that holds it, as on x86. */
    @Override
    public List<Claim> lemmas() {
        List<Claim> all = new ArrayList<>(super.lemmas());
        all.add(Lemmas.DEFAULTS_FOLLOW_CPU_MASKS);
        return all;
    }

    @Override
    public void steps(StepCatalog steps, ResctrlState s) {
        if (steps.has(CoreSteps.CPU_OFFLINE)) {
            steps.wrap(CoreSteps.CPU_OFFLINE, (st, a) -> resetDefault(st, a, false));
            steps.wrap(CoreSteps.CPU_ONLINE, (st, a) -> resetDefault(st, a, true));
        }
    }

    private static Action resetDefault(ResctrlState s, Action a, boolean reload) {
        Expr c = ref(a.params().get(0));
        String cite = "fix: resctrl_arch_set_cpu_default_closid_rmid(cpu, 0, 0)";
        Action out = a.withUpdate(s.cpuDefaultPartid.becomesAt(c, s.partid(0), cite))
                .withUpdate(s.cpuDefaultPmg.becomesAt(c, s.pmg(0), cite));
        if (!reload) {
            return out;
        }
        String load = "fix: resctrl_arch_sched_in(current) on the onlined CPU";
        out = out.withUpdate(s.userRegister.partid().becomesAt(c, s.partid(0), load))
                .withUpdate(s.userRegister.pmg().becomesAt(c, s.pmg(0), load));
        return out.withUpdate(s.kernelRegister().partid().becomesAt(c, s.partid(0), load))
                .withUpdate(s.kernelRegister().pmg().becomesAt(c, s.pmg(0), load));
    }
}
