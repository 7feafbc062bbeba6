package org.mpamcheck.tla;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mpamcheck.check.Limits;
import org.mpamcheck.check.Progress;

/**
 * One TLC run in a child JVM: TLC calls System.exit, keeps static state and leaves a non-daemon
 * thread behind, so it never runs in ours. Each run gets its own metadir (TLC refuses to reuse
 * one within a second).
 */
final class TlcProcess {

    /** How a run ended. {@code exitCode} is -1 when the time limit stopped it. */
    record Outcome(int exitCode, boolean timedOut, TlcOutput output, double seconds) {

        boolean outOfMemory() {
            return output.messages.stream().anyMatch(m -> mentionsMemory(m.text()))
                    || output.untagged.stream().anyMatch(TlcProcess::mentionsMemory);
        }
    }

    private TlcProcess() {
    }

    private static boolean mentionsMemory(String s) {
        return s.contains("OutOfMemoryError") || s.contains("ran out of memory");
    }

    /** The jar (or directory) TLC was loaded from: the child's class path. */
    static String tlcClassPath() {
        try {
            return Path.of(tlc2.TLC.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the TLC jar", e);
        }
    }

    /**
     * Writes the module into {@code dir} and runs TLC on it until it ends or {@code deadline}
     * (System.nanoTime) passes; {@code run} numbers the metadir.
     */
    static Outcome run(Path dir, TlaModule module, Limits limits, long deadline, int run,
            Progress progress) throws IOException, InterruptedException {
        Files.writeString(dir.resolve(module.tlaFileName()), module.tla(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(module.cfgFileName()), module.cfg(), StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC", "-Xmx" + limits.heapMegabytes() + "m",
                "-Djava.io.tmpdir=" + dir, "-cp", tlcClassPath(), "tlc2.TLC", "-tool",
                "-workers", Integer.toString(Math.max(1, limits.workers()))));
        if (!limits.checkDeadlock()) {
            cmd.add("-deadlock"); // TLC's -deadlock turns deadlock checking off
        }
        cmd.addAll(List.of("-metadir", dir.resolve("states-" + run).toString(),
                "-config", module.cfgFileName(), module.tlaFileName()));
        long started = System.nanoTime();
        Process child = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .start();
        TlcOutput output = new TlcOutput();
        Thread reader = new Thread(() -> read(child, output, progress, started),
                "mpamcheck-tlc-reader");
        reader.setDaemon(true);
        reader.start();
        boolean finished;
        try {
            finished = child.waitFor(Math.max(0, deadline - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly();
                child.waitFor();
            }
        }
        reader.join();
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Outcome(finished ? child.exitValue() : -1, !finished, output, seconds);
    }

    private static void read(Process child, TlcOutput output, Progress progress, long started) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.line(line).filter(m -> m.code() == TlcOutput.PROGRESS)
                        .flatMap(TlcOutput::counts)
                        .ifPresent(c -> progress.update("tlc", c[1], c[0], 0,
                                (System.nanoTime() - started) / 1e9));
            }
        } catch (IOException e) {
            // The child was destroyed mid-line; what was read so far is all there is.
        }
    }
}
