package org.mpamcheck.smt;

import com.microsoft.z3.Expr;
import com.microsoft.z3.FuncDecl;
import com.microsoft.z3.Model;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mpamcheck.alloy.InductionResult;
import org.mpamcheck.engine.Successors;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.ActionInstance;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.State;
import org.mpamcheck.spec.Trace;
import org.mpamcheck.spec.Variable;

/**
 * A satisfiable obligation's model, judged by the native engine at the model's sizes: the
 * pre-state must satisfy every candidate (and, for initiation, be the spec's initial state at
 * those sizes), the action instance must be enabled, and the post-state must break at least
 * one candidate. Anything else means the encoding and the native semantics disagree: an ERROR
 * naming the disagreement, never a silently dropped candidate.
 */
final class CtiCheck {

    /** How the checker builds its results (it keeps the counts and the clock). */
    interface Results {
        InductionResult result(InductionResult.Outcome outcome,
                Optional<InductionResult.Cti> cti, List<String> broken, String message);
    }

    private final Z3Encoding z;
    private final List<Invariant> candidates;
    private final Map<Variable, FuncDecl<?>> pre;
    private final SpecAtSizes specs;
    private final Results results;

    CtiCheck(Z3Encoding z, List<Invariant> candidates, Map<Variable, FuncDecl<?>> pre,
            SpecAtSizes specs, Results results) {
        this.z = z;
        this.candidates = candidates;
        this.pre = pre;
        this.specs = specs;
        this.results = results;
    }

    /** Throws {@link CtiReader.SizesOutsideModel} when the model's sizes cannot be built. */
    InductionResult check(String phase, Action action, Map<Param, Expr<?>> params, Model model) {
        CtiReader reader;
        State before;
        try {
            reader = new CtiReader(z, model, specs);
            before = reader.state(pre);
        } catch (CtiReader.SizesOutsideModel e) {
            throw e;
        } catch (RuntimeException e) {
            return error("reading Z3's counterexample in the " + phase + " check: "
                    + e.getMessage());
        }
        Spec sized = reader.sized;
        Successors native_ = new Successors(sized);
        String at = " (at " + reader.sizes + ")";
        List<String> brokenBefore = broken(native_, sized, before);
        if (action == null) {
            if (!before.equals(sized.initialState())) {
                return error("Z3's initial state" + at + " is not the spec's initial state at "
                        + "those sizes: the size-independent reading of the initial state is "
                        + "wrong");
            }
            if (brokenBefore.isEmpty()) {
                return error("Z3's counterexample to initiation" + at
                        + " breaks no candidate when evaluated natively");
            }
            return results.result(InductionResult.Outcome.NOT_INITIAL, Optional.empty(),
                    brokenBefore, "the initial state breaks " + String.join(", ", brokenBefore)
                            + at);
        }
        if (!brokenBefore.isEmpty()) {
            return error("Z3's pre-state in the " + phase + " check" + at + " breaks "
                    + String.join(", ", brokenBefore) + " when evaluated natively");
        }
        ActionInstance instance;
        try {
            instance = reader.instance(action, params);
        } catch (RuntimeException e) {
            return error("reading Z3's action instance in the " + phase + " check: "
                    + e.getMessage());
        }
        Optional<State> after = native_.of(before).stream()
                .filter(s -> s.action().equals(instance)).map(Trace.Step::state).findFirst();
        if (after.isEmpty()) {
            return error("Z3's step " + instance + at + " is not enabled natively"
                    + native_.refusal(before, instance).map(e -> " (refused with " + e + ")")
                            .orElse(""));
        }
        List<String> brokenAfter = broken(native_, sized, after.get());
        if (brokenAfter.isEmpty()) {
            return error("Z3's counterexample in the " + phase + " check" + at
                    + " breaks no candidate when evaluated natively");
        }
        return results.result(InductionResult.Outcome.NOT_INDUCTIVE,
                Optional.of(new InductionResult.Cti(before, Optional.of(instance), after.get())),
                brokenAfter, "a step " + instance + at + " from a state satisfying every "
                        + "candidate breaks " + String.join(", ", brokenAfter));
    }

    private List<String> broken(Successors native_, Spec sized, State s) {
        return candidates.stream().map(c -> sized.invariant(c.name()))
                .filter(c -> !native_.holds(c, s)).map(Invariant::name).toList();
    }

    private InductionResult error(String message) {
        return results.result(InductionResult.Outcome.ERROR, Optional.empty(), List.of(),
                message);
    }
}
