package org.mpamcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpamcheck.alloy.AlloyEmitter;
import org.mpamcheck.alloy.InductionResult;
import org.mpamcheck.alloy.InductiveSet;
import org.mpamcheck.alloy.SatSolver;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.Properties;
import org.mpamcheck.model.ResctrlModel;
import org.mpamcheck.model.Scope;
import org.mpamcheck.model.Variants;
import org.mpamcheck.model.variants.Arm64KernelDefault;
import org.mpamcheck.model.variants.X86Rdt;
import org.mpamcheck.report.ProofRun;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Spec;

/** The proofs are honest: what the search breaks is never proved, and the proof is about Next. */
class ProofTest {

    private static final Duration LIMIT = Duration.ofMinutes(5);

    @Test
    void everyHoldingPropertyOfX86RdtIsProvedAndNothingViolatedIs() {
        ProofRun run = ProveCommand.prove(new X86Rdt(), Scope.small(), LIMIT, SatSolver.SAT4J);
        StringBuilder b = new StringBuilder();
        for (String p : Properties.DESCRIPTIONS.keySet()) {
            b.append(run.status(p).name().charAt(0));
        }
        assertEquals("PPPPPVVPPP", b.toString());
        assertEquals(1, run.outcome().rounds());
    }

    @Test
    void aPropertyTheSearchBreaksIsNeverProvedEvenWhenOffered() {
        KernelModePolicy v = new Arm64KernelDefault();
        Spec spec = ResctrlModel.spec(v, Scope.small());
        InductiveSet.Outcome o = InductiveSet.find(spec, List.of(
                spec.invariant("no-user-bypass"), spec.invariant("default-group-live")), LIMIT, SatSolver.SAT4J);
        assertNotEquals(InductionResult.Outcome.PROVED,
                o.results().get("no-user-bypass").outcome());
    }

    @Test
    void weakerLemmasGiveNotInductiveWithACounterexampleToInduction() {
        Spec spec = ResctrlModel.spec(new X86Rdt(), Scope.small());
        List<Invariant> weak = spec.invariants().stream()
                .filter(i -> !i.name().equals("default-group-live")
                        && !i.name().startsWith("no-") && !i.name().startsWith("irq"))
                .toList();
        InductiveSet.Outcome o = InductiveSet.find(spec, weak, LIMIT, SatSolver.SAT4J);
        InductionResult dropped = o.results().values().stream()
                .filter(x -> x.outcome() != InductionResult.Outcome.PROVED).findFirst()
                .orElseThrow();
        assertEquals(InductionResult.Outcome.NOT_INDUCTIVE, dropped.outcome());
        assertTrue(dropped.cti().isPresent());
    }

    @Test
    void theProofObligationsAreTheSpecsOwnNext() {
        Spec spec = ResctrlModel.spec(new X86Rdt(), Scope.small());
        Invariant goal = spec.invariant("label-coherence");
        String full = AlloyEmitter.induction(spec, List.of(goal));
        String fewer = AlloyEmitter.induction(spec.withoutAction("DeliverIpi"), List.of(goal));
        assertTrue(full.contains("pred DeliverIpi["));
        assertTrue(full.contains("check Consecution_DeliverIpi {"));
        assertFalse(fewer.contains("pred DeliverIpi[") || fewer.contains("Consecution_DeliverIpi {"));
        Action check = spec.action("CheckTaskCurr");
        Spec skipsIpi = spec.withAction(check.withUpdates(check.updates().stream()
                .filter(u -> !u.variable().name().equals("ipiPending")).toList()));
        List<Invariant> all = skipsIpi.invariants().stream()
                .filter(i -> !i.name().startsWith("no-") && !i.name().startsWith("irq"))
                .toList();
        InductiveSet.Outcome o = InductiveSet.find(skipsIpi, all, LIMIT, SatSolver.SAT4J);
        assertEquals(InductionResult.Outcome.NOT_INDUCTIVE,
                o.results().get("label-coherence").outcome());
    }

    @Test
    void theProofScopeEncodingHasNoIntegerFieldsAndInterchangeableCpusAndTasks() {
        for (KernelModePolicy v : Variants.all()) {
            Spec spec = ResctrlModel.spec(v, Scope.proof());
            String text = AlloyEmitter.induction(spec, spec.invariants());
            String fields = text.substring(text.indexOf("abstract sig State {"),
                    text.indexOf("one sig pre, post"));
            assertFalse(fields.contains("Int"), v.id() + ": a state field ranges over Int");
            assertTrue(text.contains("\nsig Cpu {}\n") && text.contains("\nsig Task extends "),
                    v.id() + ": CPUs and tasks are anonymous atoms");
            assertTrue(text.contains("exactly 16 " + (v.id().startsWith("x86") ? "Closid"
                    : "PartId")), v.id());
        }
    }

    @Test
    void aTimeLimitLeavesEveryCandidateIncompleteNeverProved() {
        Spec spec = ResctrlModel.spec(new X86Rdt(), Scope.small());
        InductiveSet.Outcome o = InductiveSet.find(spec, spec.invariants(), Duration.ofMillis(1),
                SatSolver.SAT4J);
        assertEquals(spec.invariants().size(), o.results().size());
        o.results().values().forEach(r -> assertEquals(InductionResult.Outcome.INCOMPLETE,
                r.outcome(), r.message()));
    }
}
