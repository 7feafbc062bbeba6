package org.mpamcheck.tla;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.mpamcheck.check.Checker;
import org.mpamcheck.check.Limits;
import org.mpamcheck.check.Progress;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Result;
import org.mpamcheck.check.Statistics;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.Trace;

/**
 * Checks a spec with TLC 2.18 in a child JVM. TLC stops at the first violated invariant, so the
 * spec is re-run without the invariants already violated until every one is decided; each gets
 * HOLDS or VIOLATED with TLC's (breadth-first, so shortest) trace, read back into spec values.
 */
public final class TlcChecker implements Checker {

    /** The name of the extra result reported when deadlock checking is on (as the native one). */
    public static final String DEADLOCK = "deadlock";

    @Override
    public String name() {
        return "tlc";
    }

    @Override
    public Result check(Spec spec, Limits limits, Progress progress) {
        return check(spec, limits, progress, UnaryOperator.identity());
    }

    /** As {@link #check(Spec, Limits, Progress)}, with each emitted module passed through
     * {@code tamper} first: the tests' way to feed TLC a broken module. */
    Result check(Spec spec, Limits limits, Progress progress, UnaryOperator<TlaModule> tamper) {
        Path dir = null;
        TlcSearch search = new TlcSearch(spec, limits);
        try {
            // java.io.tmpdir read now, not cached at start-up: the launcher's run directory
            dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")),
                    "mpamcheck-tlc-");
            return search.run(dir, progress, tamper);
        } catch (IOException | RuntimeException | LinkageError e) {
            // A missing TLC jar, an unwritable temp dir, a name TLA+ reserves: never a throw.
            return search.failed("could not run TLC: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return search.stopped("TLC interrupted");
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover temp directory is harmless; the result stands.
        }
    }

    /** The state of one check: what is decided so far and what the runs covered. */
    private final class TlcSearch {
        private final Spec spec;
        private final Limits limits;
        private final Map<String, PropertyResult> decided = new LinkedHashMap<>();
        private final List<Invariant> open;
        private boolean deadlockOpen;
        private long distinct;
        private long generated;
        private int depth;
        private double seconds;
        private int runs;

        TlcSearch(Spec spec, Limits limits) {
            this.spec = spec;
            this.limits = limits;
            this.open = new ArrayList<>(spec.invariants());
            this.deadlockOpen = limits.checkDeadlock();
        }

        Result run(Path dir, Progress progress, UnaryOperator<TlaModule> tamper)
                throws IOException, InterruptedException {
            long timeout = limits.timeout().toNanos();
            long deadline = System.nanoTime() + (timeout <= 0 || timeout > Long.MAX_VALUE / 4
                    ? Long.MAX_VALUE / 4 : timeout);
            int workers = limits.workers();
            while (true) {
                Spec remaining = spec.withInvariants(open);
                TlaModule module = tamper.apply(TlaEmitter.emit(remaining, limits.symmetry()));
                TlcProcess.Outcome o = TlcProcess.run(dir, module,
                        limits.withDeadlock(deadlockOpen).withWorkers(workers), deadline, runs++,
                        progress);
                account(o);
                if (o.timedOut()) {
                    return stopped("TLC stopped by the " + limits.timeout().toSeconds()
                            + " s time limit" + covered());
                }
                if (o.outOfMemory()) {
                    return stopped("TLC ran out of memory (-Xmx" + limits.heapMegabytes()
                            + "m; raise MPAMCHECK_TLC_HEAP)" + covered());
                }
                Optional<TlcOutcomes.Decision> d = TlcOutcomes.decide(spec, remaining, o);
                if (d.isEmpty()) {
                    return failed("TLC failed (exit code " + o.exitCode() + "): "
                            + o.output().errorText());
                }
                TlcOutcomes.Decision decision = d.get();
                if (decision.error() != null) {
                    return failed(decision.error());
                }
                if (decision.complete()) {
                    open.forEach(i -> decided.put(i.name(), PropertyResult.holds(i.name())));
                    open.clear();
                    if (deadlockOpen) {
                        decided.put(DEADLOCK, PropertyResult.holds(DEADLOCK));
                        deadlockOpen = false;
                    }
                    return result("");
                }
                if (workers > 1) {
                    // Several workers leave TLC's search only roughly breadth-first, so its trace
                    // may be longer than needed; one worker finds a shortest one.
                    workers = 1;
                    continue;
                }
                workers = limits.workers();
                record(decision.violated(), decision.trace());
                if (open.isEmpty() && !deadlockOpen) {
                    return result("");
                }
            }
        }

        private void record(String violated, Trace trace) {
            if (violated.equals(DEADLOCK)) {
                deadlockOpen = false;
                decided.put(DEADLOCK, PropertyResult.violated(DEADLOCK, trace));
                return;
            }
            Invariant inv = spec.invariant(violated);
            open.remove(inv);
            decided.put(inv.name(), PropertyResult.violated(inv.name(), trace));
        }

        private void account(TlcProcess.Outcome o) {
            seconds += o.seconds();
            Optional<long[]> counts = o.output().first(TlcOutput.STATS).flatMap(TlcOutput::counts)
                    .or(() -> o.output().all(TlcOutput.PROGRESS).stream()
                            .reduce((a, b) -> b).flatMap(TlcOutput::counts));
            // The last, fullest run is the one whose figures describe the search.
            if (counts.isPresent() && counts.get()[1] >= distinct) {
                generated = counts.get()[0];
                distinct = counts.get()[1];
            }
            o.output().first(TlcOutput.DEPTH)
                    .ifPresent(m -> depth = Math.max(depth, TlcOutput.depth(m)));
        }

        private String covered() {
            return distinct == 0 ? "" : String.format(" after %,d distinct states", distinct);
        }

        /** A limit ended the run: what is decided stays, the rest is INCOMPLETE. */
        Result stopped(String why) {
            open.forEach(i -> decided.put(i.name(), PropertyResult.incomplete(i.name(), why)));
            if (deadlockOpen) {
                decided.put(DEADLOCK, PropertyResult.incomplete(DEADLOCK, why));
            }
            return result(why);
        }

        /** TLC failed: like the native engine on an evaluation error, no verdict stands. */
        Result failed(String why) {
            decided.clear();
            spec.invariants().forEach(i -> decided.put(i.name(), PropertyResult.error(i.name(), why)));
            if (limits.checkDeadlock()) {
                decided.put(DEADLOCK, PropertyResult.error(DEADLOCK, why));
            }
            return result(why);
        }

        private Result result(String problem) {
            List<PropertyResult> out = new ArrayList<>();
            spec.invariants().forEach(i -> out.add(decided.get(i.name())));
            if (limits.checkDeadlock()) {
                out.add(decided.get(DEADLOCK));
            }
            String note = (limits.symmetry() ? "symmetry on" : "symmetry off") + ", "
                    + limits.workers() + (limits.workers() == 1 ? " worker" : " workers") + ", "
                    + runs + (runs == 1 ? " TLC run" : " TLC runs")
                    + (problem.isEmpty() ? "" : "; " + problem.lines().findFirst().orElse(""));
            return new Result(name(), out, Statistics.ofSearch(distinct, generated, depth, seconds),
                    note);
        }
    }
}
