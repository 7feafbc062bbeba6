package org.mpamcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --write-expect then --expect round-trips; one changed cell exits 1 naming the cell. */
class BaselineCommandTest {

    private static CliRun check(String... more) {
        String[] base = {"check", "--scope", "small", "--engine", "native", "--workers", "2",
            "--quiet"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return CliRun.of(all);
    }

    @Test
    void aWrittenBaselineMatchesAndOneChangedCellExitsOneNamingIt(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("small.expect");
        CliRun written = check("--write-expect", file.toString());
        assertEquals(1, written.code(), written.err());
        assertEquals("mpamcheck: wrote the baseline " + file + "\n", written.err());
        String text = Files.readString(file);
        assertEquals(2 + 1 + 110, text.lines().count(), text); // two comments, the scope, cells
        assertTrue(text.contains("\nx86-rdt                     irq-isolation          "
                + "VIOLATED 4\n"), text);

        CliRun same = check("--expect", file.toString(), "--format", "junit");
        assertEquals(0, same.code(), same.err());
        assertEquals("mpamcheck: every cell matches " + file + "\n", same.err());
        assertTrue(same.out().contains("<testsuite name=\"mpamcheck.small\" tests=\"110\" "
                + "failures=\"0\" errors=\"0\" skipped=\"0\""), same.out());
        assertTrue(same.out().contains("<system-out>violated as the baseline expects: x86-rdt "
                + "violates irq-isolation in 4 steps:"), same.out());

        Files.writeString(file, text.replace("x86-rdt                     irq-isolation          "
                + "VIOLATED 4", "x86-rdt                     irq-isolation          HOLDS"));
        CliRun changed = check("--expect", file.toString(), "--format", "junit");
        assertEquals(1, changed.code(), changed.err());
        assertTrue(changed.out().contains("tests=\"111\" failures=\"2\" errors=\"0\""),
                changed.out());
        assertTrue(changed.out().contains("<testcase classname=\"mpamcheck.x86-rdt\" "
                + "name=\"irq-isolation [expected]\" time=\"0.000\"><failure message=\""
                + "x86-rdt irq-isolation: expected HOLDS, got VIOLATED 4 (newly violated)\""),
                changed.out());
        assertEquals("mpamcheck: 1 cell(s) differ from " + file + ":\n"
                + "  x86-rdt irq-isolation: expected HOLDS, got VIOLATED 4 (newly violated)\n",
                changed.err());
    }

    @Test
    void aSubsetIsComparedOnlyOnWhatItChecked(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("small.expect");
        assertEquals(1, check("--write-expect", file.toString()).code());
        CliRun r = check("--expect", file.toString(), "--variant", "x86-rdt");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void aMissingOrMalformedBaselineIsRefusedBeforeTheRun(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("none.expect");
        CliRun r = check("--expect", missing.toString());
        assertEquals(new CliRun(2, "", "mpamcheck check: cannot read " + missing
                + ": no such file\n"), r);
        Path bad = Files.writeString(dir.resolve("bad.expect"), "scope cpus=2\nx86-rdt\n");
        assertEquals(new CliRun(2, "", "mpamcheck check: " + bad + ": line 2: expected "
                + "'VARIANT PROPERTY HOLDS|VACUOUS|VIOLATED STEPS', got 'x86-rdt'\n"),
                check("--expect", bad.toString()));
    }

    @Test
    void anIncompleteRunWritesNoBaseline(@TempDir Path dir) {
        Path file = dir.resolve("deep.expect");
        CliRun r = CliRun.of("check", "--engine", "native", "--scope", "deep", "--variant",
                "arm64-kernel-default", "--timeout", "0.2", "--quiet", "--write-expect",
                file.toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().startsWith("mpamcheck: " + file + " not written: "), r.err());
        assertFalse(Files.exists(file));
    }
}
