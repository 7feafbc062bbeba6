package org.mpamcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * export never puts two kinds of module into one directory and writes all or nothing
 * ({@code CommandsTest.exportWritesEveryVariantsModules}: --output alone keeps the proofs under
 * it).
 */
class ExportTest {

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
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
        Files.writeString(out.resolve("A.tla"), "the committed module\n");
        Map<String, String> models = new LinkedHashMap<>();
        models.put("A.tla", "new\n");
        models.put("B.tla", "new\n");
        models.put("missing/C.tla", "a name the staging directory cannot hold\n");
        Map<Path, Map<String, String>> targets = new LinkedHashMap<>();
        targets.put(out, models);
        targets.put(dir.resolve("proofs"), Map.of("A.als", "new\n"));
        IOException e = assertThrows(IOException.class, () -> StagedExport.write(targets));
        assertEquals(out.resolve("missing/C.tla") + ": no such file (nothing written)",
                e.getMessage());
        assertEquals(List.of("A.tla"), names(out));
        assertEquals("the committed module\n", Files.readString(out.resolve("A.tla")));
        assertEquals(List.of("out"), names(dir));
    }
}
