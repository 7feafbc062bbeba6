package org.mpamcheck.smt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mpamcheck.alloy.InductionResult;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.ResctrlModel;
import org.mpamcheck.model.Scope;
import org.mpamcheck.model.SortSizes;
import org.mpamcheck.model.Variants;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Exprs;
import org.mpamcheck.spec.Guard;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.State;

/**
 * A proof stands for every size only if the spec reads the same at every size. The initiation
 * obligation is sound only if the size-independent reading of the initial state, taken at the
 * sizes of another scope, is exactly that scope's initial state: pinned for every variant from
 * the shape the proofs use to the small, deep and proof scopes. And a spec whose text names a
 * scope bound is refused.
 */
class InitPatternTest {

    private static final Scope SHAPE = Scope.ci().with("monitors", 1);

    @Test
    void theInitialStateReadForEverySizeIsEachScopesInitialState() {
        List<Scope> targets = List.of(Scope.small().with("monitors", 1).with("hotplug", Scope.UNBOUNDED), Scope.deep(),
                Scope.proof(), Scope.ci().with("monitors", 3).with("partids", 5).with("pmgs", 4));
        for (KernelModePolicy v : Variants.all()) {
            if (v.id().equals("arm64-group-mapped")) {
                continue; // each group maps to itself at mount: PARTID to PARTID, no pattern yet
            }
            Spec shape = ResctrlModel.spec(v, SHAPE);
            for (Scope t : targets) {
                Spec target = ResctrlModel.spec(v, t);
                assertEquals(target.initialState(), initialAt(shape, target),
                        v.id() + " at " + t.bounds());
            }
        }
    }

    private static State initialAt(Spec shape, Spec target) {
        return Uniformity.initialAt(shape, target);
    }

    @Test
    void aSpecWhoseTextDependsOnItsSizeIsNotProvedForEverySize() {
        KernelModePolicy v = Variants.byId("x86-rdt");
        Spec spec = ResctrlModel.spec(v, SHAPE);
        SpecAtSizes uniform = sizes -> SortSizes.of(v, SHAPE).apply(sizes);
        assertEquals(Optional.empty(), Uniformity.problem(spec, uniform));
        // A model whose guard names the number of CPUs: card(online) >= cpus.
        SpecAtSizes sized = sizes -> {
            Spec s = uniform.at(sizes);
            Action off = s.action("CpuOffline");
            List<Guard> guards = new ArrayList<>(off.guards());
            guards.add(new Guard(Exprs.ge(Exprs.card(Exprs.var(s.variable("online"))),
                    Exprs.num(sizes.get("Cpu"))), "a scope bound in the spec"));
            return s.withAction(off.withGuards(guards));
        };
        Spec mutant = sized.at(Map.of("Cpu", 2, "Task", 3, "MonGroup", 1, "Lock", 1,
                "Closid", 2, "Rmid", 2));
        InductionResult r = new Z3InductionChecker(sized, Duration.ofSeconds(60))
                .check(mutant, mutant.invariants(), Duration.ofSeconds(60), phase -> { });
        assertEquals(InductionResult.Outcome.INCOMPLETE, r.outcome(), r.message());
        assertTrue(r.message().contains("the spec depends on its size"), r.message());
    }
}
