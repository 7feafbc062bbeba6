import static org.mpamcheck.spec.Exprs.FALSE;

import java.util.List;
import org.mpamcheck.model.Claim;
import org.mpamcheck.model.ResctrlState;
import org.mpamcheck.model.StepCatalog;
import org.mpamcheck.model.variants.X86Plza;

/**
 * AMD PLZA with a different unbind: writing inherit_ctrl_and_mon to info/kernel_mode forgets the
 * binding but leaves PLZA_EN set and PLZA_ASSOC as it was on every CPU (an unbind whose IPI
 * reaches no CPU; v4's skips the offline ones). Kernel work on those CPUs keeps the unbound
 * group's CLOSID, and after that group is removed it runs on a freed one.
 *
 * Check it: ./mpamcheck check --proposal examples/proposals/PlzaUnbindKeepsEnable.java
 */
public class PlzaUnbindKeepsEnable extends X86Plza {

    @Override
    public String id() {
        return "x86-plza-unbind-keeps-enable";
    }

    @Override
    public String description() {
        return "AMD PLZA (v4), but unbinding leaves PLZA_EN and PLZA_ASSOC on every CPU.";
    }

    @Override
    public void steps(StepCatalog steps, ResctrlState s) {
        super.steps(steps, s);
        steps.replace(UNBIND, (st, step) -> step.underMutex(st, "a resctrl file write takes "
                        + "rdtgroup_mutex")
                .when(st.get(BOUND).ref(), "a group is bound")
                .set(st.get(BOUND).becomes(FALSE, "group=uninitialized"))
                .set(st.get(CLOSID).becomes(st.partid(0), "no group is bound"))
                .set(st.get(RMID).becomes(st.pmg(0), "no group is bound"))
                .set(st.get(ASSIGN_MON).becomes(FALSE, "no group is bound"))
                .build());
    }

    /** PLZA_EN outlives the binding here, so the built-in variant's lemmas do not hold. */
    @Override
    public List<Claim> lemmas() {
        return List.of();
    }
}
