package org.mpamcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mpamcheck.check.Progress;

/** Without a terminal, progress is whole lines (a CI log is never silent); --quiet is nothing. */
class ProgressLinesTest {

    private static String run(TerminalProgress.Mode mode) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress t = new TerminalProgress(new PrintStream(bytes, true,
                StandardCharsets.UTF_8), mode, 0);
        Progress p = t.forCheck("x86-rdt [native]");
        p.update("level 3", 12_345, 40_000, 3, 2.0);
        t.forStatus("x86-rdt").accept("solving partid-exclusive");
        t.done();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutATerminalEveryUpdateIsALineOnceTheIntervalPassed() {
        assertEquals("mpamcheck: x86-rdt [native]: started\n"
                + "mpamcheck: x86-rdt [native]: level 3, 12,345 states, 6,173/s, depth 3, 2 s\n"
                + "mpamcheck: x86-rdt: solving partid-exclusive\n",
                run(TerminalProgress.Mode.LINES));
    }

    @Test
    void quietIsSilent() {
        assertEquals("", run(TerminalProgress.Mode.QUIET));
    }

    @Test
    void withoutATerminalEachCheckAnnouncesItselfAndThenALineEveryFiveSeconds() {
        assertEquals(5_000_000_000L, TerminalProgress.LINE_INTERVAL_NANOS);
        CliRun r = CliRun.withProgress("check", "--scope", "small", "--engine", "native", "--variant",
                "x86-rdt");
        assertEquals("mpamcheck: x86-rdt [native]: started\n", r.err());
    }
}
