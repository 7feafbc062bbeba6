package org.mpamcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `bench`: each engine explores the same whole state space, so counts and depths are equal. */
class BenchCommandTest {

    @Test
    void nativeAndTlcExploreTheSameWholeStateSpace() {
        CliRun run = CliRun.of("bench", "--engine", "native,tlc", "--scope", "small",
                "--variant", "arm64-kernel-default,x86-plza", "--workers", "2");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("variants at scope small (cpus=2 tasks=1 groups=1"
                + " monitors=0 partids=2 pmgs=2 locks=0 hotplug=1), symmetry off, whole state"
                + " space, 2 workers"), run.out());
        // distinct and depth per engine, pinned: the whole reachable state space, symmetry off
        assertEquals(List.of("native 41,152 23", "tlc 41,152 23"),
                rows(run.out(), "arm64-kernel-default"));
        assertEquals(List.of("native 82,688 21", "tlc 82,688 21"), rows(run.out(), "x86-plza"));
    }

    @Test
    void aChosenPropertyEndsTheRunAtItsViolation() {
        CliRun run = CliRun.of("bench", "--scope", "small", "--variant",
                "arm64-kernel-default", "--property", "label-coherence");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("symmetry off, label-coherence, "), run.out());
        List<String> rows = rows(run.out(), "arm64-kernel-default");
        assertEquals(1, rows.size(), run.out());
        assertTrue(rows.get(0).startsWith("native "), run.out());
        long distinct = Long.parseLong(rows.get(0).split(" ")[1].replace(",", ""));
        assertTrue(distinct < 41_152, run.out());
    }

    /** "engine distinct depth" of each row of the variant table for one variant. */
    private static List<String> rows(String out, String variant) {
        return Arrays.stream(out.split("\n")).map(String::trim)
                .filter(l -> l.startsWith(variant + " "))
                .map(l -> l.split("\\s+"))
                .map(c -> c[1] + " " + c[2] + " " + c[3]).toList();
    }
}
