package org.mpamcheck.alloy;

import edu.mit.csail.sdg.ast.Command;
import edu.mit.csail.sdg.parser.CompModule;
import edu.mit.csail.sdg.translator.A4Solution;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.mpamcheck.engine.Successors;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.State;

/**
 * Proves a set of candidate invariants by one-step induction with the Alloy analyzer: initiation
 * (the initial state satisfies them all) and consecution, one check per action (every step of
 * the action from a state that satisfies them all leads to one that does). The scope is the
 * spec's own sorts, so a proof covers the spec's instance exactly. A failure comes with its
 * counterexample to induction, and the native evaluator says which candidates it breaks; a
 * counterexample that breaks nothing there is an engine disagreement, reported as ERROR.
 */
public final class AlloyInductionChecker {

    private final SatSolver solver;

    /** A checker that uses SAT4J (pure Java, present everywhere). */
    public AlloyInductionChecker() {
        this(SatSolver.SAT4J);
    }

    public AlloyInductionChecker(SatSolver solver) {
        this.solver = solver;
    }

    /** {@code timeout} bounds the whole check, all of its SAT problems together. */
    public InductionResult check(Spec spec, List<Invariant> candidates, Duration timeout) {
        return check(spec, candidates, timeout, phase -> { });
    }

    /** As above, telling {@code progress} which check is being solved. */
    public InductionResult check(Spec spec, List<Invariant> candidates, Duration timeout,
            Consumer<String> progress) {
        long start = System.nanoTime();
        try (AlloySession session = new AlloySession(solver, timeout)) {
            Run run = new Run(spec, candidates, session, start);
            CompModule world;
            try {
                world = session.parse(AlloyEmitter.induction(spec, candidates));
            } catch (RuntimeException e) {
                return run.result(InductionResult.Outcome.ERROR, Optional.empty(), List.of(),
                        "the emitted module does not parse: " + e.getMessage());
            }
            List<Command> commands = world.getAllCommands();
            AlloyStates states = new AlloyStates(new ModuleText(spec), world);
            for (int i = 0; i < commands.size(); i++) {
                String phase = i == 0 ? "initiation" : "consecution of "
                        + spec.actions().get(i - 1).name();
                progress.accept(phase + " (" + (i + 1) + "/" + commands.size() + ")");
                AlloySession.Outcome o = session.solve(world, commands.get(i));
                run.solves++;
                if (o.timedOut()) {
                    return run.result(InductionResult.Outcome.INCOMPLETE, Optional.empty(),
                            List.of(), "the time limit ended the " + phase + " check");
                }
                if (o.failure() != null) {
                    return run.result(InductionResult.Outcome.ERROR, Optional.empty(),
                            List.of(), "Alloy failed in the " + phase + " check: " + o.failure());
                }
                if (o.solution().satisfiable()) {
                    return run.counterexample(states, o.solution(), i > 0, phase);
                }
            }
            return run.result(InductionResult.Outcome.PROVED, Optional.empty(), List.of(),
                    "initiation and consecution hold for every action");
        }
    }

    /** One check's bookkeeping: what it was given and how many problems it solved. */
    private final class Run {
        private final Spec spec;
        private final List<Invariant> candidates;
        private final AlloySession session;
        private final long start;
        private int solves;

        Run(Spec spec, List<Invariant> candidates, AlloySession session, long start) {
            this.spec = spec;
            this.candidates = candidates;
            this.session = session;
            this.start = start;
        }

        /**
         * The candidates that Alloy's counterexample breaks, evaluated natively: in the initial
         * state ({@code step} false) or in the post-state of a step.
         */
        InductionResult counterexample(AlloyStates states, A4Solution sol, boolean step,
                String phase) {
            State pre;
            State post;
            try {
                pre = states.read(sol, AlloyNames.PRE, 0);
                post = step ? states.read(sol, AlloyNames.POST, 0) : pre;
            } catch (RuntimeException e) {
                return result(InductionResult.Outcome.ERROR, Optional.empty(), List.of(),
                        "reading Alloy's counterexample: " + e.getMessage());
            }
            Successors successors = new Successors(spec);
            List<String> broken = candidates.stream().filter(c -> !successors.holds(c, post))
                    .map(Invariant::name).toList();
            if (broken.isEmpty()) {
                return result(InductionResult.Outcome.ERROR, Optional.empty(), List.of(),
                        "Alloy's counterexample in the " + phase
                                + " check breaks no candidate when evaluated natively");
            }
            if (!step) {
                return result(InductionResult.Outcome.NOT_INITIAL, Optional.empty(), broken,
                        "the initial state breaks " + String.join(", ", broken));
            }
            InductionResult.Cti cti = new InductionResult.Cti(pre, successors.find(pre, post),
                    post);
            return result(InductionResult.Outcome.NOT_INDUCTIVE, Optional.of(cti), broken,
                    "a step from a state satisfying every candidate breaks "
                            + String.join(", ", broken));
        }

        InductionResult result(InductionResult.Outcome outcome,
                Optional<InductionResult.Cti> cti, List<String> broken, String message) {
            return new InductionResult(outcome, cti, broken, message, session.solverName(),
                    solves, (System.nanoTime() - start) / 1e9, session.clauses(),
                    session.variables());
        }
    }
}
