package org.mpamcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpamcheck.spec.Exprs.FALSE;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.lt;
import static org.mpamcheck.spec.Exprs.not;
import static org.mpamcheck.spec.Exprs.num;
import static org.mpamcheck.spec.Exprs.plus;
import static org.mpamcheck.spec.Exprs.var;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpamcheck.check.ActionCoverage;
import org.mpamcheck.check.Limits;
import org.mpamcheck.check.Progress;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Result;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.model.ResctrlModel;
import org.mpamcheck.model.Scope;
import org.mpamcheck.model.Variants;
import org.mpamcheck.model.examples.Examples;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.Trace;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Variable;

/** Coverage, many invariants, the memory guard and symmetry at a large scope. */
class SearchFeaturesTest {

    private static final Limits ONE = Limits.DEFAULT.withSymmetry(false).withWorkers(1);

    /** x counts 0..5; invariant i says x is never i mod 7 (so i mod 7 = 6 holds). */
    private static Spec counterWithInvariants(int invariants) {
        RangeSort r = new RangeSort("Count", 0, 5);
        Variable x = new Variable("x", Type.of(r), "the count");
        Spec.Builder b = Spec.builder("Counter", "a counter").sort(r).variable(x, r.of(0))
                .action(Action.builder("Inc", "count up").when(lt(var(x), num(5)), "")
                        .set(x, plus(var(x), num(1)), "").build())
                .action(Action.builder("Never", "never enabled").when(FALSE, "")
                        .set(x, num(0), "").build());
        for (int i = 0; i < invariants; i++) {
            b.invariant(new Invariant("not" + i, "x is not " + i % 7,
                    not(eq(var(x), num(i % 7)))));
        }
        return b.build();
    }

    @Test
    void everyOneOfAHundredInvariantsGetsItsOwnVerdict() {
        Spec spec = counterWithInvariants(100);
        for (NativeChecker checker : List.of(new NativeChecker(), NativeChecker.interpreted())) {
            for (int workers = 1; workers <= 2; workers++) {
                Result r = checker.check(spec, ONE.withWorkers(workers), Progress.NONE);
                assertEquals(100, r.properties().size());
                for (int i = 0; i < 100; i++) {
                    PropertyResult p = r.properties().get(i);
                    if (i % 7 == 6) {
                        assertEquals(Verdict.HOLDS, p.verdict(), p.invariant());
                    } else {
                        assertEquals(Verdict.VIOLATED, p.verdict(), p.invariant());
                        assertEquals(i % 7, p.counterexample().map(Trace::length).orElseThrow());
                    }
                }
            }
        }
    }

    @Test
    void coverageCountsEachActionInSpecOrderAndShowsOneThatNeverFires() {
        Result r = new NativeChecker().check(counterWithInvariants(1).withInvariants(List.of()),
                ONE, Progress.NONE);
        assertEquals(List.of(new ActionCoverage("Inc", 5, 5), new ActionCoverage("Never", 0, 0)),
                r.coverage());
    }

    @Test
    void coverageAddsUpToTheGeneratedAndDistinctStates() {
        for (Spec spec : Examples.all()) {
            for (boolean symmetry : new boolean[] {false, true}) {
                Result r = new NativeChecker().check(spec, ONE.withSymmetry(symmetry)
                        .withWorkers(2), Progress.NONE);
                assertEquals(spec.actions().stream().map(a -> a.name()).toList(),
                        r.coverage().stream().map(ActionCoverage::action).toList());
                long fired = r.coverage().stream().mapToLong(ActionCoverage::fired).sum();
                long fresh = r.coverage().stream().mapToLong(ActionCoverage::newStates).sum();
                if (r.overall() == Verdict.HOLDS) {
                    // the initial state counts as generated and distinct, but no action made it
                    assertEquals(r.statistics().generated() - 1, fired, spec.name());
                    assertEquals(r.statistics().distinct() - 1, fresh, spec.name());
                }
            }
        }
    }

    @Test
    void theMemoryGuardEndsTheRunIncompleteWithItsReport() {
        Result r = new NativeChecker(false, 2L << 20).check(Examples.symmetricTokens(7, 6, 3),
                ONE, Progress.NONE);
        PropertyResult p = r.properties().get(0);
        assertEquals(Verdict.INCOMPLETE, p.verdict());
        assertTrue(p.message().startsWith("stopped by the memory guard (2 MiB for visited "
                + "states and frontier) after "), p.message());
        assertTrue(r.statistics().distinct() > 0 && r.statistics().distinct() < 275_000);
    }

    @Test
    void symmetryAtEightCpusAndEightTasksStartsAndStopsAtItsTimeLimit() {
        Spec spec = ResctrlModel.spec(Variants.byId("x86-rdt"),
                Scope.parse("cpus=8,tasks=8"));
        Result r = new NativeChecker().check(spec, Limits.DEFAULT.withSymmetry(true)
                .withWorkers(2).withTimeout(Duration.ofSeconds(3)), Progress.NONE);
        assertTrue(r.statistics().distinct() > 1, "the search got past the initial state");
        for (PropertyResult p : r.properties()) {
            assertTrue(p.verdict() == Verdict.VIOLATED || (p.verdict() == Verdict.INCOMPLETE
                    && p.message().startsWith("stopped by the 3 s time limit")), p.toString());
        }
    }
}
