package org.mpamcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.z3.Context;
import com.microsoft.z3.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prove --unbounded}: Z3 for every size from the command line, and its bad input. */
class UnboundedProveTest {

    private static void oneLine(CliRun r, String expected) {
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(expected + "\n", r.err());
    }

    @Test
    void theHoldingPropertiesOfX86RdtAreProvedForEverySize(@TempDir Path dir)
            throws IOException {
        CliRun r = CliRun.of("prove", "--unbounded", "--variant", "x86-rdt",
                "--smt-dir", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("mpamcheck prove: one-step induction with z3 4.14.1"),
                r.out());
        assertTrue(r.out().contains("cpus, tasks, groups, partids, pmgs, locks: any number"),
                r.out());
        assertTrue(r.out().contains("label-coherence        PROVED\n"), r.out());
        assertTrue(r.out().contains("irq-isolation          VIOLATED\n"), r.out());
        assertTrue(r.out().contains("x86-rdt  16/16              1       44"), r.out());
        try (var files = Files.list(dir)) {
            assertEquals(22, files.count(), "initiation and 21 actions");
        }
        String init = Files.readString(dir.resolve("x86-rdt-initiation.smt2"));
        String ipi = Files.readString(dir.resolve("x86-rdt-DeliverIpi.smt2"));
        try (Context ctx = new Context()) {
            for (String text : new String[] {init, ipi}) {
                com.microsoft.z3.Solver s = ctx.mkSolver();
                s.add(ctx.parseSMTLIB2String(text, null, null, null, null));
                assertEquals(Status.UNSATISFIABLE, s.check());
            }
        }
    }

    /**
     * MPAM's cleanest-CLOSID rule compares counts of ids in limbo; the encoding keeps of it that
     * the id is a free one (smt.CleanestChoice), which is all the proof needs: the arm64
     * variants are proved for every size like x86.
     */
    @Test
    void theCleanestClosidRuleIsAbstractedAndArm64IsProvedForEverySize() {
        CliRun r = CliRun.of("prove", "--unbounded", "--variant", "arm64-kernel-follows");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("stable-kernel-label    PROVED\n"), r.out());
        assertTrue(r.out().contains("all-partids-usable     PROVED\n"), r.out());
        assertTrue(r.out().contains("arm64-kernel-follows  12/12              1       44"),
                r.out());
    }

    @Test
    void optionsOfTheOtherEngineAreRefused() {
        oneLine(CliRun.of("prove", "--unbounded", "--solver", "minisat"), "mpamcheck prove: "
                + "--solver chooses Alloy's SAT solver; --unbounded uses Z3");
        oneLine(CliRun.of("prove", "--smt-dir", "."), "mpamcheck prove: --smt-dir needs "
                + "--unbounded");
        oneLine(CliRun.of("prove", "--check-timeout", "5"),
                "mpamcheck prove: --check-timeout needs --unbounded");
        oneLine(CliRun.of("prove", "--unbounded", "--check-timeout", "soon"), "mpamcheck prove: "
                + "--check-timeout needs a number of seconds in (0, 86400], got 'soon'");
    }
}
