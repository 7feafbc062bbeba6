package org.mpamcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.model.Scope;

/** A baseline is one line per cell, reads back what it wrote, and names every changed cell. */
class BaselineTest {

    private static final String SMALL = Scope.small().bounds();

    @Test
    void oneCellPerLineWithTheCounterexampleLength() {
        assertEquals("# mpamcheck expected verdicts, one cell per line: variant, property, "
                + "verdict, and the\n# shortest counterexample's length when violated. Engines: "
                + "native (any engine must agree).\n"
                + "scope " + SMALL + "\n"
                + "x86-rdt  partid-exclusive  HOLDS\n"
                + "x86-rdt  irq-isolation     VIOLATED 4\n",
                Baseline.render(Reports.report(Reports.nativeResult())));
    }

    @Test
    void whatIsWrittenReadsBackWithoutChanges() {
        Report r = Reports.report(Reports.nativeResult());
        Baseline b = Baseline.parse(Baseline.render(r));
        assertEquals(List.of(), b.changes(r, true));
        assertEquals(Verdict.VIOLATED, b.cells().get("x86-rdt irq-isolation").verdict());
    }

    @Test
    void everyKindOfChangeIsNamed() {
        Baseline b = Baseline.parse("scope " + SMALL + "\n"
                + "x86-rdt partid-exclusive VIOLATED 3\n"
                + "x86-rdt irq-isolation VIOLATED 5\n"
                + "x86-plza irq-isolation HOLDS\n");
        assertEquals(List.of(
                "x86-rdt partid-exclusive: expected VIOLATED 3, got HOLDS (newly holding)",
                "x86-rdt irq-isolation: expected VIOLATED 5, got VIOLATED 4 (counterexample "
                        + "length changed)",
                "x86-plza irq-isolation: expected HOLDS, no longer checked (a cell that is "
                        + "gone)"), b.changes(Reports.report(Reports.nativeResult()), true));
        Baseline vacuous = Baseline.parse("scope cpus=9\nx86-rdt partid-exclusive HOLDS\n");
        assertEquals(List.of(
                "x86-rdt partid-exclusive: expected HOLDS, got VACUOUS (newly vacuous)",
                "x86-rdt irq-isolation: VIOLATED 4, not in the baseline (a new cell)",
                "scope: expected cpus=9, got " + SMALL),
                vacuous.changes(Reports.report(Reports.nativeWith(Verdict.VACUOUS, "")), false));
        Baseline holds = Baseline.parse("scope " + SMALL + "\nx86-rdt partid-exclusive HOLDS\n"
                + "x86-rdt irq-isolation HOLDS\n");
        assertEquals(List.of("x86-rdt irq-isolation: expected HOLDS, got VIOLATED 4 (newly "
                + "violated)"), holds.changes(Reports.report(Reports.nativeResult()), false));
    }

    @Test
    void anUnsettledCellIsAChange() {
        Baseline b = Baseline.parse("scope " + SMALL + "\nx86-rdt partid-exclusive HOLDS\n"
                + "x86-rdt irq-isolation VIOLATED 4\n");
        assertEquals(List.of("x86-rdt partid-exclusive: expected HOLDS, got INCOMPLETE (not "
                + "settled)"), b.changes(Reports.report(Reports.nativeWith(Verdict.INCOMPLETE,
                        "stopped")), true));
    }

    @Test
    void aMalformedLineIsNamedByNumber() {
        assertEquals("line 2: expected 'VARIANT PROPERTY HOLDS|VACUOUS|VIOLATED STEPS', got "
                + "'x86-rdt irq-isolation VIOLATED'", assertThrows(
                        Baseline.MalformedException.class, () -> Baseline.parse("scope cpus=2\n"
                                + "x86-rdt irq-isolation VIOLATED\n")).getMessage());
        assertEquals("line 2: a baseline expects settled verdicts, not ERROR", assertThrows(
                Baseline.MalformedException.class, () -> Baseline.parse("scope cpus=2\n"
                        + "x86-rdt irq-isolation ERROR\n")).getMessage());
        assertEquals("line 3: cell x86-rdt a is given twice", assertThrows(
                Baseline.MalformedException.class, () -> Baseline.parse("scope cpus=2\n"
                        + "x86-rdt a HOLDS\nx86-rdt a HOLDS\n")).getMessage());
        assertEquals("line 2: no 'scope BOUNDS' line", assertThrows(
                Baseline.MalformedException.class, () -> Baseline.parse("x86-rdt a HOLDS\n"))
                .getMessage());
    }

    @Test
    void aHoldingCellHasNoLength() {
        PropertyResult p = PropertyResult.holds("partid-exclusive");
        assertEquals("HOLDS", new Baseline.Cell("x86-rdt", p.invariant(), p.verdict(), 0)
                .toString());
    }
}
