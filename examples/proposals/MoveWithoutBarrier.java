import static org.mpamcheck.spec.Exprs.diff;
import static org.mpamcheck.spec.Exprs.filter;
import static org.mpamcheck.spec.Exprs.in;
import static org.mpamcheck.spec.Exprs.ite;
import static org.mpamcheck.spec.Exprs.ref;
import static org.mpamcheck.spec.Exprs.setOf;
import static org.mpamcheck.spec.Exprs.union;

import org.mpamcheck.model.CoreSteps;
import org.mpamcheck.model.ResctrlState;
import org.mpamcheck.model.StateVar;
import org.mpamcheck.model.StepCatalog;
import org.mpamcheck.model.VarDecl;
import org.mpamcheck.model.variants.Arm64KernelFollows;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Value;

/**
 * __rdtgroup_move_task without its smp_mb(): the load of task_curr() may be satisfied before
 * the store of the task's new label is visible to other CPUs. Modelled as store buffering: the
 * move reads which CPU runs the task first, and the store lands (and the IPI is decided from the
 * early read) in the later check step. A context switch in between loads the old label, and the
 * early read said "not running": no IPI, and the task runs on its old group's label.
 *
 * Check it without hotplug, so the only bug is the missing barrier:
 * ./mpamcheck check --proposal examples/proposals/MoveWithoutBarrier.java --scope tasks=1,hotplug=0
 */
public class MoveWithoutBarrier extends Arm64KernelFollows {

    static final VarDecl BUFFERED = new VarDecl("bufferedPartid",
            s -> new Type.FnOf(s.task, Type.of(s.partid)),
            "the CLOSID a move stored but other CPUs do not see yet",
            s -> Value.FnVal.constant(s.task, s.partid.of(0)));
    static final VarDecl BUFFERED_PMG = new VarDecl("bufferedPmg",
            s -> new Type.FnOf(s.task, Type.of(s.pmg)),
            "the PMG a move stored but other CPUs do not see yet",
            s -> Value.FnVal.constant(s.task, s.pmg.of(0)));
    static final VarDecl IN_BUFFER = new VarDecl("inStoreBuffer",
            s -> new Type.SetOf(s.task), "tasks whose moved label is still in the store buffer",
            s -> Value.emptySet(s.task));
    static final VarDecl SEEN_ON = new VarDecl("seenRunningOn",
            s -> new Type.FnOf(s.task, new Type.SetOf(s.cpu)),
            "the CPUs the early task_curr() read saw running the task",
            s -> Value.FnVal.constant(s.task, Value.emptySet(s.cpu)));

    @Override
    public String id() {
        return "move-without-barrier";
    }

    @Override
    public String description() {
        return "The merged glue, but __rdtgroup_move_task without smp_mb().";
    }

    @Override
    public void declare(ResctrlState s) {
        s.declare(BUFFERED);
        s.declare(BUFFERED_PMG);
        s.declare(IN_BUFFER);
        s.declare(SEEN_ON);
    }

    @Override
    public void steps(StepCatalog steps, ResctrlState s) {
        steps.wrap(CoreSteps.MOVE_TASK, (st, a) -> {
            Param t = a.params().get(0);
            Param p = a.params().get(1);
            Param c = new Param("cs", st.cpu);
            // The store goes to the buffer; the task struct keeps its old label for now.
            return a.withUpdates(a.updates().stream().filter(u -> !u.variable().equals(
                            st.taskPartid.variable()) && !u.variable().equals(
                            st.taskPmg.variable())).toList())
                    .withUpdate(st.get(BUFFERED).becomesAt(ref(t), ref(p), "the store, buffered"))
                    .withUpdate(st.get(BUFFERED_PMG).becomesAt(ref(t), st.ctrlPmg.at(ref(p)),
                            "the store, buffered"))
                    .withUpdate(st.get(IN_BUFFER).becomes(union(st.get(IN_BUFFER).ref(),
                            setOf(st.task, ref(t))), "not yet visible"))
                    .withUpdate(st.get(SEEN_ON).becomesAt(ref(t), filter(c, st.runs(ref(c),
                            ref(t))), "task_curr() read before the store is visible"));
        });
        steps.wrap(CoreSteps.CHECK_TASK_CURR, (st, a) -> {
            Expr t = ref(a.params().get(0));
            StateVar inBuffer = st.get(IN_BUFFER);
            Expr buffered = in(t, inBuffer.ref());
            Expr original = a.updates().stream().filter(u -> u.variable().equals(
                    st.ipiPending.variable())).findFirst().orElseThrow().value();
            return a.withUpdate(st.ipiPending.becomes(ite(buffered, union(st.ipiPending.ref(),
                            st.get(SEEN_ON).at(t)), original), "IPI decided from the early read"))
                    .withUpdate(st.taskPartid.becomesAt(t, ite(buffered, st.get(BUFFERED).at(t),
                            st.taskPartid.at(t)), "the store becomes visible"))
                    .withUpdate(st.taskPmg.becomesAt(t, ite(buffered, st.get(BUFFERED_PMG).at(t),
                            st.taskPmg.at(t)), "the store becomes visible"))
                    .withUpdate(inBuffer.becomes(diff(inBuffer.ref(), setOf(st.task, t)),
                            "drained"));
        });
    }
}
