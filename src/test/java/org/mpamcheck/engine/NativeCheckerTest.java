package org.mpamcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpamcheck.spec.Exprs.TRUE;
import static org.mpamcheck.spec.Exprs.diff;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.le;
import static org.mpamcheck.spec.Exprs.lt;
import static org.mpamcheck.spec.Exprs.min;
import static org.mpamcheck.spec.Exprs.num;
import static org.mpamcheck.spec.Exprs.plus;
import static org.mpamcheck.spec.Exprs.ref;
import static org.mpamcheck.spec.Exprs.setOf;
import static org.mpamcheck.spec.Exprs.var;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mpamcheck.check.Limits;
import org.mpamcheck.check.Progress;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Result;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.model.examples.Examples;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Value;
import org.mpamcheck.spec.Variable;
import org.mpamcheck.spec.Trace;

class NativeCheckerTest {

    private static Result check(Spec spec, boolean symmetry, int workers) {
        return new NativeChecker().check(spec,
                Limits.DEFAULT.withSymmetry(symmetry).withWorkers(workers), Progress.NONE);
    }

    /**
     * Pinned answers: verdict, distinct states with symmetry off and on, counterexample length
     * (-1 when it holds). Counted by this engine and, with symmetry off, equal to TLC's counts.
     */
    static List<Arguments> pinned() {
        return List.of(
                Arguments.of(Examples.partidAllocator(false, 3, 2), Verdict.HOLDS, 70, 36, -1),
                Arguments.of(Examples.partidAllocator(true, 3, 2), Verdict.VIOLATED, 21, 11, 3),
                Arguments.of(Examples.mutex(2, false), Verdict.HOLDS, 8, 5, -1),
                Arguments.of(Examples.mutex(2, true), Verdict.VIOLATED, 16, 10, 6),
                Arguments.of(Examples.symmetricTokens(5, 4, 2), Verdict.HOLDS, 918, 46, -1),
                Arguments.of(Examples.symmetricTokens(7, 6, 3), Verdict.HOLDS, 275_000, 736, -1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pinned")
    void examplesHaveTheirPinnedVerdictStateCountAndTraceLength(Spec spec, Verdict verdict,
            int distinctNoSymmetry, int distinctSymmetry, int traceLength) {
        for (int workers = 1; workers <= 2; workers++) {
            Result plain = check(spec, false, workers);
            Result reduced = check(spec, true, workers);
            assertEquals(distinctNoSymmetry, plain.statistics().distinct());
            assertEquals(distinctSymmetry, reduced.statistics().distinct());
            for (Result r : List.of(plain, reduced)) {
                PropertyResult p = r.properties().get(0);
                assertEquals(verdict, p.verdict());
                assertEquals(traceLength, p.counterexample().map(Trace::length).orElse(-1));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pinned")
    void counterexamplesAreRealBehavioursEndingInAViolation(Spec spec, Verdict verdict, int a,
            int b, int c) {
        Successors steps = new Successors(spec);
        for (boolean symmetry : new boolean[] {false, true}) {
            Optional<Trace> trace = check(spec, symmetry, 2).properties().get(0).counterexample();
            trace.ifPresent(t -> {
                assertTrue(steps.replays(t), "the trace replays step by step");
                assertFalse(steps.holds(spec.invariants().get(0), t.last()));
                assertTrue(t.steps().subList(0, t.length() - 1).stream()
                        .allMatch(s -> steps.holds(spec.invariants().get(0), s.state())),
                        "only the last state violates: the trace is not longer than needed");
            });
        }
    }

    @Test
    void symmetryNeverChangesAVerdict() {
        for (Spec spec : Examples.all()) {
            Result plain = check(spec, false, 1);
            Result reduced = check(spec, true, 1);
            assertTrue(reduced.statistics().distinct() < plain.statistics().distinct(), spec.name());
            for (int i = 0; i < spec.invariants().size(); i++) {
                assertEquals(plain.properties().get(i).verdict(),
                        reduced.properties().get(i).verdict(), spec.name());
            }
        }
    }

    @Test
    void aStateLimitEndsTheRunAsIncompleteNeverHolds() {
        Result r = new NativeChecker().check(Examples.symmetricTokens(7, 6, 3),
                Limits.DEFAULT.withSymmetry(false).withMaxStates(1000), Progress.NONE);
        PropertyResult p = r.properties().get(0);
        assertEquals(Verdict.INCOMPLETE, p.verdict());
        assertTrue(p.message().startsWith("stopped by the limit of 1,000 states after 1,000 "
                + "distinct states"), p.message());
        assertEquals(1000, r.statistics().distinct());
    }

    @Test
    void aTimeLimitEndsTheRunAsIncompleteNeverHolds() {
        Result r = new NativeChecker().check(Examples.symmetricTokens(7, 6, 3),
                Limits.DEFAULT.withSymmetry(false).withTimeout(Duration.ofNanos(1)), Progress.NONE);
        PropertyResult p = r.properties().get(0);
        assertEquals(Verdict.INCOMPLETE, p.verdict());
        assertTrue(p.message().startsWith("stopped by the 0 s time limit after"), p.message());
    }

    @Test
    void aViolationFoundBeforeALimitStaysViolated() {
        Result r = new NativeChecker().check(Examples.mutex(2, true),
                Limits.DEFAULT.withSymmetry(false).withMaxStates(16), Progress.NONE);
        assertEquals(16, r.statistics().distinct());
        assertEquals(Verdict.VIOLATED, r.properties().get(0).verdict());
    }

    /** x counts up to max (or past it, when unguarded). */
    private static Spec counter(int max, boolean guarded) {
        RangeSort r = new RangeSort("Count", 0, max);
        Variable x = new Variable("x", Type.of(r), "the count");
        Action.Builder inc = Action.builder("Inc", "count one up");
        if (guarded) {
            inc.when(lt(var(x), num(max)), "");
        }
        return Spec.builder("Counter", "a bounded counter").sort(r).variable(x, r.of(0))
                .action(inc.set(x, plus(var(x), num(1)), "").build())
                .invariant(new Invariant("small", "x stays small", le(var(x), num(max))))
                .build();
    }

    @Test
    void deadlockIsAViolationOnlyWhenAsked() {
        Result off = new NativeChecker().check(counter(2, true), Limits.DEFAULT, Progress.NONE);
        assertEquals(List.of(Verdict.HOLDS), off.properties().stream()
                .map(PropertyResult::verdict).toList());
        Result on = new NativeChecker().check(counter(2, true), Limits.DEFAULT.withDeadlock(true),
                Progress.NONE);
        PropertyResult deadlock = on.properties().get(1);
        assertEquals(NativeChecker.DEADLOCK, deadlock.invariant());
        assertEquals(Verdict.VIOLATED, deadlock.verdict());
        assertEquals(2, deadlock.counterexample().orElseThrow().length());
    }

    @Test
    void storingAValueOutsideItsSortIsAnErrorNamingTheActionAndVariable() {
        Result r = new NativeChecker().check(counter(2, false), Limits.DEFAULT, Progress.NONE);
        PropertyResult p = r.properties().get(0);
        assertEquals(Verdict.ERROR, p.verdict());
        assertEquals("action Inc stores 3 into x, outside Count (0..2)", p.message());
    }

    @Test
    void minOfTheEmptySetIsAnErrorNamingTheTerm() {
        RangeSort r = new RangeSort("Id", 0, 3);
        Variable free = new Variable("free", new Type.SetOf(r), "free ids");
        Param p = new Param("p", r);
        Spec spec = Spec.builder("Pick", "takes ids").sort(r)
                .variable(free, new Value.SetVal(r, 0b11))
                .action(Action.builder("Take", "take the least id").param(p)
                        .when(eq(ref(p), min(var(free))), "")
                        .set(free, diff(var(free), setOf(r, ref(p))), "").build())
                .invariant(new Invariant("any", "trivial", TRUE)).build();
        PropertyResult result = new NativeChecker().check(spec, Limits.DEFAULT, Progress.NONE)
                .properties().get(0);
        assertEquals(Verdict.ERROR, result.verdict());
        assertEquals("Min(free) of the empty set", result.message());
    }
}
