package org.mpamcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Result;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.model.Properties;
import org.mpamcheck.model.Scope;
import org.mpamcheck.model.Variants;
import org.mpamcheck.report.Report;
import org.mpamcheck.report.VariantRun;

/**
 * The whole matrix at the small scope with the native engine, TLC and Alloy: no cell may be an
 * ERROR (a disagreement), TLC sees exactly the native states, and Alloy confirms every
 * counterexample within its bound and finds no violation the native engine does not.
 */
class ThreeEnginesAgreeTest {

    /** Cells whose counterexample Alloy's bound of 5 states covers: every one of 4 steps. */
    private static final int ALLOY_CONFIRMED = 19;

    @Test
    void nativeTlcAndAlloyAgreeOnEveryCellAtTheSmallScope() {
        Report r = new MatrixRunner(new TerminalProgress(System.err, false)).run(Variants.all(),
                List.copyOf(Properties.DESCRIPTIONS.keySet()), Scope.small(),
                Engines.parse("all"), org.mpamcheck.check.Limits.DEFAULT.withWorkers(2));
        int alloyConfirmed = 0;
        for (VariantRun run : r.runs()) {
            Result nat = run.results().get(0);
            Result tlc = run.results().get(1);
            Result alloy = run.results().get(2);
            assertEquals(List.of("native", "tlc", "alloy"),
                    List.of(nat.engine(), tlc.engine(), alloy.engine()));
            assertEquals(nat.statistics().distinct(), tlc.statistics().distinct(), run.id());
            for (PropertyResult p : run.agreed()) {
                // a vacuous cell is one the native engine holds and whose premise it never met
                Verdict agreed = p.verdict() == Verdict.VACUOUS ? Verdict.HOLDS : p.verdict();
                assertEquals(nat.property(p.invariant()).orElseThrow().verdict(), agreed,
                        run.id() + " " + p.invariant() + ": " + p.message());
                PropertyResult a = alloy.property(p.invariant()).orElseThrow();
                if (a.verdict() == Verdict.VIOLATED) {
                    alloyConfirmed++;
                }
            }
        }
        // every cell is settled: the worst is a violation, none an ERROR
        assertEquals(Verdict.VIOLATED, r.overall());
        // the counterexamples of 4 steps: the bound of 5 states covers them and no others
        assertEquals(ALLOY_CONFIRMED, alloyConfirmed);
    }
}
