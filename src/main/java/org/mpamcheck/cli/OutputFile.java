package org.mpamcheck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a whole file or nothing: the text goes to a temporary file beside the target, which is
 * then moved into place, so a failure never leaves half a report behind.
 */
final class OutputFile {

    private OutputFile() {
    }

    /** Fails with a usage error, before any work, when {@code file} cannot be written. */
    static void checkWritable(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UsageException("cannot write " + file + ": directory " + (dir == null
                    ? "(none)" : file.getParent() == null ? dir : file.getParent())
                    + " does not exist");
        }
        if (!Files.isWritable(dir) || Files.isDirectory(file)) {
            throw new UsageException("cannot write " + file + ": not a writable file");
        }
    }

    static void write(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                // createTempFile makes it private; a report is an ordinary file
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
