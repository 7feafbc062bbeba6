package org.mpamcheck.report;

import java.util.ArrayList;
import java.util.List;
import org.mpamcheck.check.EngineAgreement;
import org.mpamcheck.check.Limits;
import org.mpamcheck.check.Progress;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Result;
import org.mpamcheck.check.Statistics;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.engine.NativeChecker;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.ResctrlModel;
import org.mpamcheck.model.Scope;
import org.mpamcheck.model.Variants;
import org.mpamcheck.spec.Spec;

/**
 * Reports for the renderers' tests: x86-rdt at the small scope with two properties,
 * partid-exclusive (holds) and irq-isolation (violated in 4 steps), from a real native search,
 * with a second engine's verdicts chosen by the test.
 */
final class Reports {

    static final List<String> PROPERTIES = List.of("partid-exclusive", "irq-isolation");

    private static Result nativeResult;
    private static Spec spec;

    private Reports() {
    }

    static synchronized Result nativeResult() {
        if (nativeResult == null) {
            KernelModePolicy v = Variants.byId("x86-rdt");
            spec = ResctrlModel.withProperties(ResctrlModel.spec(v, Scope.small()), PROPERTIES);
            nativeResult = new NativeChecker().check(spec, Limits.DEFAULT.withWorkers(1),
                    Progress.NONE);
        }
        return nativeResult;
    }

    /** The native result with its first property's verdict replaced (HOLDS, VACUOUS...). */
    static Result nativeWith(Verdict first, String message) {
        Result n = nativeResult();
        List<PropertyResult> ps = new ArrayList<>(n.properties());
        ps.set(0, new PropertyResult(PROPERTIES.get(0), first, java.util.Optional.empty(),
                message));
        return new Result("native", ps, n.statistics(), n.note());
    }

    /** A second engine, "other", whose verdicts are {@code ps}, which ran {@code seconds}. */
    static Result other(double seconds, PropertyResult... ps) {
        return new Result("other", List.of(ps), Statistics.ofSearch(0, 0, 5, seconds),
                "bounded");
    }

    static Report report(Result... results) {
        nativeResult();
        VariantRun run = new VariantRun(Variants.byId("x86-rdt"), spec, List.of(results),
                EngineAgreement.merge(List.of(results), false));
        List<String> engines = List.of(results).stream().map(Result::engine).toList();
        return new Report(Scope.small(), engines, PROPERTIES, List.of(run));
    }
}
