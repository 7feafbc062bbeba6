package org.mpamcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Result;
import org.mpamcheck.check.Statistics;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.spec.Trace;

/**
 * The native search's depth is the diameter only when the search was exhaustive: when every
 * checked property is violated it stops at the last counterexample, and Alloy's note must not
 * claim to cover a "diameter" that is only where the search stopped.
 */
class DiameterNoteTest {

    private static Result result(Verdict... verdicts) {
        Trace trace = Counterexamples.nativeViolation();
        List<PropertyResult> ps = new java.util.ArrayList<>();
        for (int i = 0; i < verdicts.length; i++) {
            ps.add(verdicts[i] == Verdict.VIOLATED ? PropertyResult.violated("p" + i, trace)
                    : new PropertyResult("p" + i, verdicts[i], Optional.empty(), "why"));
        }
        return new Result("native", ps, Statistics.ofSearch(10, 20, 4, 0.1), "");
    }

    @Test
    void onlyASearchWithAPropertyThatHoldsAndNothingUnsettledIsExhaustive() {
        assertTrue(MatrixRunner.exhaustive(result(Verdict.HOLDS, Verdict.VIOLATED)));
        assertTrue(MatrixRunner.exhaustive(result(Verdict.VACUOUS)));
        assertFalse(MatrixRunner.exhaustive(result(Verdict.VIOLATED, Verdict.VIOLATED)));
        assertFalse(MatrixRunner.exhaustive(result(Verdict.HOLDS, Verdict.INCOMPLETE)));
        assertFalse(MatrixRunner.exhaustive(result(Verdict.HOLDS, Verdict.ERROR)));
    }

    @Test
    void whenEveryPropertyIsViolatedAlloysNoteClaimsNoDiameter() {
        CliRun r = CliRun.of("check", "--scope", "small", "--engine", "native,alloy",
                "--variant", "x86-rdt", "--property", "irq-isolation", "--quiet");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("solver sat4j, bounded: 5 steps,"), r.out());
        assertFalse(r.out().contains("covers the diameter"), r.out());
    }
}
