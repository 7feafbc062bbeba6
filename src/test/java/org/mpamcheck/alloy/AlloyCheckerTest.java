package org.mpamcheck.alloy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mpamcheck.check.Limits;
import org.mpamcheck.check.Progress;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Result;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.engine.NativeChecker;
import org.mpamcheck.engine.Successors;
import org.mpamcheck.model.examples.Examples;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.Trace;

/**
 * Alloy agrees with the native engine on every example at a bound beyond the native shortest
 * counterexample, finds a counterexample of the same length, and that trace replays.
 */
class AlloyCheckerTest {

    /** Longer than every native counterexample of the examples (at most 6 steps). */
    private static final int STEPS = 8;

    static List<Spec> specs() {
        return Examples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void agreesWithTheNativeEngine(Spec spec) {
        Result reference = new NativeChecker().check(spec, Limits.DEFAULT, Progress.NONE);
        Result alloy = new AlloyChecker().check(spec, Limits.DEFAULT.withSteps(STEPS),
                Progress.NONE);
        Successors successors = new Successors(spec);
        for (PropertyResult expected : reference.properties()) {
            PropertyResult actual = alloy.property(expected.invariant()).orElseThrow();
            if (expected.verdict() == Verdict.HOLDS) {
                // without a measured diameter a bound is never a pass
                assertEquals(Verdict.INCOMPLETE, actual.verdict(), actual.message());
                assertEquals(STEPS - 1, actual.boundedSteps().orElseThrow());
                continue;
            }
            assertEquals(expected.verdict(), actual.verdict(), actual.message());
            assertEquals(expected.counterexample().map(Trace::length),
                    actual.counterexample().map(Trace::length));
            actual.counterexample().ifPresent(t -> assertTrue(successors.replays(t), t::toString));
        }
        assertTrue(alloy.note().contains("bounded: " + STEPS + " steps"), alloy.note());
        assertTrue(alloy.statistics().clauses() > 0);
    }

    @ParameterizedTest
    @EnumSource(SatSolver.class)
    void everySolverGivesTheSameShortestCounterexample(SatSolver solver) {
        Spec spec = Examples.mutex(2, true);
        Result alloy = new AlloyChecker(solver).check(spec, Limits.DEFAULT.withSteps(STEPS),
                Progress.NONE);
        assertTrue(alloy.note().startsWith("solver "), alloy.note());
        assertEquals(6, alloy.properties().get(0).counterexample().orElseThrow().length());
    }

    @Test
    void aBoundShorterThanTheCounterexampleIsABoundedHolds() {
        Result alloy = new AlloyChecker().check(Examples.mutex(2, true),
                Limits.DEFAULT.withSteps(4), Progress.NONE);
        PropertyResult p = alloy.properties().get(0);
        assertEquals(Verdict.INCOMPLETE, p.verdict());
        assertEquals(3, p.boundedSteps().orElseThrow(), p.message());
    }

    @Test
    void aBoundThatCoversTheDiameterHolds() {
        Spec spec = Examples.mutex(2, false);
        Result reference = new NativeChecker().check(spec, Limits.DEFAULT, Progress.NONE);
        int depth = reference.statistics().depth();
        Result alloy = new AlloyChecker().check(spec, Limits.DEFAULT.withSteps(depth)
                .withDiameter(depth), Progress.NONE);
        assertEquals(Verdict.HOLDS, alloy.properties().get(0).verdict());
    }

    @Test
    void aTimeLimitIsIncompleteNeverHolds() {
        Result alloy = new AlloyChecker().check(Examples.symmetricTokens(5, 4, 2),
                Limits.DEFAULT.withSteps(30).withTimeout(Duration.ofMillis(1)), Progress.NONE);
        assertNotEquals(Verdict.HOLDS, alloy.properties().get(0).verdict());
        assertEquals(Verdict.INCOMPLETE, alloy.properties().get(0).verdict());
    }

    @Test
    void anAbandonedSat4jSearchIsStoppedNotLeftRunning() {
        Result alloy = new AlloyChecker().check(Examples.symmetricTokens(7, 6, 3),
                Limits.DEFAULT.withSteps(40).withTimeout(Duration.ofSeconds(2)), Progress.NONE);
        assertEquals(Verdict.INCOMPLETE, alloy.properties().get(0).verdict());
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("mpamcheck-alloy") && t.isAlive()),
                "the solver thread ended with the check");
    }
}
