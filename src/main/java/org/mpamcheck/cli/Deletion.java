package org.mpamcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes a directory tree, as far as it can: a file that vanished meanwhile is no failure. */
final class Deletion {

    private Deletion() {
    }

    static void recursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: the rest is still removed
                }
            });
        } catch (IOException e) {
            // the directory is already gone
        }
    }
}
