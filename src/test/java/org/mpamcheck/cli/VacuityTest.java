package org.mpamcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A property nothing exercised is VACUOUS, not HOLDS, and CI can make that fail. */
class VacuityTest {

    /** Without kernel locks no task ever waits: no-priority-inversion's premise is unreachable. */
    private static final String[] NO_LOCKS = {"check", "--variant", "arm64-kernel-default",
        "--property", "no-priority-inversion,irq-isolation", "--engine", "native",
        "--scope", "tasks=2,locks=0,hotplug=0"};

    @Test
    void aPropertyWhosePremiseIsNeverReachedIsVacuous() {
        CliRun r = CliRun.of(NO_LOCKS);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*arm64-kernel-default +vacuous +holds\\n.*"), r.out());
        assertTrue(r.out().contains("arm64-kernel-default / no-priority-inversion: VACUOUS - no "
                + "reachable state has its premise: a lock holder with waiters, running in the "
                + "kernel"), r.out());
    }

    @Test
    void withLocksThePremiseIsReachedAndThePropertyHolds() {
        CliRun r = CliRun.of("check", "--variant", "arm64-kernel-default", "--property",
                "no-priority-inversion", "--engine", "native", "--scope", "tasks=2,hotplug=0");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*arm64-kernel-default +holds\\n.*"), r.out());
    }

    @Test
    void failOnVacuousMakesTheCellFail() {
        String[] args = new String[NO_LOCKS.length + 1];
        System.arraycopy(NO_LOCKS, 0, args, 0, NO_LOCKS.length);
        args[NO_LOCKS.length] = "--fail-on-vacuous";
        assertEquals(1, CliRun.of(args).code());
    }

    @Test
    void jsonSaysVacuousToo() {
        String[] args = new String[NO_LOCKS.length + 2];
        System.arraycopy(NO_LOCKS, 0, args, 0, NO_LOCKS.length);
        args[NO_LOCKS.length] = "--format";
        args[NO_LOCKS.length + 1] = "json";
        CliRun r = CliRun.of(args);
        assertTrue(r.out().matches(
                "(?s).*\"engine\" : \"native\",.*\"verdict\" : \"VACUOUS\".*"), r.out());
    }
}
