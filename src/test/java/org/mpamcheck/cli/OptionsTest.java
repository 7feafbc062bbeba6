package org.mpamcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpamcheck.check.Checker;

/**
 * Options that are easy to get wrong: a repeated single-valued option is an error, lists are
 * trimmed and de-duplicated, limits are capped, bad heap variables are refused with exit 2.
 */
class OptionsTest {

    private static void refused(String expected, String... args) {
        assertEquals(new CliRun(2, "", expected + "\n"), CliRun.of(args));
    }

    @Test
    void aSingleValuedOptionGivenTwiceIsAnError() {
        refused("mpamcheck check: --format is given more than once; give it once",
                "check", "--format", "json", "--format", "text");
        refused("mpamcheck check: --output is given more than once; give it once",
                "check", "--output", "a", "--output", "b");
        refused("mpamcheck check: --timeout is given more than once; give it once",
                "check", "--timeout", "1", "--timeout", "2");
    }

    @Test
    void aVariantNamedTwiceIsCheckedOnce() {
        CliRun r = CliRun.of("check", "--scope", "small", "--engine", "native", "--quiet",
                "--variant", "x86-rdt, x86-rdt", "--variant", "x86-rdt");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().startsWith("mpamcheck: 1 variant(s) x 10 properties"), r.out());
        assertTrue(r.out().endsWith("8 hold, 1 vacuous, 1 violated, 0 incomplete, 0 errors: "
                + "VIOLATED\n"), r.out());
    }

    @Test
    void anEmptyListItemOrARepeatedScopeKeyIsAnError() {
        refused("mpamcheck check: --variant 'x86-rdt,' has an empty item",
                "check", "--variant", "x86-rdt,");
        refused("mpamcheck check: --engine 'native,,tlc' has an empty item",
                "check", "--engine", "native,,tlc");
        refused("mpamcheck check: scope key cpus is given more than once",
                "check", "--scope", "cpus=2,tasks=2,cpus=3");
        refused("mpamcheck check: --scope 'cpus=2,' has an empty item",
                "check", "--scope", "cpus=2,");
    }

    @Test
    void engineListsAreTrimmed() throws Exception {
        var line = new org.apache.commons.cli.DefaultParser().parse(new CheckCommand().options(),
                new String[] {"--engine", "native, alloy", "--engine", " tlc"});
        List<String> names = Selection.engines(line, "all").stream().map(Checker::name).toList();
        assertEquals(List.of("native", "tlc", "alloy"), names);
    }

    @Test
    void workersAndTimeoutAreCapped() {
        refused("mpamcheck check: --workers is at most 256, got '100000'",
                "check", "--workers", "100000");
        refused("mpamcheck check: --timeout is at most 2592000 seconds (30 days), got "
                + "'99999999999999999999'", "check", "--timeout", "99999999999999999999");
    }

    @Test
    void theTlcHeapIsASizeInMegabytes() {
        assertEquals(4096, TlcHeap.megabytes(null, 4096));
        assertEquals(6144, TlcHeap.megabytes("6g", 4096));
        assertEquals(512, TlcHeap.megabytes("512M", 4096));
        UsageException e = assertThrows(UsageException.class,
                () -> TlcHeap.megabytes("abc", 4096));
        assertEquals("MPAMCHECK_TLC_HEAP must be a heap size of at least 64m, like 4g or 4096m, "
                + "got 'abc'", e.getMessage());
    }

    @Test
    void theLauncherRefusesABadHeapWithExitTwo() throws Exception {
        for (String variable : List.of("MPAMCHECK_HEAP", "MPAMCHECK_TLC_HEAP")) {
            ProcessBuilder b = new ProcessBuilder("./mpamcheck", "list").redirectErrorStream(true);
            b.environment().put(variable, "abc");
            Process p = b.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(2, p.waitFor());
            assertEquals("mpamcheck: " + variable + " must be a heap size like 6g or 4096m, got "
                    + "'abc'\n", out);
        }
    }

    @Test
    void quietPrintsNothingOnStderr() {
        CliRun r = CliRun.of("check", "--scope", "small", "--engine", "native", "--variant",
                "x86-rdt", "--quiet");
        assertEquals(1, r.code());
        assertEquals("", r.err());
    }
}
