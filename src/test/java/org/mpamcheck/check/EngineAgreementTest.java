package org.mpamcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpamcheck.model.examples.Examples;
import org.mpamcheck.engine.NativeChecker;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.Trace;

/** Disagreements between engines become ERROR cells naming both sides; agreement passes through. */
class EngineAgreementTest {

    private static final Spec BUGGY = Examples.partidAllocator(true, 3, 2);
    private static final Trace TRACE = new NativeChecker().check(BUGGY, Limits.DEFAULT,
            Progress.NONE).properties().get(0).counterexample().orElseThrow();
    private static final String INV = BUGGY.invariants().get(0).name();

    private static Result result(String engine, PropertyResult p, long distinct) {
        return new Result(engine, List.of(p), Statistics.ofSearch(distinct, distinct, 3, 1), "");
    }

    @Test
    void agreementKeepsTheReferenceVerdictAndTrace() {
        PropertyResult merged = EngineAgreement.merge(List.of(
                result("native", PropertyResult.violated(INV, TRACE), 10),
                result("tlc", PropertyResult.violated(INV, TRACE), 12),
                result("alloy", PropertyResult.noViolationWithin(INV, 2), 0)), false).get(0);
        assertEquals(Verdict.VIOLATED, merged.verdict());
        assertEquals(TRACE, merged.counterexample().orElseThrow());
    }

    @Test
    void aViolationAgainstAHoldsIsAnError() {
        PropertyResult merged = EngineAgreement.merge(List.of(
                result("native", PropertyResult.violated(INV, TRACE), 10),
                result("tlc", PropertyResult.holds(INV), 10)), false).get(0);
        assertEquals(Verdict.ERROR, merged.verdict());
        assertEquals("engines disagree: native VIOLATED (3 steps), tlc HOLDS", merged.message());
    }

    @Test
    void aBoundedEngineThatMissedAShortViolationIsAnError() {
        PropertyResult merged = EngineAgreement.merge(List.of(
                result("native", PropertyResult.violated(INV, TRACE), 10),
                result("alloy", PropertyResult.noViolationWithin(INV, 4), 0)), false).get(0);
        assertEquals(Verdict.ERROR, merged.verdict());
        assertEquals("engines disagree: native VIOLATED (3 steps), alloy no violation within 4 "
                + "steps", merged.message());
    }

    @Test
    void differentStateCountsOfExhaustiveSearchesAreAnErrorWhenAsked() {
        List<Result> results = List.of(result("native", PropertyResult.holds(INV), 70),
                result("tlc", PropertyResult.holds(INV), 71));
        assertEquals(Verdict.HOLDS, EngineAgreement.merge(results, false).get(0).verdict());
        PropertyResult merged = EngineAgreement.merge(results, true).get(0);
        assertEquals(Verdict.ERROR, merged.verdict());
        assertEquals("engines disagree on distinct states: native 70, tlc 71", merged.message());
    }

    @Test
    void onlyIncompleteEnginesAreIncomplete() {
        PropertyResult merged = EngineAgreement.merge(List.of(
                result("native", PropertyResult.incomplete(INV, "stopped"), 5),
                result("alloy", PropertyResult.noViolationWithin(INV, 4), 0)), false).get(0);
        assertEquals(Verdict.INCOMPLETE, merged.verdict());
    }
}
