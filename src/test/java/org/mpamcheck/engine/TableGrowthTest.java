package org.mpamcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpamcheck.check.Limits;
import org.mpamcheck.check.Progress;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Result;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.model.ResctrlModel;
import org.mpamcheck.model.Scope;
import org.mpamcheck.model.Variants;
import org.mpamcheck.spec.Spec;

/**
 * Once memory is scarce the table grows once, to the largest size the budget holds, and then
 * fills to 95% before the memory guard stops the search. x86-plza at {@code ci} (2,011,072 states,
 * symmetry off) completes in a budget of 28 MiB, 14.6 bytes a state. Growing a fifth at a time,
 * with the old and new tables and the moves live at each growth, it needed 65 MiB (and stopped at
 * 1,952,320 states in 60 MiB).
 */
class TableGrowthTest {

    private static final long MIB = 1L << 20;

    @TempDir
    Path spillParent;

    /** x86-plza at ci with one property, which holds there. */
    private Result check(NativeChecker checker, int workers) {
        Spec spec = ResctrlModel.withProperties(ResctrlModel.spec(Variants.byId("x86-plza"),
                Scope.ci()), List.of("label-coherence"));
        return checker.check(spec, Limits.DEFAULT.withSymmetry(false).withWorkers(workers),
                Progress.NONE);
    }

    private NativeChecker checker(long budget) {
        return new NativeChecker(false, budget, new FrontierSpill.Policy(-1, spillParent));
    }

    @Test
    void theWholeSpaceFitsInFifteenBytesAState() {
        NativeChecker checker = checker(28 * MIB);
        Result r = check(checker, 2);
        PropertyResult p = r.properties().get(0);
        assertEquals(Verdict.HOLDS, p.verdict(), p.message());
        assertEquals(2_011_072, r.statistics().distinct(), "the whole state space (bench)");
        NativeChecker.StoreFigures store = checker.lastStore().orElseThrow();
        assertTrue(store.bytesPerState() < 13.5, store.toString());
        assertTrue(store.tableBytes() + store.peakFrontierBytes() <= 28 * MIB, store.toString());
        assertTrue(store.peakSpilledBytes() > 0, "the levels went to disk: " + store);
    }

    @Test
    void aBudgetJustShortFillsTheTableBeforeTheGuardStops() {
        NativeChecker checker = checker(26 * MIB);
        PropertyResult p = check(checker, 1).properties().get(0);
        assertEquals(Verdict.INCOMPLETE, p.verdict(), p.message());
        assertTrue(p.message().startsWith("stopped by the memory guard (26 MiB for visited states"
                + " and frontier) after 1,954,926 distinct states, depth 21"), p.message());
        NativeChecker.StoreFigures store = checker.lastStore().orElseThrow();
        // past the 90% at which the table would otherwise grow: 12.25 bytes a cell
        assertTrue(store.distinct() > 0.93 * store.tableBytes() / 12.25, store.toString());
    }
}
