package org.mpamcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a report goes, against real files: devices and pipes are written through, never
 * replaced; a symbolic link's target is written, the link kept; a write that fails after the run
 * is exit 3 naming the file, and the report is printed or saved, never lost.
 */
class OutputFaultsTest {

    private static final String[] RDT = {"check", "--scope", "small", "--engine", "native",
        "--variant", "x86-rdt", "--workers", "2", "--quiet"};

    private static String[] rdt(String... more) {
        return Stream.concat(Stream.of(RDT), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void aFullDeviceIsWrittenThroughAndItsFailureKeepsTheReport() {
        CliRun r = CliRun.of(rdt("--output", "/dev/full"));
        assertEquals(3, r.code(), r.err());
        assertEquals("mpamcheck: cannot write /dev/full: No space left on device; the report "
                + "follows on stdout\n", r.err());
        assertTrue(r.out().contains("x86-rdt violates irq-isolation in 4 steps"), r.out());
        assertFalse(Files.isRegularFile(Path.of("/dev/full")), "/dev/full was replaced");
    }

    @Test
    void aSymbolicLinkKeepsPointingAtItsTargetWhichGetsTheReport(@TempDir Path dir)
            throws IOException {
        Path target = Files.writeString(dir.resolve("target.txt"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), Path.of("target.txt"));
        CliRun r = CliRun.of(rdt("--output", link.toString()));
        assertEquals(1, r.code(), r.err());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(target).startsWith("mpamcheck: 1 variant(s)"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void aDanglingLinkADirectoryAndAnUnwritablePathAreRefusedBeforeTheRun(@TempDir Path dir)
            throws IOException {
        Path dangling = Files.createSymbolicLink(dir.resolve("gone.txt"), Path.of("missing"));
        assertEquals(new CliRun(2, "", "mpamcheck check: cannot write " + dangling
                + ": a symbolic link to a missing file\n"), CliRun.of(rdt("--output",
                        dangling.toString())));
        assertEquals(new CliRun(2, "", "mpamcheck check: cannot write " + dir
                + ": a directory\n"), CliRun.of(rdt("--output", dir.toString())));
        assertEquals(new CliRun(2, "", "mpamcheck check: cannot write /proc/self/report.txt: "
                + "not writable\n"), CliRun.of(rdt("--output", "/proc/self/report.txt")));
        assertFalse(Files.exists(dir.resolve("missing")));
    }

    @Test
    void aPipeIsWrittenThrough(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("report.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        CliRun r = CliRun.of(rdt("--output", fifo.toString(), "--format", "json"));
        assertEquals(1, r.code(), r.err());
        assertEquals(10, new ObjectMapper().readTree(read.get()).get("checks").size());
        assertFalse(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aFileSizeLimitIsExitThreeNamingTheFileAndTheOldFileStays(@TempDir Path dir)
            throws Exception {
        Path report = Files.writeString(dir.resolve("report.txt"), "the previous report\n");
        // bash counts ulimit -f in KiB: the text report of the whole matrix is ~20 KiB
        int code = ChildRun.run(dir, dir, null, "ulimit -f 4", "check", "--scope",
                "small", "--engine", "native", "--quiet", "--output", "report.txt");
        String err = ChildRun.stderr(dir);
        assertEquals(3, code, err);
        assertTrue(err.startsWith("mpamcheck: cannot write report.txt: File too large; the "
                + "report follows on stdout"), err);
        assertEquals("the previous report\n", Files.readString(report));
        assertTrue(Files.readString(dir.resolve("stdout.txt"))
                .endsWith("0 incomplete, 0 errors: VIOLATED\n"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("report.txt", "stderr.txt", "stdout.txt"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void stdoutOnAFullDeviceIsExitThreeAndTheWholeReportIsSaved(@TempDir Path dir)
            throws Exception {
        int code = ChildRun.run(dir, dir, Path.of("/dev/full").toFile(), "", rdt("--format",
                "json"));
        String err = ChildRun.stderr(dir);
        assertEquals(3, code, err);
        assertTrue(err.startsWith("mpamcheck: cannot write the report to stdout; saved it to "
                + dir.toRealPath()), err);
        Path saved = Path.of(err.substring(err.lastIndexOf(' ') + 1).strip());
        assertEquals(10, new ObjectMapper().readTree(saved.toFile()).get("checks").size());
    }
}
