package org.mpamcheck.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a report where it was asked to go, never replacing what is not a regular file. A
 * regular file (or a new one) is written whole or not at all: the text goes to a temporary file
 * beside it, which is then moved into place, so a failure never leaves half a report behind. A
 * symbolic link is followed: its target is replaced the same way, the link stays. A device, a
 * pipe, or anything under {@code /dev} or {@code /proc} ({@code /dev/stdout}) is written
 * through, in place.
 */
final class OutputFile {

    private OutputFile() {
    }

    /** Fails with a usage error, before any work, when {@code file} cannot be written. */
    static void checkWritable(Path file) {
        if (Files.isSymbolicLink(file) && !Files.exists(file)) {
            throw new UsageException("cannot write " + file + ": a symbolic link to a missing "
                    + "file");
        }
        if (Files.isDirectory(file)) {
            throw new UsageException("cannot write " + file + ": a directory");
        }
        if (writtenThrough(file)) {
            if (!Files.isWritable(file)) {
                throw new UsageException("cannot write " + file + ": not writable");
            }
            return;
        }
        Path real = target(file);
        Path dir = real.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UsageException("cannot write " + file + ": directory " + (dir == null
                    ? "(none)" : file.getParent() == null ? dir : file.getParent())
                    + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new UsageException("cannot write " + file + ": directory " + dir
                    + " is not writable");
        }
    }

    /** Writes {@code text} to {@code file} (see the class comment); throws naming the file. */
    static void write(Path file, String text) throws IOException {
        try {
            if (writtenThrough(file)) {
                try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
                    out.write(text.getBytes(StandardCharsets.UTF_8));
                }
            } else {
                replace(target(file), text);
            }
        } catch (IOException e) {
            throw new IOException(file + ": " + reason(e), e);
        }
    }

    /** An I/O failure in words: the path (when the JDK gave one) and the system's reason. */
    static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + ": " + reason(e);
        }
        return e.getMessage();
    }

    /** The system's reason for an I/O failure, without the path. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Devices, pipes, sockets and the kernel's own files: written in place, never replaced. */
    private static boolean writtenThrough(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (abs.startsWith("/dev") || abs.startsWith("/proc")) {
            return true;
        }
        return Files.exists(file) && !Files.isRegularFile(file);
    }

    /** The file a path names, following symbolic links (the link itself is never replaced). */
    private static Path target(Path file) {
        Path abs = file.toAbsolutePath();
        try {
            if (Files.isSymbolicLink(abs)) {
                return abs.toRealPath();
            }
            Path dir = abs.getParent();
            return dir != null && Files.isDirectory(dir)
                    ? dir.toRealPath().resolve(abs.getFileName()) : abs;
        } catch (IOException e) {
            return abs;
        }
    }

    private static void replace(Path file, String text) throws IOException {
        Path dir = file.getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                // createTempFile makes it private; a report is an ordinary file
                Files.setPosixFilePermissions(tmp, Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                        ? Files.getPosixFilePermissions(file)
                        : PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
