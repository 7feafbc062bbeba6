package org.mpamcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpamcheck.check.Limits;
import org.mpamcheck.check.Progress;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Result;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.engine.NativeChecker;
import org.mpamcheck.model.variants.Arm64KernelFollows;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Exprs;
import org.mpamcheck.spec.Guard;
import org.mpamcheck.spec.Spec;

/**
 * Anchor 7: the properties catch a kernel that gets the ordering or the limbo wrong. Each mutant
 * is a proposal written on the public hooks, as a reviewer would write it: the merged arm64 glue
 * with one core step wrapped.
 */
class MutantTest {

    /** Without hotplug, so that arm64's stale CPU defaults do not hide what each mutant breaks. */
    private static final Scope SCOPE = Scope.small().with("hotplug", 0);

    /** A move that stores the task's label but sends no IPI to the CPU running it. */
    static final class MoveSkipsIpi extends Arm64KernelFollows {
        @Override
        public String id() {
            return "mutant-move-skips-ipi";
        }

        @Override
        public void steps(StepCatalog steps, ResctrlState s) {
            steps.wrap(CoreSteps.CHECK_TASK_CURR, (st, a) -> a.withUpdates(a.updates().stream()
                    .filter(u -> !u.variable().equals(st.ipiPending.variable())).toList()));
        }
    }

    /** An rmdir that frees the CLOSID without waiting for its IPIs. */
    static final class FreesClosidEarly extends Arm64KernelFollows {
        @Override
        public String id() {
            return "mutant-frees-closid-early";
        }

        @Override
        public void steps(StepCatalog steps, ResctrlState s) {
            Expr waitsForIpis = Exprs.and(Exprs.isEmpty(s.ipiPending.ref()),
                    Exprs.isEmpty(s.uncheckedMoves.ref()));
            steps.wrap(CoreSteps.RMDIR_CTRL_DONE, (st, a) -> a.withGuards(a.guards().stream()
                    .filter(g -> !g.condition().equals(waitsForIpis)).toList()));
        }
    }

    /** A mkdir that hands out a monitor id still in limbo. */
    static final class ReusesLimbo extends Arm64KernelFollows {
        @Override
        public String id() {
            return "mutant-reuses-limbo";
        }

        @Override
        public void steps(StepCatalog steps, ResctrlState s) {
            steps.wrap(CoreSteps.MKDIR_CTRL, (st, a) -> {
                Expr next = a.updates().stream()
                        .filter(u -> u.variable().equals(st.ctrlPmg.variable()))
                        .map(u -> ((Expr.Except) u.value()).argument()).findFirst().orElseThrow();
                Expr pmg = Exprs.ref(a.params().get(0));
                Expr free = st.monitorIdFree(next, pmg);
                return a.withGuards(a.guards().stream().map(g -> !g.condition().equals(free) ? g
                        : new Guard(Exprs.not(st.monitorIdInUse(st.rmidIndex(next), pmg)),
                                "the mutant ignores limbo")).toList());
            });
        }
    }

    private static PropertyResult check(KernelModePolicy policy, String property) {
        Spec spec = ResctrlModel.of(policy, SCOPE).checked(Properties.ids(), false);
        Result r = new NativeChecker().check(spec, Limits.DEFAULT, Progress.NONE);
        return r.property(property).orElseThrow();
    }

    private static int steps(PropertyResult p) {
        assertEquals(Verdict.VIOLATED, p.verdict(), p.invariant());
        return p.counterexample().orElseThrow().length();
    }

    @Test
    void aMoveThatSkipsTheIpiBreaksLabelCoherence() {
        assertEquals(4, steps(check(new MoveSkipsIpi(), "label-coherence")));
        assertEquals(Verdict.HOLDS, check(new Arm64KernelFollows(), "label-coherence").verdict());
    }

    @Test
    void anRmdirThatFreesTheClosidBeforeTheIpisBreaksPartidExclusivity() {
        Action done = ResctrlModel.spec(new FreesClosidEarly(), SCOPE)
                .action(CoreSteps.RMDIR_CTRL_DONE.name());
        Action kept = ResctrlModel.spec(new Arm64KernelFollows(), SCOPE)
                .action(CoreSteps.RMDIR_CTRL_DONE.name());
        assertEquals(kept.guards().size() - 1, done.guards().size());
        assertEquals(5, steps(check(new FreesClosidEarly(), "partid-exclusive")));
    }

    @Test
    void reusingAMonitorIdFromLimboBreaksMonitorExclusivity() {
        List<Guard> guards = ResctrlModel.spec(new ReusesLimbo(), SCOPE)
                .action(CoreSteps.MKDIR_CTRL.name()).guards();
        assertEquals(1, guards.stream().filter(g -> g.cite().equals("the mutant ignores limbo"))
                .count());
        assertEquals(4, steps(check(new ReusesLimbo(), "monitor-exclusive")));
    }
}
