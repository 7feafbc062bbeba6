package org.mpamcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code prove --unbounded}: Z3 for every size from the command line, and its bad input. */
class UnboundedProveTest {

    private static void oneLine(CliRun r, String expected) {
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(expected + "\n", r.err());
    }

    @Test
    void theHoldingPropertiesOfArm64KernelFollowsAreProvedForEverySize() {
        CliRun r = CliRun.of("prove", "--unbounded", "--variant", "arm64-kernel-follows");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("mpamcheck prove: one-step induction with z3 4.14.1"),
                r.out());
        assertTrue(r.out().contains("cpus, tasks, groups, monitors, partids, pmgs, locks: any "
                + "number"), r.out());
        assertTrue(r.out().contains("label-coherence        PROVED\n"), r.out());
        assertTrue(r.out().contains("irq-isolation          VIOLATED\n"), r.out());
        assertTrue(r.out().contains("arm64-kernel-follows  15/15              1       52"),
                r.out());
    }

    @Test
    void optionsOfTheOtherEngineAreRefused() {
        oneLine(CliRun.of("prove", "--unbounded", "--solver", "minisat"), "mpamcheck prove: "
                + "--solver chooses Alloy's SAT solver; --unbounded uses Z3");
        oneLine(CliRun.of("prove", "--check-timeout", "5"),
                "mpamcheck prove: --check-timeout needs --unbounded");
        oneLine(CliRun.of("prove", "--unbounded", "--check-timeout", "soon"), "mpamcheck prove: "
                + "--check-timeout needs a number of seconds in (0, 86400], got 'soon'");
    }
}
