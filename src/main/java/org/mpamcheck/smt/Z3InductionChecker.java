package org.mpamcheck.smt;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.FuncDecl;
import com.microsoft.z3.Params;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.mpamcheck.alloy.InductionResult;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Guard;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.Refusal;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.Update;
import org.mpamcheck.spec.Variable;

/**
 * Proves candidate invariants by one-step induction for every size at once, with Z3: the sorts
 * that grow with the scope are uninterpreted ({@link Z3Sorts}), so an UNSAT answer covers every
 * number of CPUs, tasks, groups and PARTIDs. Obligations: initiation (the initial state, read
 * size-independently by {@link InitPattern}, satisfies every candidate) and consecution per
 * action ({@code Inductive(pre) /\ Action(pre, post) => Inductive(post)}). SAT gives a finite
 * model: it is read back into spec values at the model's sizes and replayed natively, and a
 * counterexample that breaks nothing there is an ERROR (the engines disagree). UNKNOWN, a time
 * limit, a construct outside the encoding or a spec that reads differently at another size
 * ({@link Uniformity}) is INCOMPLETE, never PROVED.
 */
public final class Z3InductionChecker {

    /** The solver name in results and reports. */
    public static final String SOLVER = "z3 " + com.microsoft.z3.Version.getString();

    private final SpecAtSizes specs;
    private final Duration perCheck;

    /** {@code perCheck} bounds each obligation (each Z3 call). */
    public Z3InductionChecker(SpecAtSizes specs, Duration perCheck) {
        this.specs = specs;
        this.perCheck = perCheck;
    }

    /** {@code timeout} bounds the whole check, all of its obligations together. */
    public InductionResult check(Spec spec, List<Invariant> candidates, Duration timeout,
            Consumer<String> progress) {
        long start = System.nanoTime();
        long deadline = start + Math.min(timeout.toNanos(), Long.MAX_VALUE / 4);
        try {
            Optional<String> problem = Uniformity.problem(spec, specs);
            if (problem.isPresent()) {
                return new InductionResult(InductionResult.Outcome.INCOMPLETE, Optional.empty(),
                        List.of(), "no proof for every size: " + problem.get(), SOLVER, 0,
                        (System.nanoTime() - start) / 1e9, 0, 0);
            }
        } catch (EncodingException e) {
            return new InductionResult(InductionResult.Outcome.INCOMPLETE, Optional.empty(),
                    List.of(), "outside the SMT encoding: " + e.getMessage(), SOLVER, 0,
                    (System.nanoTime() - start) / 1e9, 0, 0);
        }
        try (Context ctx = new Context()) {
            Run run = new Run(new Z3Encoding(ctx, spec), candidates, start, deadline,
                    perCheck.toMillis(), specs);
            try {
                return run.all(progress);
            } catch (EncodingException e) {
                return run.result(InductionResult.Outcome.INCOMPLETE, Optional.empty(),
                        List.of(), "outside the SMT encoding: " + e.getMessage());
            }
        } catch (RuntimeException e) {
            return new InductionResult(InductionResult.Outcome.ERROR, Optional.empty(), List.of(),
                    "Z3 failed: " + e, SOLVER, 0, (System.nanoTime() - start) / 1e9, 0, 0);
        }
    }

    /**
     * The SMT-LIB text of every obligation (initiation, then each action), the unbounded query
     * as Z3 decides it, so that a proof can be rechecked with any SMT solver: each is UNSAT
     * exactly when its obligation holds for every size.
     */
    public static Map<String, String> queries(Spec spec, List<Invariant> candidates) {
        Map<String, String> out = new LinkedHashMap<>();
        try (Context ctx = new Context()) {
            Run run = new Run(new Z3Encoding(ctx, spec), candidates, 0, Long.MAX_VALUE, 0,
                    sizes -> spec);
            List<String> names = new ArrayList<>();
            names.add("initiation");
            spec.actions().forEach(a -> names.add(a.name()));
            for (String name : names) {
                out.put(name, run.obligation(name).solver.toString() + "(check-sat)\n");
            }
        }
        return out;
    }

    /** The assertions of one obligation, and what is needed to read its model back. */
    private record Obligation(String phase, Solver solver, Action action,
            Map<Param, Expr<?>> params) {
    }

    private static final class Run {
        private final Z3Encoding z;
        private final List<Invariant> candidates;
        private final long start;
        private final long deadline;
        private final Map<Variable, FuncDecl<?>> pre;
        private final Map<Variable, Sym> preState;
        private final long perCheckMillis;
        private final SpecAtSizes specs;
        private int solves;

        Run(Z3Encoding z, List<Invariant> candidates, long start, long deadline,
                long perCheckMillis, SpecAtSizes specs) {
            this.z = z;
            this.perCheckMillis = perCheckMillis;
            this.specs = specs;
            this.candidates = candidates;
            this.start = start;
            this.deadline = deadline;
            this.pre = z.declare("pre");
            this.preState = z.state(pre);
        }

