package org.mpamcheck.smt;

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

import com.microsoft.z3.Context;
import com.microsoft.z3.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.mpamcheck.alloy.InductionResult;
import org.mpamcheck.engine.Successors;
import org.mpamcheck.model.examples.Examples;
import org.mpamcheck.spec.EnumSort;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.Type;

/** Induction for every size on the small examples: honest answers, pinned. */
class Z3InductionCheckerTest {

    private static final Duration LIMIT = Duration.ofSeconds(120);

    @Test
    void z3LoadsItsBundledNativeLibrary() {
        try (Context ctx = new Context()) {
            com.microsoft.z3.Solver s = ctx.mkSolver();
            s.add(ctx.mkGt(ctx.mkIntConst("x"), ctx.mkInt(3)));
            assertEquals(Status.SATISFIABLE, s.check());
        }
        assertTrue(Z3InductionChecker.SOLVER.startsWith("z3 4.14.1"), Z3InductionChecker.SOLVER);
    }

    /** The mutex at {@code cpus} CPUs, with the lock-word lemma when asked. */
    private static Spec mutex(int cpus, boolean split, boolean lemma) {
        Spec spec = Examples.mutex(cpus, split);
        if (!lemma) {
            return spec;
        }
        Type.FnOf pcType = (Type.FnOf) spec.variable("pc").type();
        EnumSort pc = (EnumSort) ((Type.Scalar) pcType.range()).sort();
        Param c = new Param("c", pcType.domain());
        List<Invariant> all = new ArrayList<>(spec.invariants());
        all.add(new Invariant("lock-word", "The lock word is set iff a CPU is critical.",
                eq(eq(var(spec.variable("locked")), TRUE), exists(c,
                        eq(apply(var(spec.variable("pc")), ref(c)), lit(pc.value("critical"))))),
                Invariant.Kind.LEMMA));
        return spec.withInvariants(all);
    }

    private static InductionResult check(IntFunction<Spec> specAt, String sort, int size) {
        Spec spec = specAt.apply(size);
        return new Z3InductionChecker(sizes -> specAt.apply(sizes.get(sort)), LIMIT)
                .check(spec, spec.invariants(), LIMIT, phase -> { });
    }

    @Test
    void theMutexIsProvedForEveryNumberOfCpusWithItsLemma() {
        InductionResult r = check(n -> mutex(n, false, true), "Cpu", 2);
        assertEquals(InductionResult.Outcome.PROVED, r.outcome(), r.message());
        assertEquals(2 * (1 + 3), r.solves(), "initiation and one consecution per action, "
                + "each probed at the spec's own sizes and then checked for every size");
    }

    @Test
    void droppingTheNeededLemmaGivesACounterexampleReplayedNatively() {
        InductionResult r = check(n -> mutex(n, false, false), "Cpu", 2);
        assertEquals(InductionResult.Outcome.NOT_INDUCTIVE, r.outcome(), r.message());
        InductionResult.Cti cti = r.cti().orElseThrow();
        assertEquals("Acquire", cti.action().orElseThrow().action());
        int cpus = ((Type.FnOf) cti.pre().variables().get(0).type()).domain().size();
        Spec sized = mutex(cpus, false, false);
        Successors s = new Successors(sized);
        assertTrue(s.holds(sized.invariants().get(0), cti.pre()));
        assertFalse(s.holds(sized.invariants().get(0), cti.post()));
        assertEquals(List.of("mutual-exclusion"), r.broken());
    }

    @Test
    void aViolatedPropertyIsNeverProvedEvenWithTheLemma() {
        InductionResult r = check(n -> mutex(n, true, true), "Cpu", 2);
        assertEquals(InductionResult.Outcome.NOT_INDUCTIVE, r.outcome(), r.message());
    }

    @Test
    void theCorrectAllocatorIsProvedForEveryNumberOfPartidsAndGroups() {
        Spec spec = Examples.partidAllocator(false, 3, 2);
        InductionResult r = new Z3InductionChecker(sizes -> Examples.partidAllocator(false,
                sizes.get("PartId"), sizes.get("Group")), LIMIT)
                .check(spec, spec.invariants(), LIMIT, phase -> { });
        assertEquals(InductionResult.Outcome.PROVED, r.outcome(), r.message());
    }

    @Test
    void theBuggyAllocatorBreaksAtRmdirAndWithoutRmdirItsObligationIsGone() {
        Spec spec = Examples.partidAllocator(true, 3, 2);
        Z3InductionChecker z3 = new Z3InductionChecker(sizes -> Examples.partidAllocator(true,
                sizes.get("PartId"), sizes.get("Group")), LIMIT);
        InductionResult r = z3.check(spec, spec.invariants(), LIMIT, phase -> { });
        assertEquals(InductionResult.Outcome.NOT_INDUCTIVE, r.outcome(), r.message());
        assertEquals("Rmdir", r.cti().orElseThrow().action().orElseThrow().action());

        Spec noRmdir = spec.withoutAction("Rmdir");
        List<String> phases = new ArrayList<>();
        InductionResult without = new Z3InductionChecker(sizes -> Examples.partidAllocator(true,
                sizes.get("PartId"), sizes.get("Group")).withoutAction("Rmdir"), LIMIT)
                .check(noRmdir, noRmdir.invariants(), LIMIT, phases::add);
        assertEquals(InductionResult.Outcome.PROVED, without.outcome(), without.message());
        assertEquals(2 * (1 + noRmdir.actions().size()), without.solves());
        assertTrue(phases.stream().noneMatch(p -> p.contains("Rmdir")), phases.toString());
    }

    @Test
    void aTimeLimitIsIncompleteNeverProved() {
        Spec spec = mutex(2, false, true);
        InductionResult r = new Z3InductionChecker(sizes -> spec, LIMIT)
                .check(spec, spec.invariants(), Duration.ZERO, phase -> { });
        assertEquals(InductionResult.Outcome.INCOMPLETE, r.outcome(), r.message());
    }

    @Test
    void theQueriesAreSmtLibThatAnySolverDecidesAlike() {
        java.util.Map<String, String> proved = Z3InductionChecker.queries(mutex(2, false, true),
                mutex(2, false, true).invariants());
        java.util.Map<String, String> weak = Z3InductionChecker.queries(mutex(2, false, false),
                mutex(2, false, false).invariants());
        assertEquals(List.of("initiation", "Try", "Acquire", "Release"),
                List.copyOf(proved.keySet()));
        try (Context ctx = new Context()) {
            for (String text : proved.values()) {
                assertEquals(Status.UNSATISFIABLE, solve(ctx, text), text);
            }
            assertEquals(Status.SATISFIABLE, solve(ctx, weak.get("Acquire")));
            assertEquals(Status.UNSATISFIABLE, solve(ctx, weak.get("Release")));
        }
    }

    private static Status solve(Context ctx, String smtlib) {
        com.microsoft.z3.Solver s = ctx.mkSolver();
        s.add(ctx.parseSMTLIB2String(smtlib, null, null, null, null));
        return s.check();
    }
}
