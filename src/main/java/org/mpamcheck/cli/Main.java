package org.mpamcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The entry point of the jar: the only place the process exits. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        RunDirectory run = RunDirectory.install();
        int code;
        try {
            code = new Cli(System.out, System.err, System.console() != null).run(args);
            System.out.flush();
        } finally {
            run.finished(); // a crash is no interruption
        }
        System.exit(code);
    }

    /**
     * The process's own temporary directory, under which every checker makes its own (TLC's
     * {@code -metadir}, Alloy's solver files), and the shutdown hook that ends an interrupted run
     * cleanly: TLC's child JVMs destroyed, the directory removed, "interrupted" on stderr, exit
     * 130 (128 + SIGINT, what shells report for Ctrl-C), whether Ctrl-C or SIGTERM stopped it.
     */
    static final class RunDirectory {

        private final Path dir;
        private volatile boolean finished;

        private RunDirectory(Path dir) {
            this.dir = dir;
        }

        static RunDirectory install() {
            Path dir = null;
            try {
                dir = Files.createTempDirectory("mpamcheck-run-");
                System.setProperty("java.io.tmpdir", dir.toString());
            } catch (IOException e) {
                // no private directory: checkers use the system's, and clean up after themselves
            }
            RunDirectory run = new RunDirectory(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(run::shutdown, "mpamcheck-shutdown"));
            return run;
        }

        void finished() {
            finished = true;
        }

        private void shutdown() {
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            // bounded: a child that ignores SIGKILL must not hold the exit hostage
            ProcessHandle.current().descendants().forEach(p -> p.onExit()
                    .completeOnTimeout(p, 5, java.util.concurrent.TimeUnit.SECONDS).join());
            if (dir != null) {
                Deletion.recursively(dir);
            }
            if (!finished) {
                System.err.println("mpamcheck: interrupted");
                System.err.flush();
                Runtime.getRuntime().halt(130);
            }
        }
    }
}
