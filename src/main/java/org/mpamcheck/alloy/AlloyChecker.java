package org.mpamcheck.alloy;

import edu.mit.csail.sdg.ast.Command;
import edu.mit.csail.sdg.parser.CompModule;
import edu.mit.csail.sdg.translator.A4Solution;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mpamcheck.check.Checker;
import org.mpamcheck.check.Limits;
import org.mpamcheck.check.Progress;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Result;
import org.mpamcheck.check.Statistics;
import org.mpamcheck.engine.Successors;
import org.mpamcheck.spec.ActionInstance;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.State;
import org.mpamcheck.spec.Trace;

/**
 * Bounded model checking with the Alloy analyzer, in process: each invariant is checked over all
 * traces of up to {@code Limits.steps()} states of the temporal module. Alloy tries trace lengths
 * from the shortest up, so the first counterexample found is a shortest one; it is read back into
 * spec states and labelled with the action instances that lead from each state to the next.
 * "Holds" means no violation within the bound, which is complete only when the bound reaches the
 * spec's diameter; the note says which.
 */
public final class AlloyChecker implements Checker {

    /** The bound used when the limits give none. */
    public static final int DEFAULT_STEPS = 10;

    private final SatSolver solver;

    /** A checker that uses SAT4J, which is fastest on the model's bounded checks. */
    public AlloyChecker() {
        this(SatSolver.SAT4J);
    }

    public AlloyChecker(SatSolver solver) {
        this.solver = solver;
    }

    @Override
    public String name() {
        return "alloy";
    }

    @Override
    public Result check(Spec spec, Limits limits, Progress progress) {
        long start = System.nanoTime();
        int steps = limits.steps() > 0 ? limits.steps() : DEFAULT_STEPS;
        List<PropertyResult> out = new ArrayList<>();
        String solverName;
        long clauses;
        long variables;
        try (AlloySession session = new AlloySession(solver, limits.timeout())) {
            solverName = session.solverName();
            ModuleText module = new ModuleText(spec);
            CompModule world;
            try {
                world = session.parse(AlloyEmitter.temporal(spec, steps));
            } catch (RuntimeException e) {
                String why = "the emitted module does not parse: " + e.getMessage();
                spec.invariants().forEach(i -> out.add(PropertyResult.error(i.name(), why)));
                return new Result(name(), out, stats(start, steps, 0, 0), "solver " + solverName);
            }
            AlloyStates states = new AlloyStates(module, world);
            Successors successors = new Successors(spec);
            List<Command> commands = world.getAllCommands();
            String stopped = null;
            for (int i = 0; i < spec.invariants().size(); i++) {
                Invariant inv = spec.invariants().get(i);
                if (stopped != null) {
                    out.add(PropertyResult.incomplete(inv.name(), stopped));
                    continue;
                }
                progress.update("alloy " + inv.name(), 0, 0, steps, seconds(start));
                AlloySession.Outcome o = session.solve(world, commands.get(i));
                if (o.timedOut()) {
                    stopped = "stopped by the " + limits.timeout().toSeconds()
                            + " s time limit before a bound of " + steps + " steps was covered";
                    out.add(PropertyResult.incomplete(inv.name(), stopped));
                } else if (o.failure() != null) {
                    out.add(PropertyResult.error(inv.name(), "Alloy failed: " + o.failure()));
                } else if (!o.solution().satisfiable()) {
                    out.add(holds(inv.name(), steps, limits.diameter()));
                } else {
                    out.add(counterexample(inv, o.solution(), states, successors));
                }
            }
            clauses = session.clauses();
            variables = session.variables();
        }
        String note = "solver " + solverName + ", bounded: " + steps + " steps"
                + (limits.diameter() > 0 && steps >= limits.diameter()
                        ? " (covers the diameter " + limits.diameter() + ")" : "");
        return new Result(name(), out, stats(start, steps, clauses, variables), note);
    }

    /**
     * A bounded search is a pass only when its bound reaches the diameter a search measured.
     * Alloy's {@code 1..k steps} are k states, so k-1 transitions: the native depth counts states.
     */
    private static PropertyResult holds(String invariant, int steps, int diameter) {
        if (diameter > 0 && steps >= diameter) {
            return new PropertyResult(invariant, org.mpamcheck.check.Verdict.HOLDS,
                    Optional.empty(), "no violation within " + steps
                            + " steps, which covers the diameter " + diameter);
        }
        return PropertyResult.noViolationWithin(invariant, steps - 1);
    }

    /**
     * The trace up to the first state that breaks the invariant, without the stuttering steps
     * Alloy needs to close its lasso (they are no transitions of the spec).
     */
    private static PropertyResult counterexample(Invariant inv, A4Solution solution,
            AlloyStates states, Successors successors) {
        try {
            State initial = states.read(solution, AlloyNames.STATE, 0);
            List<Trace.Step> steps = new ArrayList<>();
            State current = initial;
            boolean broken = !successors.holds(inv, current);
            for (int s = 1; s < solution.getTraceLength() && !broken; s++) {
                State next = states.read(solution, AlloyNames.STATE, s);
                if (next.equals(current)) {
                    continue;
                }
                Optional<ActionInstance> action = successors.find(current, next);
                if (action.isEmpty()) {
                    return PropertyResult.error(inv.name(), "Alloy's step " + s
                            + " is no transition of the spec");
                }
                steps.add(new Trace.Step(action.get(), next));
                current = next;
                broken = !successors.holds(inv, current);
            }
            if (!broken) {
                return PropertyResult.error(inv.name(),
                        "Alloy's counterexample never breaks the invariant");
            }
            return PropertyResult.violated(inv.name(), new Trace(initial, steps));
        } catch (RuntimeException e) {
            return PropertyResult.error(inv.name(), "reading Alloy's counterexample: "
                    + e.getMessage());
        }
    }

    private static Statistics stats(long start, int steps, long clauses, long variables) {
        return new Statistics(0, 0, steps, seconds(start), clauses, variables);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
