package org.mpamcheck.engine;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a search puts the BFS levels that would take more than their share of memory: one file a
 * level in a temporary directory, made on first use. {@link #close} closes and deletes every file
 * and the directory however the search ended; on Linux each file is also unlinked as soon as it is
 * open, so even a killed JVM leaves no level behind, at most the empty directory, which is named
 * after the process and removed by the next search that spills once that process is gone.
 *
 * <p>Counts the bytes on disk, and their peak, for the store's accounting.
 */
final class FrontierSpill implements AutoCloseable {

    /**
     * When a search spills: once a level's frontier in memory passes {@code threshold} bytes
     * (negative: the default share of the memory budget; 0: every level), into a directory made
     * under {@code parent} (null: java.io.tmpdir).
     */
    record Policy(long threshold, Path parent) {
        static final Policy DEFAULT = new Policy(-1, null);

        /** Every level spills: the test of identical results with and without spilling. */
        static Policy always(Path parent) {
            return new Policy(0, parent);
        }

        long thresholdFor(long memoryBudget) {
            return threshold >= 0 ? threshold : memoryBudget / DEFAULT_SHARE;
        }
    }

    /**
     * By default the frontier in memory may take an eighth of the budget: the table, which must
     * stay in memory, keeps the rest, and a level that small is cheap to hold while it lasts.
     */
    static final int DEFAULT_SHARE = 8;
    private static final String PREFIX = "mpamcheck-frontier-";

    private final long threshold;
    private final Path parent;
    private Path directory;
    private int made;
    private final List<Path> paths = new ArrayList<>();
    private final List<FileChannel> channels = new ArrayList<>();
    private long diskBytes;
    private long peakDiskBytes;

    FrontierSpill(Policy policy, long memoryBudget) {
        this.threshold = policy.thresholdFor(memoryBudget);
        this.parent = policy.parent();
    }

    /** In-memory frontier bytes past which the level being found goes to disk. */
    long threshold() {
        return threshold;
    }

    long peakDiskBytes() {
        return peakDiskBytes;
    }

    /** Counts bytes written to (positive) or freed from (negative) the spill files. */
    void onDisk(long bytes) {
        diskBytes += bytes;
        peakDiskBytes = Math.max(peakDiskBytes, diskBytes);
    }

    /** A new empty file for one level, open to write and read back. */
    FileChannel newFile() throws IOException {
        try {
            if (directory == null) {
                String prefix = PREFIX + ProcessHandle.current().pid() + "-";
                directory = parent == null ? Files.createTempDirectory(prefix)
                        : Files.createTempDirectory(parent, prefix);
                removeLeftBehind(directory.getParent());
            }
            Path path = directory.resolve("level-" + made++ + ".bin");
            FileChannel channel;
            try {
                channel = open(path);
            } catch (NoSuchFileException e) {
                // the directory was removed under the search (a temporary-file cleaner, or a
                // process that could not see this one): make it again
                Files.createDirectories(directory);
                channel = open(path);
            }
            channels.add(channel);
            paths.add(path);
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // a system that cannot unlink an open file: DELETE_ON_CLOSE and close() do it
            }
            return channel;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * Removes the spill directories of processes that are gone (killed before they could remove
     * their own), with anything in them; a directory of a live process is left alone.
     */
    static void removeLeftBehind(Path parent) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path dir : dirs) {
                String[] name = dir.getFileName().toString().substring(PREFIX.length()).split("-");
                if (name.length >= 2 && name[0].matches("[0-9]{1,18}")
                        && ProcessHandle.of(Long.parseLong(name[0])).isEmpty()) {
                    removeQuietly(dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            // other processes' leftovers: removing them is a courtesy, never a failure
        }
    }

    private static void removeQuietly(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException | RuntimeException e) {
            // not ours to insist on (a process in another PID namespace: see newFile)
        }
    }

    private static FileChannel open(Path path) throws IOException {
        return FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
    }

    /** Closes a level's file (deleting it) once it has been read back. */
    void release(FileChannel channel, long bytes) {
        closeQuietly(channel);
        channels.remove(channel);
        onDisk(-bytes);
    }

    /**
     * The exception a search ends with when the frontier cannot go to disk: one line naming
     * where and why (an interrupt stays an interrupt).
     */
    IOException failure(IOException e) {
        if (e instanceof ClosedByInterruptException || e instanceof Failure) {
            return e;
        }
        Path where = directory != null ? directory
                : parent != null ? parent : Path.of(System.getProperty("java.io.tmpdir"));
        return new Failure(("cannot spill the search frontier to " + where + ": "
                + reason(e)).replace('\n', ' '), e);
    }

    /** The frontier could not go to disk (or come back): the message is one line. */
    static final class Failure extends IOException {
        private static final long serialVersionUID = 1L;

        Failure(String message, IOException cause) {
            super(message, cause);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Closes and deletes every file and the directory; errors are ignored (nothing to do). */
    @Override
    public void close() {
        for (FileChannel c : channels) {
            closeQuietly(c);
        }
        channels.clear();
        for (Path p : paths) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // already gone, or the directory is being removed below anyway
            }
        }
        paths.clear();
        if (directory != null) {
            try {
                Files.deleteIfExists(directory);
            } catch (IOException e) {
                // left behind only if something outside the search put a file in it
            }
            directory = null;
        }
        diskBytes = 0;
    }

    private static void closeQuietly(FileChannel c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing a file being deleted: nothing to recover
        }
    }
}
