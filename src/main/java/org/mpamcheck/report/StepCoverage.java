package org.mpamcheck.report;

import java.util.ArrayList;
import java.util.List;
import org.mpamcheck.check.ActionCoverage;
import org.mpamcheck.check.Result;

/**
 * Which steps a search exercised: an engine's per-action counts, and the warnings for steps
 * that never fired at the scope (whatever they model went unchecked there).
 */
public final class StepCoverage {

    private StepCoverage() {
    }

    /** The coverage of the first engine of {@code run} that counts it (the native engine). */
    public static List<ActionCoverage> of(VariantRun run) {
        return run.results().stream().map(Result::coverage).filter(c -> !c.isEmpty())
                .findFirst().orElse(List.of());
    }

    /** One line per step of {@code run} that never fired. */
    public static List<String> warnings(VariantRun run) {
        List<String> out = new ArrayList<>();
        for (ActionCoverage c : of(run)) {
            if (c.fired() == 0) {
                out.add("warning: " + run.id() + ": step " + c.action() + " never fired at this "
                        + "scope; nothing it models was checked");
            }
        }
        return out;
    }
}
