package org.mpamcheck.alloy;

import edu.mit.csail.sdg.alloy4.A4Reporter;
import edu.mit.csail.sdg.ast.Command;
import edu.mit.csail.sdg.parser.CompModule;
import edu.mit.csail.sdg.parser.CompUtil;
import edu.mit.csail.sdg.translator.A4Options;
import edu.mit.csail.sdg.translator.A4Solution;
import edu.mit.csail.sdg.translator.TranslateAlloyToKodkod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import kodkod.engine.satlab.SATFactory;

/**
 * One run of the Alloy analyzer in this JVM: a solver, a temporary directory of its own, and a
 * deadline. Each command is solved on a daemon thread so that a time limit can abandon it (SAT
 * solvers do not answer interrupts; SAT4J is stopped, a JNI solver runs on to its end); an
 * abandoned solve never becomes a verdict. Close the session to remove its directory.
 */
final class AlloySession implements AutoCloseable {

    /** The outcome of one command: a solution, or why there is none. */
    record Outcome(A4Solution solution, boolean timedOut, String failure) {
    }

    private static final long STOP_GRACE_SECONDS = 10;

    private final SATFactory solver;
    private final Path tempDir;
    private final long deadlineNanos;
    private final ExecutorService executor;
    private long clauses;
    private long variables;

    AlloySession(SatSolver solver, Duration timeout) {
        try {
            this.tempDir = Files.createTempDirectory(
                    Path.of(System.getProperty("java.io.tmpdir")), "mpamcheck-alloy-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.deadlineNanos = System.nanoTime() + Math.min(timeout.toNanos(), Long.MAX_VALUE / 4);
        this.solver = solver.factory(deadlineNanos);
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mpamcheck-alloy");
            t.setDaemon(true);
            return t;
        });
    }

    String solverName() {
        return solver.id();
    }

    CompModule parse(String module) {
        return CompUtil.parseEverything_fromString(new A4Reporter(), module);
    }

    /** Solves a command, waiting at most until the session's deadline. */
    Outcome solve(CompModule world, Command command) {
        A4Options options = new A4Options();
        options.solver = solver;
        options.tempDirectory = tempDir.toString();
        A4Reporter reporter = new A4Reporter() {
            @Override
            public void solve(int plength, int primaryVars, int totalVars, int clauseCount) {
                record(totalVars, clauseCount);
            }
        };
        Future<A4Solution> future = executor.submit(() -> TranslateAlloyToKodkod.execute_command(
                reporter, world.getAllReachableSigs(), command, options));
        try {
            long left = deadlineNanos - System.nanoTime();
            return new Outcome(future.get(Math.max(left, 0), TimeUnit.NANOSECONDS), false, null);
        } catch (TimeoutException e) {
            stop(future);
            return new Outcome(null, true, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(future);
            return new Outcome(null, false, "interrupted");
        } catch (ExecutionException e) {
            if (System.nanoTime() >= deadlineNanos) {
                // SAT4J's own time-out (the same deadline) can end the solve first
                return new Outcome(null, true, null);
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Outcome(null, false, cause.getMessage() == null ? cause.toString()
                    : cause.getMessage().strip());
        }
    }

    /** Abandons a solve; SAT4J is also told to end its search, so it stops using a core. */
    private void stop(Future<A4Solution> future) {
        future.cancel(true);
        if (solver instanceof StoppableSat4j s) {
            s.stopAll();
        }
    }

    private synchronized void record(int totalVars, int clauseCount) {
        variables = Math.max(variables, totalVars);
        clauses = Math.max(clauses, clauseCount);
    }

    /** The largest SAT problem solved so far: clauses. */
    synchronized long clauses() {
        return clauses;
    }

    /** The largest SAT problem solved so far: variables. */
    synchronized long variables() {
        return variables;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        if (solver instanceof StoppableSat4j) {
            try {
                // a stopped SAT4J search ends within moments; wait so it does not slow the next
                executor.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(tempDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover temporary directory is harmless
        }
    }
}
