package org.mpamcheck.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * mpamcheck's {@code Main} in a child JVM, for what only a real process shows: signals, a file
 * size limit ({@code ulimit -f}, through bash), stdout on a full device, the exit code of
 * {@code System.exit}. stdout and stderr go to files in {@code work}, the working directory.
 */
final class ChildRun {

    private ChildRun() {
    }

    /** The command: bash running java on this build's classes, with {@code limit} first. */
    static List<String> command(Path tmpdir, String limit, String... args) {
        List<String> java = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "-Xmx512m", "-Djava.io.tmpdir=" + tmpdir,
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        java.addAll(List.of(args));
        StringBuilder script = new StringBuilder(limit.isEmpty() ? "" : limit + "; ");
        script.append("exec");
        for (String word : java) {
            script.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        return List.of("bash", "-c", script.toString());
    }

    /** {@code stdout} null: a pipe, which {@link #run} copies into {@code stdout.txt}. */
    static Process start(Path work, Path tmpdir, File stdout, String limit, String... args)
            throws IOException {
        ProcessBuilder b = new ProcessBuilder(command(tmpdir, limit, args))
                .directory(work.toFile()).redirectError(work.resolve("stderr.txt").toFile());
        return stdout == null ? b.start() : b.redirectOutput(stdout).start();
    }

    /** Runs to the end; the exit code. */
    static int run(Path work, Path tmpdir, File stdout, String limit, String... args)
            throws IOException, InterruptedException {
        Process p = start(work, tmpdir, stdout, limit, args);
        if (stdout == null) {
            // read to the end first: the child blocks on a full pipe otherwise
            Files.copy(p.getInputStream(), work.resolve("stdout.txt"));
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("the child run did not end");
        }
        return p.exitValue();
    }

    static String stderr(Path work) throws IOException {
        return Files.readString(work.resolve("stderr.txt"), StandardCharsets.UTF_8);
    }
}
