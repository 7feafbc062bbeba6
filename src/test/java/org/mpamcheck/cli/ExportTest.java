package org.mpamcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export writes only under the paths given, never two kinds into one directory, all or nothing. */
class ExportTest {

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void outputAloneKeepsTheProofsUnderIt(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("export", "--output", out.toString(), "--scope", "small");
        assertEquals(0, r.code(), r.err());
        assertEquals("wrote 18 files to " + out + " and 6 to " + out.resolve("proofs")
                + " (scope small: cpus=2 tasks=2 groups=1 monitors=0 partids=2 pmgs=2 locks=1)\n",
                r.out());
        assertEquals(List.of("out"), names(dir));
        assertEquals(19, names(out).size());
        assertEquals(6, names(out.resolve("proofs")).size());
    }

    @Test
    void theSameDirectoryForModelsAndProofsIsRefused(@TempDir Path dir) throws Exception {
        assertEquals(new CliRun(2, "", "mpamcheck export: --output and --proofs are both "
                + dir + ": the proof modules have the models' file names; give two "
                + "directories\n"), CliRun.of("export", "--output", dir.toString(), "--proofs",
                        dir + "/.", "--scope", "small"));
        assertEquals(List.of(), names(dir));
    }

    @Test
    void aFailureMidwayLeavesTheDirectoriesAsTheyWere(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.writeString(out.resolve("X86Rdt.tla"), "the committed module\n");
        // 24 KiB lets the first modules through and stops a later one (each is ~25 KiB)
        int code = ChildRun.run(dir, dir, null, "ulimit -f 24", "export", "--output", "out",
                "--scope", "small");
        String err = ChildRun.stderr(dir);
        assertEquals(3, code, err);
        assertTrue(err.matches("mpamcheck export: cannot write: out/\\w+\\.(tla|cfg|als): File "
                + "too large \\(nothing written\\)\n"), err);
        assertEquals(List.of("X86Rdt.tla"), names(out));
        assertEquals("the committed module\n", Files.readString(out.resolve("X86Rdt.tla")));
        assertEquals(List.of("out", "stderr.txt", "stdout.txt"), names(dir));
    }
}
