package org.mpamcheck.engine;

import java.util.List;
import java.util.Locale;
import org.mpamcheck.check.Limits;
import org.mpamcheck.check.Progress;
import org.mpamcheck.check.Result;
import org.mpamcheck.model.ResctrlModel;
import org.mpamcheck.model.Scope;
import org.mpamcheck.model.Variants;
import org.mpamcheck.spec.Spec;

/**
 * A developer's probe, not a test: runs the native engine on variants at a scope with 1 and 2
 * workers, several times each (the first warms the JIT), and prints distinct and generated states,
 * the least wall time and the least process CPU time over the runs. Usage:
 * {@code java -cp target/test-classes:target/classes:$CP org.mpamcheck.engine.SearchProbe
 * SCOPE RUNS VARIANT...}; {@code -Dworkers=1,2 -Dsymmetry=true -Dtimeout=SECONDS}, and
 * {@code -Dprogress=SECONDS} for a line on stderr that often (a long run at {@code deep}).
 */
public final class SearchProbe {

    /** -Dproperties=a,b (default: none, so every run explores the whole state space). */
    private static final List<String> PROPERTIES = System.getProperty("properties", "").isEmpty()
            ? List.of() : List.of(System.getProperty("properties").split(","));

    private SearchProbe() {
    }

    public static void main(String[] args) {
        Scope scope = Scope.parse(args[0]);
        int runs = Integer.parseInt(args[1]);
        String workerList = System.getProperty("workers", "1,2");
        for (int v = 2; v < args.length; v++) {
            Spec spec = ResctrlModel.withProperties(ResctrlModel.spec(Variants.byId(args[v]),
                    scope), PROPERTIES);
            NativeChecker checker = new NativeChecker();
            for (String w : workerList.split(",")) {
                int workers = Integer.parseInt(w);
                Limits limits = Limits.DEFAULT.withSymmetry(Boolean.getBoolean("symmetry"))
                        .withWorkers(workers).withTimeout(java.time.Duration.ofSeconds(
                                Long.getLong("timeout", 3600)));
                double best = Double.MAX_VALUE;
                double bestCpu = 0;
                Result last = null;
                for (int r = 0; r <= runs; r++) {
                    long cpu0 = cpu();
                    Result res = checker.check(spec, limits, progress());
                    double cpu = (cpu() - cpu0) / 1e9;
                    if (r > 0 || runs == 0) {
                        best = Math.min(best, res.statistics().seconds());
                        bestCpu = bestCpu == 0 ? cpu : Math.min(bestCpu, cpu);
                    }
                    last = res;
                }
                System.out.printf(Locale.ROOT,
                        "%-28s w=%d distinct=%,d generated=%,d best=%.3fs (%,.0f/s) cpu=%.3fs"
                                + " (%,.0f/cpu-s) B/state=%.1f frontier=%.1fMiB spilled=%.1fMiB"
                                + " depth=%d %s%n",
                        args[v], workers, last.statistics().distinct(),
                        last.statistics().generated(), best,
                        last.statistics().distinct() / best, bestCpu,
                        last.statistics().distinct() / bestCpu,
                        checker.lastStore().get().bytesPerState(),
                        checker.lastStore().get().peakFrontierBytes() / 1048576.0,
                        checker.lastStore().get().peakSpilledBytes() / 1048576.0,
                        last.statistics().depth(), last.properties().stream()
                                .map(p -> p.verdict() + (p.message().isEmpty() ? ""
                                        : " (" + p.message() + ")")).distinct().toList());
            }
        }
    }

    private static Progress progress() {
        long every = Long.getLong("progress", 0) * 1_000_000_000L;
        if (every <= 0) {
            return Progress.NONE;
        }
        long[] last = {System.nanoTime()};
        return (phase, distinct, generated, depth, seconds) -> {
            if (System.nanoTime() - last[0] >= every) {
                last[0] = System.nanoTime();
                Runtime rt = Runtime.getRuntime();
                System.err.printf(Locale.ROOT, "  %.0fs %s %,d states (%,.0f/s) heap used %,d MiB%n",
                        seconds, phase, distinct, distinct / seconds,
                        (rt.totalMemory() - rt.freeMemory()) >> 20);
            }
        };
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