        InductionResult all(Consumer<String> progress) {
            List<String> phases = new ArrayList<>();
            phases.add("initiation");
            z.spec.actions().forEach(a -> phases.add(a.name()));
            for (int i = 0; i < phases.size(); i++) {
                String phase = i == 0 ? "initiation" : "consecution of " + phases.get(i);
                progress.accept(phase + " (" + (i + 1) + "/" + phases.size() + ")");
                Obligation o = obligation(phases.get(i));
                long left = (deadline - System.nanoTime()) / 1_000_000;
                long limit = Math.min(left, perCheckMillis);
                if (limit <= 0) {
                    return result(InductionResult.Outcome.INCOMPLETE, Optional.empty(),
                            List.of(), "the time limit ended the proof before the " + phase
                                    + " check");
                }
                // A probe at the shape's sizes first: Z3 finds a finite counterexample there
                // fast, where on unbounded sorts model construction can take minutes. Its
                // UNSAT proves nothing for larger sizes, so the unbounded check follows.
                long began = System.nanoTime();
                o.solver.push();
                o.solver.add(z.atMostShape().toArray(new BoolExpr[0]));
                timeout(o.solver, Math.min(limit, Math.max(1, limit / 5)));
                Status probe = o.solver.check();
                solves++;
                if (probe == Status.SATISFIABLE) {
                    return counterexample(o, phase);
                }
                o.solver.pop();
                long rest = limit - (System.nanoTime() - began) / 1_000_000;
                if (rest <= 0) {
                    return result(InductionResult.Outcome.INCOMPLETE, Optional.empty(),
                            List.of(), "the time limit ended the " + phase + " check");
                }
                timeout(o.solver, rest);
                Status s = o.solver.check();
                solves++;
                if (s == Status.UNKNOWN) {
                    return result(InductionResult.Outcome.INCOMPLETE, Optional.empty(),
                            List.of(), "Z3 answered unknown in the " + phase + " check ("
                                    + o.solver.getReasonUnknown() + ")");
                }
                if (s == Status.SATISFIABLE) {
                    return counterexample(o, phase);
                }
            }
            return result(InductionResult.Outcome.PROVED, Optional.empty(), List.of(),
                    "initiation and consecution hold for every action, at every size");
        }

        private void timeout(Solver solver, long millis) {
            Params p = z.ctx.mkParams();
            p.add("timeout", (int) Math.min(millis, Integer.MAX_VALUE));
            solver.setParameters(p);
        }

        Obligation obligation(String name) {
            Solver solver = z.ctx.mkSolver();
            z.newObligation();
            SymEncoder inPre = new SymEncoder(z, preState, Map.of());
            int sides = z.sideConditions().size();
            List<BoolExpr> assertions = new ArrayList<>();
            Action a = null;
            Map<Param, Expr<?>> params = new LinkedHashMap<>();
            if (name.equals("initiation")) {
                for (int i = 0; i < z.spec.variables().size(); i++) {
                    Variable v = z.spec.variables().get(i);
                    assertions.add(inPre.equal(preState.get(v), z.value(z.spec.init().get(i))));
                }
                assertions.add(z.ctx.mkNot(conjunction(inPre)));
            } else {
                a = z.spec.action(name);
                for (Param p : a.params()) {
                    params.put(p, z.constant(a.name() + "_" + p.name(), p.sort()));
                }
                SymEncoder step = new SymEncoder(z, preState, params);
                assertions.add(conjunction(inPre));
                for (Refusal r : a.refusals()) {
                    assertions.add(z.ctx.mkNot(step.bool(r.when())));
                }
                for (Guard g : a.guards()) {
                    assertions.add(step.bool(g.condition()));
                }
                Map<Variable, Sym> post = new LinkedHashMap<>(preState);
                for (Update u : a.updates()) {
                    post.put(u.variable(), step.encode(u.value()));
                }
                assertions.add(z.ctx.mkNot(conjunction(new SymEncoder(z, post, Map.of()))));
            }
            List<BoolExpr> all = z.sideConditions();
            assertions.addAll(all.subList(sides, all.size()));
            assertions.addAll(z.sorts.axioms());
            solver.add(assertions.toArray(new BoolExpr[0]));
            return new Obligation(a == null ? "initiation" : "consecution of " + name, solver, a,
                    params);
        }

        private BoolExpr conjunction(SymEncoder in) {
            BoolExpr[] parts = candidates.stream().map(c -> in.bool(c.predicate()))
                    .toArray(BoolExpr[]::new);
            return parts.length == 0 ? z.ctx.mkTrue() : z.ctx.mkAnd(parts);
        }

        /**
         * The obligation's model judged natively. Z3 may pick sizes the model cannot be built at
         * (a single PARTID): then the sorts are given at least the shape's sizes and Z3 asked
         * again, since a counterexample there is one the model can replay.
         */
        InductionResult counterexample(Obligation o, String phase) {
            CtiCheck judge = new CtiCheck(z, candidates, pre, specs, this::result);
            try {
                return judge.check(o.phase(), o.action(), o.params(), o.solver.getModel());
            } catch (CtiReader.SizesOutsideModel e) {
                o.solver.add(z.atLeastShape().toArray(new BoolExpr[0]));
                Status again = o.solver.check();
                solves++;
                if (again != Status.SATISFIABLE) {
                    return result(InductionResult.Outcome.INCOMPLETE, Optional.empty(),
                            List.of(), "the " + phase + " check fails only at sizes the model "
                                    + "cannot be built at (" + e.getMessage() + "); at the "
                                    + "shape's sizes or more Z3 answers " + again);
                }
                try {
                    return judge.check(o.phase(), o.action(), o.params(), o.solver.getModel());
                } catch (CtiReader.SizesOutsideModel twice) {
                    return result(InductionResult.Outcome.INCOMPLETE, Optional.empty(),
                            List.of(), "Z3's counterexample in the " + phase + " check has sizes "
                                    + "the model cannot be built at: " + twice.getMessage());
                }
            }
        }

        InductionResult result(InductionResult.Outcome outcome,
                Optional<InductionResult.Cti> cti, List<String> broken, String message) {
            return new InductionResult(outcome, cti, broken, message, SOLVER, solves,
                    (System.nanoTime() - start) / 1e9, 0, 0);
        }
    }
}
