package org.mpamcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed models/ are exactly what {@code ./mpamcheck export} writes today. */
class ModelsAreCurrentTest {

    @Test
    void committedModelsAreNotStale() throws IOException {
        assertCurrent(Path.of("models"), ModelExport.files(ModelExport.SCOPE));
    }

    @Test
    void committedProofsAreNotStale() throws IOException {
        Map<String, String> expected = ModelExport.proofFiles(ModelExport.SCOPE);
        expected.put("README.md", Files.readString(Path.of("proofs/README.md")));
        assertCurrent(Path.of("proofs"), expected);
    }

    private static void assertCurrent(Path dir, Map<String, String> expected) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(new TreeSet<>(expected.keySet()), files.map(p -> p.getFileName()
                    .toString()).collect(Collectors.toCollection(TreeSet::new)),
                    dir + " holds other files than the export: run ./mpamcheck export");
        }
        for (Map.Entry<String, String> f : expected.entrySet()) {
            assertEquals(f.getValue(), Files.readString(dir.resolve(f.getKey()),
                    StandardCharsets.UTF_8), dir + "/" + f.getKey()
                    + " is stale: run ./mpamcheck export");
        }
    }
}
