package org.mpamcheck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes several directories' files all or nothing: every file is first written into a staging
 * directory beside the first target (so a full disk or a failure midway leaves the targets as
 * they were and the staging directory removed), then moved into place.
 */
final class StagedExport {

    private StagedExport() {
    }

    /** {@code targets}: directory to (file name to content). */
    static void write(Map<Path, Map<String, String>> targets) throws IOException {
        Map<Path, Map<String, String>> ordered = new LinkedHashMap<>(targets);
        Path first = ordered.keySet().iterator().next().toAbsolutePath().normalize();
        Path staging = Files.createTempDirectory(first.getParent(), ".mpamcheck-export-");
        try {
            Map<Path, Path> staged = new LinkedHashMap<>();
            int n = 0;
            for (Map.Entry<Path, Map<String, String>> t : ordered.entrySet()) {
                Path dir = Files.createDirectory(staging.resolve(Integer.toString(n++)));
                for (Map.Entry<String, String> f : t.getValue().entrySet()) {
                    try {
                        Files.writeString(dir.resolve(f.getKey()), f.getValue(),
                                StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new IOException(t.getKey().resolve(f.getKey()) + ": "
                                + OutputFile.reason(e) + " (nothing written)", e);
                    }
                }
                staged.put(dir, t.getKey());
            }
            for (Map.Entry<Path, Path> s : staged.entrySet()) {
                Files.createDirectories(s.getValue());
                for (String name : ordered.get(s.getValue()).keySet()) {
                    move(s.getKey().resolve(name), s.getValue().resolve(name));
                }
            }
        } finally {
            Deletion.recursively(staging);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
