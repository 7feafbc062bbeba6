package org.mpamcheck.smt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mpamcheck.alloy.InductionResult;
import org.mpamcheck.alloy.InductiveSet;
import org.mpamcheck.alloy.SatSolver;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.ResctrlModel;
import org.mpamcheck.model.Scope;
import org.mpamcheck.model.SortSizes;
import org.mpamcheck.model.variants.Arm64KernelFollows;
import org.mpamcheck.model.variants.X86Rdt;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Spec;

/**
 * Z3 for every size against Alloy at a bound, on the model itself: what Z3 proves for all sizes
 * Alloy proves at the bound, and what Alloy finds not inductive Z3 does not prove. Also at the
 * model: a property the search breaks is never proved when offered.
 */
class Z3AlloyAgreementTest {

    private static final Duration LIMIT = Duration.ofMinutes(10);
    private static final Scope SHAPE = Scope.ci().with("monitors", 1);
    private static final KernelModePolicy VARIANT = new X86Rdt();

    private static InductiveSet.Outcome z3(Spec spec, List<Invariant> candidates) {
        return z3(VARIANT, spec, candidates);
    }

    private static InductiveSet.Outcome z3(KernelModePolicy v, Spec spec,
            List<Invariant> candidates) {
        Z3InductionChecker z3 = new Z3InductionChecker(SortSizes.of(v, SHAPE)::apply,
                Duration.ofMinutes(5));
        return InductiveSet.find(spec, candidates, LIMIT, z3::check, Z3InductionChecker.SOLVER,
                phase -> { });
    }

    private static Set<String> proved(InductiveSet.Outcome o) {
        Set<String> out = new TreeSet<>();
        o.results().forEach((name, r) -> {
            if (r.outcome() == InductionResult.Outcome.PROVED) {
                out.add(name);
            }
        });
        return out;
    }

    private static InductiveSet.Outcome assertAgree(Spec spec, List<Invariant> candidates) {
        return assertAgree(VARIANT, spec, candidates);
    }

    private static InductiveSet.Outcome assertAgree(KernelModePolicy v, Spec spec,
            List<Invariant> candidates) {
        InductiveSet.Outcome unbounded = z3(v, spec, candidates);
        InductiveSet.Outcome bounded = InductiveSet.find(spec, candidates, LIMIT,
                SatSolver.SAT4J);
        Set<String> z3Proved = proved(unbounded);
        Set<String> alloyProved = proved(bounded);
        assertTrue(alloyProved.containsAll(z3Proved), "Z3 proves " + z3Proved
                + " for every size, Alloy at the bound only " + alloyProved);
        bounded.results().forEach((name, r) -> {
            if (r.outcome() == InductionResult.Outcome.NOT_INDUCTIVE) {
                assertNotEquals(InductionResult.Outcome.PROVED,
                        unbounded.results().get(name).outcome(), name);
            }
        });
        assertEquals(alloyProved, z3Proved, "on this model the bound is not what makes a proof");
        return unbounded;
    }

    @Test
    void everyLemmaAndHoldingPropertyIsProvedByBoth() {
        Spec spec = ResctrlModel.spec(VARIANT, SHAPE);
        List<Invariant> holding = spec.invariants().stream()
                .filter(i -> !i.name().equals("no-priority-inversion")
                        && !i.name().equals("irq-isolation")).toList();
        assertEquals(holding.size(), proved(assertAgree(spec, holding)).size());
    }

    /**
     * MPAM allocates the cleanest CLOSID, a comparison of counts that Z3 sees only as "some free
     * id" (CleanestChoice): what holds for every free id holds for the cleanest, so the proof
     * stands, and it is the same proof Alloy finds with the counts.
     */
    @Test
    void theArm64ProofWithTheCleanestClosidRuleIsAlloysToo() {
        KernelModePolicy v = new Arm64KernelFollows();
        Spec spec = ResctrlModel.spec(v, SHAPE);
        List<Invariant> holding = spec.invariants().stream()
                .filter(i -> i.kind() == Invariant.Kind.LEMMA
                        || i.name().equals("stable-kernel-label")
                        || i.name().equals("all-partids-usable")).toList();
        assertEquals(holding.size(), proved(assertAgree(v, spec, holding)).size());
    }

    @Test
    void withoutTheDefaultGroupLemmaBothDropTheSameCandidates() {
        Spec spec = ResctrlModel.spec(VARIANT, SHAPE);
        List<Invariant> weak = spec.invariants().stream()
                .filter(i -> !i.name().equals("default-group-live")
                        && !i.name().startsWith("no-") && !i.name().startsWith("irq"))
                .toList();
        InductiveSet.Outcome o = assertAgree(spec, weak);
        InductionResult dropped = o.results().values().stream()
                .filter(r -> r.outcome() != InductionResult.Outcome.PROVED).findFirst()
                .orElseThrow();
        assertEquals(InductionResult.Outcome.NOT_INDUCTIVE, dropped.outcome(), dropped.message());
        assertTrue(dropped.cti().isPresent());
    }

    @Test
    void aPropertyTheSearchBreaksIsNeverProvedEvenWhenOffered() {
        Spec spec = ResctrlModel.spec(VARIANT, SHAPE);
        // The holding candidates are inductive together, so the one offered in excess is
        // exactly what the counterexample breaks.
        List<Invariant> offered = spec.invariants().stream()
                .filter(i -> !i.name().equals("irq-isolation")).toList();
        InductionResult r = new Z3InductionChecker(SortSizes.of(VARIANT, SHAPE)::apply,
                Duration.ofMinutes(5)).check(spec, offered, LIMIT, phase -> { });
        assertEquals(InductionResult.Outcome.NOT_INDUCTIVE, r.outcome(), r.message());
        assertEquals(List.of("no-priority-inversion"), r.broken());
    }
}
