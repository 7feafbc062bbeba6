package org.mpamcheck.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpamcheck.check.Checker;
import org.mpamcheck.check.EngineAgreement;
import org.mpamcheck.check.Limits;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Result;
import org.mpamcheck.check.Vacuity;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.ResctrlModel;
import org.mpamcheck.model.Scope;
import org.mpamcheck.report.Report;
import org.mpamcheck.report.VariantRun;
import org.mpamcheck.spec.Spec;

/**
 * Runs every chosen variant with every chosen engine: one search per variant and engine, all
 * chosen properties at once, then the engines' agreement. Alloy's bound is the scope's
 * {@code steps}; it counts as exhaustive only when it reaches the depth native search measured.
 */
final class MatrixRunner {

    private final TerminalProgress progress;

    MatrixRunner(TerminalProgress progress) {
        this.progress = progress;
    }

    Report run(List<KernelModePolicy> variants, List<String> properties, Scope scope,
            List<Checker> engines, Limits limits) {
        List<VariantRun> runs = new ArrayList<>();
        for (KernelModePolicy v : variants) {
            runs.add(runOne(v, properties, scope, engines, limits));
        }
        progress.done();
        return new Report(scope, engines.stream().map(Checker::name).toList(), properties, runs);
    }

    /**
     * One variant with every engine. The native engine also searches each property's premise
     * witness (one pass): a property that holds only because its premise is never reached is
     * VACUOUS. The other engines check the properties alone.
     */
    VariantRun runOne(KernelModePolicy v, List<String> properties, Scope scope,
            List<Checker> engines, Limits limits) {
        ResctrlModel model = ResctrlModel.of(v, scope);
        Spec spec = model.checked(properties, false);
        Spec withWitnesses = model.checked(properties, true);
        List<Result> results = new ArrayList<>();
        Result witnesses = null;
        int diameter = 0;
        for (Checker engine : engines) {
            Limits l = limits.withSteps(scope.steps()).withDiameter(diameter);
            boolean searchesPremises = engine.name().equals("native");
            Result r = engine.check(searchesPremises ? withWitnesses : spec, l,
                    progress.forCheck(v.id() + " [" + engine.name() + "]"));
            if (searchesPremises) {
                witnesses = r;
                r = withoutWitnesses(r, properties);
                if (exhaustive(r)) {
                    diameter = r.statistics().depth();
                }
            }
            results.add(r);
        }
        List<PropertyResult> agreed = EngineAgreement.merge(results, !limits.symmetry());
        if (witnesses != null) {
            Map<String, String> witnessOf = new LinkedHashMap<>();
            Map<String, String> premises = new LinkedHashMap<>();
            for (String p : properties) {
                model.witnessOf(p).ifPresent(w -> {
                    witnessOf.put(p, w);
                    premises.put(w, withWitnesses.invariant(w).description());
                });
            }
            agreed = Vacuity.apply(agreed, witnessOf, witnesses, premises);
        }
        return new VariantRun(v, spec, results, agreed);
    }

    /** The searching engine's result on the properties alone, as the other engines report. */
    private static Result withoutWitnesses(Result r, List<String> properties) {
        return new Result(r.engine(), r.properties().stream()
                .filter(p -> properties.contains(p.invariant())).toList(), r.statistics(),
                r.note(), r.coverage());
    }

    /**
     * Whether a search result covered every reachable state, so its depth is the diameter: no
     * property is unsettled, and one holds (when every property is violated the search stops at
     * the last counterexample, and its depth is only where it stopped).
     */
    static boolean exhaustive(Result r) {
        boolean settled = r.properties().stream().allMatch(p -> p.verdict() == Verdict.HOLDS
                || p.verdict() == Verdict.VACUOUS || p.verdict() == Verdict.VIOLATED);
        boolean oneHolds = r.properties().stream().anyMatch(p -> p.verdict() == Verdict.HOLDS
                || p.verdict() == Verdict.VACUOUS);
        return settled && oneHolds;
    }

    static Spec specFor(KernelModePolicy v, List<String> properties, Scope scope) {
        return ResctrlModel.withProperties(ResctrlModel.spec(v, scope), properties);
    }
}
