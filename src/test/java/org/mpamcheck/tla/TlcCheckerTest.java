package org.mpamcheck.tla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpamcheck.spec.Exprs.and;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.le;
import static org.mpamcheck.spec.Exprs.lt;
import static org.mpamcheck.spec.Exprs.not;
import static org.mpamcheck.spec.Exprs.num;
import static org.mpamcheck.spec.Exprs.plus;
import static org.mpamcheck.spec.Exprs.var;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
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
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Value;
import org.mpamcheck.spec.Variable;
import org.mpamcheck.spec.Trace;

/** TLC agrees with the native engine, and its failures never turn into verdicts. */
class TlcCheckerTest {

    private static final Limits LIMITS = Limits.DEFAULT.withSymmetry(false).withWorkers(1)
            .withHeapMegabytes(512).withTimeout(Duration.ofMinutes(2));

    static List<Spec> specs() {
        return TlaTestSpecs.all();
    }

    private static Result tlc(Spec spec, Limits limits) {
        return new TlcChecker().check(spec, limits, Progress.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void tlcAgreesWithTheNativeEngineWithSymmetryOff(Spec spec) {
        Result expected = new NativeChecker().check(spec, LIMITS, Progress.NONE);
        Result actual = tlc(spec, LIMITS);
        assertEquals("tlc", actual.engine());
        Successors steps = new Successors(spec);
        for (int i = 0; i < spec.invariants().size(); i++) {
            PropertyResult want = expected.properties().get(i);
            PropertyResult got = actual.properties().get(i);
            assertEquals(want.invariant(), got.invariant());
            assertEquals(want.verdict(), got.verdict(), got.invariant() + ": " + got.message());
            assertEquals(want.counterexample().map(Trace::length),
                    got.counterexample().map(Trace::length), got.invariant());
            int index = i;
            got.counterexample().ifPresent(t -> {
                assertTrue(steps.replays(t), "TLC's trace replays");
                assertFalse(steps.holds(spec.invariants().get(index), t.last()));
            });
        }
        if (expected.overall() == Verdict.HOLDS) {
            // A violation ends TLC mid-level but the native search at a level's end: compare
            // state counts only for complete searches.
            assertEquals(expected.statistics().distinct(), actual.statistics().distinct());
            assertEquals(expected.statistics().depth(), actual.statistics().depth());
        }
        assertTrue(actual.statistics().seconds() > 0);
    }

    @Test
    void tracesFoundUnderSymmetryAreRealBehaviours() {
        Spec spec = Examples.partidAllocator(true, 3, 2);
        Result r = tlc(spec, LIMITS.withSymmetry(true).withWorkers(2));
        PropertyResult p = r.properties().get(0);
        assertEquals(Verdict.VIOLATED, p.verdict(), p.message());
        assertEquals(3, p.counterexample().orElseThrow().length());
        assertTrue(new Successors(spec).replays(p.counterexample().orElseThrow()));
    }

    /**
     * {@code b' = b /\ ~(x = 1)} unparenthesised is {@code (b' = b) /\ ~(x = 1)}: a guard that
     * disables the step from x = 1 (how x86-plza's rmdir of the bound group went missing in TLC).
     */
    @Test
    void anUpdateToABooleanConnectiveIsAnUpdateNotAGuard() {
        RangeSort r = new RangeSort("Count", 0, 2);
        Variable x = new Variable("x", Type.of(r), "the count");
        Variable b = new Variable("b", Type.BOOL, "still below two");
        Spec spec = Spec.builder("Flag", "counts to two, clearing b on the way").sort(r)
                .variable(x, r.of(0)).variable(b, Value.bool(true))
                .action(Action.builder("Inc", "count one up").when(lt(var(x), num(2)), "")
                        .set(x, plus(var(x), num(1)), "")
                        .set(b, and(var(b), not(eq(var(x), num(1)))), "").build())
                .invariant(new Invariant("belowTwo", "b stays set", var(b)))
                .build();
        assertTrue(TlaEmitter.emit(spec).tla().contains("b' = (b /\\ (x # 1))"));
        Result actual = tlc(spec, LIMITS);
        PropertyResult p = actual.properties().get(0);
        assertEquals(Verdict.VIOLATED, p.verdict(), p.message());
        assertEquals(2, p.counterexample().orElseThrow().length());
    }

    @Test
    void aDeadlockIsReportedLikeTheNativeEngineDoesWhenChecked() {
        RangeSort r = new RangeSort("Count", 0, 2);
        Variable x = new Variable("x", Type.of(r), "the count");
        Spec spec = Spec.builder("Counter", "counts to two, then stops").sort(r)
                .variable(x, r.of(0))
                .action(Action.builder("Inc", "count one up").when(lt(var(x), num(2)), "")
                        .set(x, plus(var(x), num(1)), "").build())
                .invariant(new Invariant("small", "x stays small", le(var(x), num(2))))
                .build();
        Limits limits = LIMITS.withDeadlock(true);
        Result expected = new NativeChecker().check(spec, limits, Progress.NONE);
        Result actual = tlc(spec, limits);
        assertEquals(List.of(Verdict.HOLDS, Verdict.VIOLATED), actual.properties().stream()
                .map(PropertyResult::verdict).toList());
        assertEquals(expected.properties().get(1).invariant(), actual.properties().get(1).invariant());
        Trace t = actual.properties().get(1).counterexample().orElseThrow();
        assertEquals(expected.properties().get(1).counterexample().orElseThrow(), t);
    }

    @Test
    void aSpecTlaCannotExpressIsAnErrorNotAThrow() {
        Spec spec = Examples.mutex(2, false).renamed("Nat", "a reserved module name");
        assertThrows(IllegalArgumentException.class, () -> TlaEmitter.emit(spec));
        PropertyResult p = tlc(spec, LIMITS).properties().get(0);
        assertEquals(Verdict.ERROR, p.verdict());
        assertTrue(p.message().contains("'Nat' is reserved"), p.message());
    }

    @Test
    void aTinyTimeLimitIsIncompleteNeverHolds() {
        Result r = tlc(Examples.symmetricTokens(5, 4, 2), LIMITS.withTimeout(Duration.ofMillis(50)));
        PropertyResult p = r.properties().get(0);
        assertEquals(Verdict.INCOMPLETE, p.verdict());
        assertTrue(p.message().startsWith("TLC stopped by the 0 s time limit"), p.message());
    }

    private static Result tampered(UnaryOperator<TlaModule> tamper) {
        return new TlcChecker().check(Examples.mutex(2, false), LIMITS, Progress.NONE, tamper);
    }

    @Test
    void aBadConfigurationIsAnErrorCarryingTlcsMessage() {
        Result r = tampered(m -> new TlaModule(m.name(), m.tla(),
                m.cfg().replace("NEXT Next", "NEXT Nxt")));
        PropertyResult p = r.properties().get(0);
        assertEquals(Verdict.ERROR, p.verdict());
        assertTrue(p.message().contains("Nxt"), p.message());
    }

    @Test
    void aModuleThatDoesNotParseIsAnErrorCarryingSanysMessage() {
        Result r = tampered(m -> new TlaModule(m.name(), m.tla().replace("Init ==", "Init == /\\ ("),
                m.cfg()));
        PropertyResult p = r.properties().get(0);
        assertEquals(Verdict.ERROR, p.verdict());
        assertTrue(p.message().contains("Parse Error") || p.message().contains("parse"),
                p.message());
    }
}
