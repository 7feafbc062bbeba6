package org.mpamcheck.alloy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpamcheck.spec.Exprs.TRUE;
import static org.mpamcheck.spec.Exprs.apply;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.exists;
import static org.mpamcheck.spec.Exprs.lit;
import static org.mpamcheck.spec.Exprs.ref;
import static org.mpamcheck.spec.Exprs.var;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpamcheck.engine.Successors;
import org.mpamcheck.model.examples.Examples;
import org.mpamcheck.spec.EnumSort;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.Type;

/** One-step induction on the examples: honest answers, pinned. */
class AlloyInductionCheckerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** The spec's first invariant with the lemmas, proved together. */
    private static InductionResult prove(Spec spec, List<Invariant> lemmas) {
        List<Invariant> candidates = new ArrayList<>(List.of(spec.invariants().get(0)));
        candidates.addAll(lemmas);
        return new AlloyInductionChecker().check(spec, candidates, TIMEOUT);
    }

    @Test
    void correctAllocatorsInvariantIsInductiveOnItsOwn() {
        InductionResult r = prove(Examples.partidAllocator(false, 3, 2), List.of());
        assertEquals(InductionResult.Outcome.PROVED, r.outcome(), r.message());
    }

    @Test
    void buggyAllocatorHasACounterexampleToInductionAtRmdir() {
        Spec spec = Examples.partidAllocator(true, 3, 2);
        InductionResult r = prove(spec, List.of());
        assertEquals(InductionResult.Outcome.NOT_INDUCTIVE, r.outcome(), r.message());
        InductionResult.Cti cti = r.cti().orElseThrow();
        Successors successors = new Successors(spec);
        Invariant goal = spec.invariants().get(0);
        assertTrue(successors.holds(goal, cti.pre()));
        assertFalse(successors.holds(goal, cti.post()));
        assertEquals("Rmdir", cti.action().orElseThrow().action());
    }

    @Test
    void mutexNeedsTheLockWordLemma() {
        Spec spec = Examples.mutex(2, false);
        InductionResult alone = prove(spec, List.of());
        assertEquals(InductionResult.Outcome.NOT_INDUCTIVE, alone.outcome());
        assertEquals("Acquire", alone.cti().orElseThrow().action().orElseThrow().action());

        EnumSort pc = (EnumSort) ((Type.Scalar) ((Type.FnOf) spec.variable("pc").type()).range()).sort();
        Param c = new Param("c", ((Type.FnOf) spec.variable("pc").type()).domain());
        Invariant lockHeld = new Invariant("lock-word", "The lock word is set iff a CPU is critical.",
                eq(eq(var(spec.variable("locked")), TRUE),
                        exists(c, eq(apply(var(spec.variable("pc")), ref(c)),
                                lit(pc.value("critical"))))), Invariant.Kind.LEMMA);
        List<Invariant> all = new ArrayList<>(spec.invariants());
        all.add(lockHeld);
        Spec withLemma = spec.withInvariants(all);
        InductionResult proved = prove(withLemma, List.of(lockHeld));
        assertEquals(InductionResult.Outcome.PROVED, proved.outcome(), proved.message());
    }

    @Test
    void splitTestAndSetIsNotProved() {
        InductionResult r = prove(Examples.mutex(2, true), List.of());
        assertEquals(InductionResult.Outcome.NOT_INDUCTIVE, r.outcome());
    }
}
