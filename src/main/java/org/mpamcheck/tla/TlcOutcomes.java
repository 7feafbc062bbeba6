package org.mpamcheck.tla;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mpamcheck.engine.Successors;
import org.mpamcheck.spec.ActionInstance;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.SpecException;
import org.mpamcheck.spec.State;
import org.mpamcheck.spec.Trace;

/** What one TLC run decided, read from its exit code and messages. */
final class TlcOutcomes {

    /** TLC's exit codes (tlc2.output.EC.ExitStatus). */
    static final int EXIT_SUCCESS = 0;
    static final int EXIT_DEADLOCK = 11;
    static final int EXIT_VIOLATION = 12;

    private static final Pattern VIOLATED = Pattern.compile("Invariant (\\S+) is violated");

    /**
     * Either the search completed, or one property (an invariant's name, or
     * {@link TlcChecker#DEADLOCK}) is violated with a trace, or the run cannot be used
     * ({@code error} says why).
     */
    record Decision(boolean complete, String violated, Trace trace, String error) {
    }

    private TlcOutcomes() {
    }

    /** The decision of a run of {@code remaining} (spec with the open invariants); empty when
     * the exit code says TLC itself failed. */
    static Optional<Decision> decide(Spec spec, Spec remaining, TlcProcess.Outcome o) {
        TlcOutput out = o.output();
        if (o.exitCode() == EXIT_SUCCESS && out.first(TlcOutput.SUCCESS).isPresent()) {
            return Optional.of(new Decision(true, null, null, null));
        }
        Optional<TlcOutput.Message> initial = out.first(TlcOutput.INVARIANT_VIOLATED_INITIAL);
        Optional<TlcOutput.Message> violation = out.first(TlcOutput.INVARIANT_VIOLATED)
                .or(() -> initial);
        if (o.exitCode() == EXIT_VIOLATION && violation.isPresent()) {
            Matcher m = VIOLATED.matcher(violation.get().text());
            if (!m.find()) {
                return Optional.empty();
            }
            String id = m.group(1);
            if (id.equals(TlaEmitter.typeOkName(remaining))) {
                return Optional.of(error("TLC: " + id + " is violated: a variable left its sort"
                        + " (an out-of-range value, which the native engine reports as an"
                        + " evaluation error)"));
            }
            Optional<Invariant> inv = remaining.invariants().stream()
                    .filter(i -> i.identifier().equals(id)).findFirst();
            if (inv.isEmpty()) {
                return Optional.of(error("TLC reports an unknown invariant " + id));
            }
            List<List<String>> states = initial.isPresent()
                    ? List.of(initial.get().lines().subList(1, initial.get().lines().size()))
                    : traceStates(out);
            return Optional.of(withTrace(spec, inv.get().name(), states));
        }
        if (o.exitCode() == EXIT_DEADLOCK && out.first(TlcOutput.DEADLOCK).isPresent()) {
            return Optional.of(withTrace(spec, TlcChecker.DEADLOCK, traceStates(out)));
        }
        return Optional.empty();
    }

    private static Decision error(String why) {
        return new Decision(false, null, null, why);
    }

    /** The state lines of each trace message, without the {@code N: <Action ...>} header. */
    private static List<List<String>> traceStates(TlcOutput out) {
        List<List<String>> states = new ArrayList<>();
        for (TlcOutput.Message m : out.all(TlcOutput.TRACE_STATE)) {
            states.add(m.lines().subList(1, m.lines().size()));
        }
        return states;
    }

    private static Decision withTrace(Spec spec, String property, List<List<String>> texts) {
        try {
            return new Decision(false, property, trace(spec, texts), null);
        } catch (IllegalArgumentException | SpecException e) {
            return error("cannot read TLC's counterexample for " + property + ": "
                    + e.getMessage());
        }
    }

    /** The trace through the printed states, each step's action instance found by replaying. */
    static Trace trace(Spec spec, List<List<String>> texts) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("TLC printed no trace");
        }
        Successors successors = new Successors(spec);
        State previous = TlcStateReader.state(spec, texts.get(0));
        State initial = previous;
        List<Trace.Step> steps = new ArrayList<>();
        for (int i = 1; i < texts.size(); i++) {
            State next = TlcStateReader.state(spec, texts.get(i));
            Optional<ActionInstance> action = successors.find(previous, next);
            if (action.isEmpty()) {
                throw new IllegalArgumentException("step " + i + " of TLC's trace is no transition"
                        + " of the spec");
            }
            steps.add(new Trace.Step(action.get(), next));
            previous = next;
        }
        return new Trace(initial, steps);
    }
}
