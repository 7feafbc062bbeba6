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
import org.mpamcheck.spec.Exprs;
import org.mpamcheck.spec.Guard;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.Update;

/** Anchor 7: the properties catch a kernel that gets the ordering or the limbo wrong. */
class MutantTest {

    private static final KernelModePolicy FOLLOWS = new Arm64KernelFollows();

    private static PropertyResult check(Spec mutant, String property) {
        Result r = new NativeChecker().check(mutant, Limits.DEFAULT, Progress.NONE);
        return r.property(property).orElseThrow();
    }

    private static Spec spec() {
        return ResctrlModel.withProperties(ResctrlModel.spec(FOLLOWS, Scope.small()),
                List.copyOf(Properties.DESCRIPTIONS.keySet()));
    }

    @Test
    void aMoveThatSkipsTheIpiBreaksLabelCoherence() {
        Action move = spec().action("MoveTask");
        Spec mutant = spec().withAction(move.withUpdates(move.updates().stream()
                .filter(u -> !u.variable().name().equals("ipiPending")).toList()));
        PropertyResult p = check(mutant, "label-coherence");
        assertEquals(Verdict.VIOLATED, p.verdict());
        assertEquals(3, p.counterexample().orElseThrow().length());
        assertEquals(Verdict.HOLDS, check(spec(), "label-coherence").verdict());
    }

    @Test
    void anRmdirThatFreesTheClosidBeforeTheIpisBreaksPartidExclusivity() {
        Action done = spec().action("RmdirCtrlDone");
        List<Guard> early = done.guards().stream()
                .filter(g -> !g.cite().startsWith("update_closid_rmid waits")).toList();
        assertEquals(done.guards().size() - 1, early.size());
        PropertyResult p = check(spec().withAction(done.withGuards(early)), "partid-exclusive");
        assertEquals(Verdict.VIOLATED, p.verdict());
        assertEquals(5, p.counterexample().orElseThrow().length());
    }

    @Test
    void reusingAMonitorIdFromLimboBreaksMonitorExclusivity() {
        ResctrlState s = new ResctrlState(FOLLOWS, Scope.small());
        Action mkdir = spec().action("MkdirCtrl");
        List<Guard> guards = mkdir.guards().stream().map(g -> !g.cite().startsWith("alloc_rmid")
                ? g : new Guard(Exprs.not(s.monitorIdInUse(mkdir.updates().stream()
                        .filter(u -> u.variable().name().equals("ctrlPmg")).map(Update::value)
                        .map(v -> ((org.mpamcheck.spec.Expr.Except) v).argument()).findFirst()
                        .orElseThrow(), Exprs.ref(mkdir.params().get(0)))),
                        "the mutant ignores limbo")).toList();
        PropertyResult p = check(spec().withAction(mkdir.withGuards(guards)), "monitor-exclusive");
        assertEquals(Verdict.VIOLATED, p.verdict());
        assertEquals(4, p.counterexample().orElseThrow().length());
    }
}
