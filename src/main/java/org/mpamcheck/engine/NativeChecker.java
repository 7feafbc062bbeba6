package org.mpamcheck.engine;

import java.util.ArrayList;
import java.util.List;
import org.mpamcheck.check.Checker;
import org.mpamcheck.check.Limits;
import org.mpamcheck.check.Progress;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Result;
import org.mpamcheck.check.Statistics;
import org.mpamcheck.spec.Spec;

/**
 * mpamcheck's own explicit-state checker and the reference semantics of the spec language:
 * breadth-first search over packed states with symmetry reduction, every invariant in one pass,
 * a shortest counterexample for each violated one.
 */
public final class NativeChecker implements Checker {

    /** The name of the extra result reported when deadlock checking is on. */
    public static final String DEADLOCK = "deadlock";

    @Override
    public String name() {
        return "native";
    }

    @Override
    public Result check(Spec spec, Limits limits, Progress progress) {
        CompiledSpec compiled = new CompiledSpec(spec);
        BreadthFirstSearch search = new BreadthFirstSearch(compiled, limits, progress);
        String failure = null;
        try {
            search.run();
        } catch (OutOfMemoryError e) {
            failure = "out of memory";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return errorResult(spec, search, cause);
        } catch (EvaluationException e) {
            return errorResult(spec, search, e);
        }
        if (failure == null && search.stop == null) {
            failure = "stopped";
        }
        Statistics stats = Statistics.ofSearch(search.store.size(), search.generated,
                search.levels, search.seconds());
        String covered = String.format("%,d distinct states, depth %d", search.store.size(),
                search.levels);
        String why = failure != null ? failure + " after " + covered : switch (search.stop) {
            case STATE_LIMIT -> "stopped by the limit of " + String.format("%,d", limits.maxStates())
                    + " states after " + covered;
            case TIME_LIMIT -> "stopped by the " + limits.timeout().toSeconds()
                    + " s time limit after " + covered;
            default -> null;
        };
        List<PropertyResult> out = new ArrayList<>();
        for (int i = 0; i < spec.invariants().size(); i++) {
            String name = spec.invariants().get(i).name();
            int v = search.violation[i];
            if (v >= 0) {
                out.add(PropertyResult.violated(name, TraceBuilder.build(search, compiled, v)));
            } else if (why != null) {
                out.add(PropertyResult.incomplete(name, why));
            } else {
                out.add(PropertyResult.holds(name));
            }
        }
        if (limits.checkDeadlock()) {
            if (search.deadlock >= 0) {
                out.add(PropertyResult.violated(DEADLOCK,
                        TraceBuilder.build(search, compiled, search.deadlock)));
            } else {
                out.add(why == null ? PropertyResult.holds(DEADLOCK)
                        : PropertyResult.incomplete(DEADLOCK, why));
            }
        }
        String note = (limits.symmetry() ? "symmetry on" : "symmetry off") + ", "
                + limits.workers() + (limits.workers() == 1 ? " worker" : " workers");
        return new Result(name(), out, stats, note);
    }

    private Result errorResult(Spec spec, BreadthFirstSearch search, Throwable cause) {
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        List<PropertyResult> out = spec.invariants().stream()
                .map(i -> PropertyResult.error(i.name(), message)).toList();
        return new Result(name(), out, Statistics.ofSearch(search.store.size(), search.generated,
                search.levels, search.seconds()), "evaluation failed");
    }
}
