package org.mpamcheck.alloy;

import edu.mit.csail.sdg.parser.CompModule;
import edu.mit.csail.sdg.translator.A4Solution;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.mpamcheck.engine.Successors;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.State;

/**
 * Proves an invariant by one-step induction with the Alloy analyzer: initiation (the initial
 * state satisfies it) and consecution (every step from a state that satisfies it and the assumed
 * lemmas leads to a state that satisfies it). The scope is the spec's own sorts, so a proof
 * covers the spec's instance exactly; a failure comes with its counterexample to induction.
 */
public final class AlloyInductionChecker {

    private final boolean preferNative;

    public AlloyInductionChecker() {
        this(true);
    }

    public AlloyInductionChecker(boolean preferNative) {
        this.preferNative = preferNative;
    }

    public InductionResult check(Spec spec, List<Invariant> lemmas, Invariant goal,
            Duration timeout) {
        long start = System.nanoTime();
        try (AlloySession session = new AlloySession(preferNative, timeout)) {
            CompModule world;
            try {
                world = session.parse(AlloyEmitter.induction(spec, lemmas, goal));
            } catch (RuntimeException e) {
                return result(InductionResult.Outcome.ERROR, Optional.empty(),
                        "the emitted module does not parse: " + e.getMessage(), start, session);
            }
            AlloyStates states = new AlloyStates(new ModuleText(spec), world);
            String solver = "solver " + session.solverName();
            AlloySession.Outcome initiation = session.solve(world, world.getAllCommands().get(0));
            InductionResult early = unsettled(initiation, "initiation", start, session);
            if (early != null) {
                return early;
            }
            if (initiation.solution().satisfiable()) {
                return result(InductionResult.Outcome.NOT_INITIAL, Optional.empty(),
                        "the initial state breaks " + goal.name() + "; " + solver, start, session);
            }
            AlloySession.Outcome consecution = session.solve(world, world.getAllCommands().get(1));
            early = unsettled(consecution, "consecution", start, session);
            if (early != null) {
                return early;
            }
            A4Solution sol = consecution.solution();
            if (!sol.satisfiable()) {
                return result(InductionResult.Outcome.PROVED, Optional.empty(),
                        "initiation and consecution hold; " + solver, start, session);
            }
            try {
                State pre = states.read(sol, AlloyNames.PRE, 0);
                State post = states.read(sol, AlloyNames.POST, 0);
                InductionResult.Cti cti = new InductionResult.Cti(pre,
                        new Successors(spec).find(pre, post), post);
                return result(InductionResult.Outcome.NOT_INDUCTIVE, Optional.of(cti),
                        "a step from a state satisfying the assumptions breaks " + goal.name()
                                + "; " + solver, start, session);
            } catch (RuntimeException e) {
                return result(InductionResult.Outcome.ERROR, Optional.empty(),
                        "reading the counterexample to induction: " + e.getMessage(), start,
                        session);
            }
        }
    }

    /** INCOMPLETE or ERROR when a solve gave no answer; null when it did. */
    private static InductionResult unsettled(AlloySession.Outcome o, String phase, long start,
            AlloySession session) {
        if (o.timedOut()) {
            return result(InductionResult.Outcome.INCOMPLETE, Optional.empty(),
                    "the time limit ended the " + phase + " check", start, session);
        }
        if (o.failure() != null) {
            return result(InductionResult.Outcome.ERROR, Optional.empty(),
                    "Alloy failed in the " + phase + " check: " + o.failure(), start, session);
        }
        return null;
    }

    private static InductionResult result(InductionResult.Outcome outcome,
            Optional<InductionResult.Cti> cti, String message, long start, AlloySession session) {
        return new InductionResult(outcome, cti, message, (System.nanoTime() - start) / 1e9,
                session.clauses(), session.variables());
    }
}
