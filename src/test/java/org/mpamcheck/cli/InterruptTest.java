package org.mpamcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM in the middle of a TLC run, on a real process: the TLC child JVM is ended with it, the
 * temporary directories are removed, "interrupted" is the last line on stderr, and the exit code
 * is 130.
 */
class InterruptTest {

    @Test
    void sigtermEndsTheTlcChildRemovesTheTemporaryFilesAndExits130(@TempDir Path dir)
            throws Exception {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Process p = ChildRun.start(dir, tmp, dir.resolve("stdout.txt").toFile(), "", "check",
                "--engine", "tlc", "--scope", "deep", "--variant", "arm64-kernel-default",
                "--workers", "1");
        ProcessHandle java = awaitJava(p);
        ProcessHandle tlc = awaitChild(java);
        assertTrue(tlcDirectoryExists(tmp), "TLC's directory is made before TLC starts");
        java.destroy(); // SIGTERM
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the run did not end on SIGTERM");
        assertEquals(130, p.exitValue(), ChildRun.stderr(dir));
        assertTrue(ChildRun.stderr(dir).endsWith("mpamcheck: interrupted\n"),
                ChildRun.stderr(dir));
        tlc.onExit().get(1, TimeUnit.MINUTES);
        assertFalse(tlc.isAlive());
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList());
        }
    }

    /** bash execs java: the same process, once its command line is java's. */
    private static ProcessHandle awaitJava(Process p) throws InterruptedException {
        ProcessHandle h = p.toHandle();
        while (!h.info().command().orElse("").endsWith("java")) {
            assertTrue(p.isAlive(), "the run ended early");
            Thread.sleep(50);
        }
        return h;
    }

    private static ProcessHandle awaitChild(ProcessHandle java) throws InterruptedException {
        while (true) {
            Optional<ProcessHandle> child = java.children().findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            assertTrue(java.isAlive(), "the run ended before TLC started");
            Thread.sleep(50);
        }
    }

    private static boolean tlcDirectoryExists(Path tmp) throws IOException {
        try (Stream<Path> runs = Files.list(tmp)) {
            for (Path run : runs.toList()) {
                try (Stream<Path> inside = Files.list(run)) {
                    if (inside.anyMatch(p -> p.getFileName().toString()
                            .startsWith("mpamcheck-tlc-"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
