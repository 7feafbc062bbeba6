package org.mpamcheck.smt;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpamcheck.alloy.InductiveSet;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.ResctrlModel;
import org.mpamcheck.model.Scope;
import org.mpamcheck.model.SortSizes;
import org.mpamcheck.model.Variants;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Spec;

class ExploreZ3Test {
    @Test
    void explore() {
        String v = System.getProperty("variant", "x86-rdt");
        KernelModePolicy p = Variants.byId(v);
        Scope base = Scope.ci().with("monitors", 1);
        Spec spec = ResctrlModel.spec(p, base);
        org.mpamcheck.check.Result searched = new org.mpamcheck.engine.NativeChecker().check(spec,
                org.mpamcheck.check.Limits.DEFAULT, org.mpamcheck.check.Progress.NONE);
        java.util.Set<String> holds = new java.util.HashSet<>();
        searched.properties().forEach(r -> { if (r.verdict() == org.mpamcheck.check.Verdict.HOLDS) holds.add(r.invariant()); });
        List<Invariant> cands = spec.invariants().stream().filter(i -> holds.contains(i.name())).toList();
        java.util.function.Function<java.util.Map<String, Integer>, Spec> f = SortSizes.of(p, base);
        Z3InductionChecker z = new Z3InductionChecker(f::apply, Duration.ofSeconds(60));
        InductiveSet.Outcome o = InductiveSet.find(spec, cands, Duration.ofMinutes(10), z::check,
                Z3InductionChecker.SOLVER, s -> System.err.println(java.time.LocalTime.now() + " " + s));
        o.results().forEach((k, r) -> System.out.println(k + " " + r.outcome() + " " + r.message()));
        System.out.println(o.rounds() + " rounds " + o.seconds() + " s");
    }
}
