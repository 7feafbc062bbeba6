import org.mpamcheck.model.CoreSteps;
import org.mpamcheck.model.ResctrlState;
import org.mpamcheck.model.StepCatalog;
import org.mpamcheck.model.variants.Arm64KernelFollows;

/**
 * A known class of resctrl bug, written as a proposal: the merged arm64 glue, but a write to a
 * group's tasks file stores the task's new label without the IPI to the CPU that runs it (the
 * smp_mb()/task_curr() dance of __rdtgroup_move_task left out). The running task keeps its old
 * label until it is next switched in: label-coherence breaks.
 *
 * Check it: ./mpamcheck check --proposal examples/proposals/MoveSkipsIpi.java --scope hotplug=0
 */
public class MoveSkipsIpi extends Arm64KernelFollows {

    @Override
    public String id() {
        return "move-skips-ipi";
    }

    @Override
    public String description() {
        return "MPAM1_EL1 = MPAM0_EL1 as merged, but moving a task sends no IPI.";
    }

    @Override
    public void steps(StepCatalog steps, ResctrlState s) {
        // The task_curr check of a move, minus its update of the pending-IPI set.
        steps.wrap(CoreSteps.CHECK_TASK_CURR, (st, check) -> check.withUpdates(check.updates()
                .stream().filter(u -> !u.variable().equals(st.ipiPending.variable())).toList()));
    }
}
