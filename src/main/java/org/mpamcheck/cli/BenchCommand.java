package org.mpamcheck.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mpamcheck.check.Checker;
import org.mpamcheck.check.Limits;
import org.mpamcheck.check.Progress;
import org.mpamcheck.check.Result;
import org.mpamcheck.engine.NativeChecker;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.Scope;
import org.mpamcheck.model.Table;
import org.mpamcheck.model.examples.Examples;
import org.mpamcheck.spec.Spec;

/**
 * Figures per engine: distinct states, seconds and states per second, symmetry off so that every
 * engine explores the same states, and the native engine's throughput over each other engine's.
 * The native engine runs once untimed first, so the figures are of a warmed-up JIT, then three
 * times: the fastest run counts.
 */
final class BenchCommand implements Command {

    /** Timed runs of the native engine per variant, after one untimed: the fastest counts. */
    private static final int NATIVE_RUNS = 3;

    public String name() {
        return "bench";
    }

    public String synopsis() {
        return "[--engine E] [--scope S] [--variant IDS]";
    }

    public String summary() {
        return "figures per engine: distinct states, seconds, states/s (symmetry off)";
    }

    public Options options() {
        Options o = new Options();
        Selection.addWhat(o, false);
        o.addOption(Selection.option("property", "IDS", "properties, comma-separated (default:"
                + " none, each engine explores the whole state space)"));
        o.addOption(Selection.option("timeout", "SECONDS", "time limit per run (default: 3600)"));
        o.addOption(Selection.option("workers", "N", "worker threads (default: the cores)"));
        return o;
    }

    public int run(CommandLine line, Session session) {
        Limits limits = Selection.limits(line).withSymmetry(false);
        List<Checker> engines = Selection.engines(line, "native");
        Scope scope = Selection.scope(line);
        Table examples = new Table("example", "distinct", "generated", "seconds", "states/s");
        List<Spec> load = new ArrayList<>(Examples.all());
        load.add(Examples.symmetricTokens(7, 6, 3));
        for (Spec spec : load) {
            new NativeChecker().check(spec, limits, Progress.NONE);
            Result r = new NativeChecker().check(spec, limits, Progress.NONE);
            examples.row(spec.name(), count(r.statistics().distinct()),
                    count(r.statistics().generated()), secs(r.statistics().seconds()),
                    count((long) r.statistics().statesPerSecond()));
        }
        session.out().print("native engine on the examples (" + limits.workers()
                + " workers, symmetry off)\n" + examples.render("  ") + "\n");
        Table variants = new Table("variant", "engine", "distinct", "depth", "seconds",
                "states/s", "native x", "states/cpu-s", "store B/state", "frontier MiB",
                "spilled MiB");
        // by default no property: every engine explores the whole reachable state space, so the
        // counts are equal and the rates compare like with like (a violation would end a run
        // early, at a different state in each engine)
        List<String> properties = line.hasOption("property") ? Selection.properties(line)
                : List.of();
        for (KernelModePolicy v : Selection.variants(line)) {
            Spec spec = MatrixRunner.specFor(v, properties, scope);
            double nativeRate = 0;
            int depth = 0;
            for (Checker engine : engines) {
                Limits l = limits.withSteps(scope.steps()).withDiameter(depth);
                if (engine.name().equals("native")) {
                    engine.check(spec, l, Progress.NONE);
                }
                // native: the best of NATIVE_RUNS warm runs (on a shared machine one run's time
                // says as much about the neighbours as about the engine); others: one run
                Result r = null;
                long cpu = 0;
                int runs = engine.name().equals("native") ? NATIVE_RUNS : 1;
                for (int run = 0; run < runs; run++) {
                    long cpuBefore = processCpuNanos();
                    Result one = engine.check(spec, l, session.progress().forCheck(v.id() + " ["
                            + engine.name() + "]"));
                    long used = processCpuNanos() - cpuBefore;
                    if (r == null || one.statistics().seconds() < r.statistics().seconds()) {
                        r = one;
                        cpu = used;
                    }
                }
                String perCpu = engine instanceof NativeChecker && cpu > 0
                        ? count((long) (r.statistics().distinct() / (cpu / 1e9))) : "-";
                String perState = "-";
                String frontier = "-";
                String spilled = "-";
                if (engine instanceof NativeChecker n && n.lastStore().isPresent()) {
                    NativeChecker.StoreFigures store = n.lastStore().get();
                    perState = String.format(Locale.ROOT, "%.1f", store.bytesPerState());
                    frontier = String.format(Locale.ROOT, "%.1f",
                            store.peakFrontierBytes() / 1048576.0);
                    spilled = String.format(Locale.ROOT, "%.1f",
                            store.peakSpilledBytes() / 1048576.0);
                }
                boolean sat = r.statistics().clauses() > 0;
                double rate = r.statistics().statesPerSecond();
                if (engine.name().equals("native")) {
                    nativeRate = rate;
                    depth = r.statistics().depth();
                }
                variants.row(v.id(), engine.name(), sat ? "-" : count(r.statistics().distinct()),
                        Integer.toString(r.statistics().depth()), secs(r.statistics().seconds()),
                        sat ? "-" : count((long) rate), sat || rate == 0 || nativeRate == 0
                                ? "-" : String.format(Locale.ROOT, "%.1f", nativeRate / rate),
                        perCpu, perState, frontier, spilled);
            }
        }
        session.progress().done();
        session.out().print("variants at scope " + scope.name() + " (" + scope.bounds()
                + "), symmetry off, " + (properties.isEmpty() ? "whole state space"
                        : String.join(",", properties)) + ", " + limits.workers() + " workers, heap "
                + Runtime.getRuntime().maxMemory() / 1048576 + " MiB\n" + variants.render("  ")
                + "  native: the fastest of " + NATIVE_RUNS + " runs after a warm-up run\n"
                + "  states/cpu-s: distinct states over the CPU time the process used (every thread,"
                + " GC and JIT included): the rate per core when cores are shared\n"
                + "  store B/state: the native engine's visited-state table (fingerprint and"
                + " parent, 12 bytes a cell) over its distinct states\n"
                + "  frontier MiB / spilled MiB: the most the BFS frontier took in memory / on"
                + " disk (a level past an eighth of the memory budget, or in the way of the table's"
                + " growth, goes to a temporary file)\n");
        return 0;
    }

    /** CPU time of the whole process (all threads), or 0 when the JVM does not say. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os =
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun
                ? Math.max(0, sun.getProcessCpuTime()) : 0;
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String secs(double s) {
        return String.format(Locale.ROOT, "%.2f", s);
    }
}
