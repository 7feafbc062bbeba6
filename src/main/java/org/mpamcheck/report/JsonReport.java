package org.mpamcheck.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Result;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.ActionInstance;
import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.State;
import org.mpamcheck.spec.Trace;
import org.mpamcheck.spec.Value;

/**
 * The machine-readable report: a top-level {@code checks} array with one object per variant,
 * property and engine (the engines' agreed verdict under engine {@code agreed}), each trace as
 * action instances with named parameters and states as domain values. {@code counts} holds the
 * number of cells (variant x property, agreed verdict) per verdict, the figures the text
 * report's last line gives.
 */
public final class JsonReport {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonReport() {
    }

    public static String render(Report r) {
        ObjectNode root = F.objectNode();
        root.put("tool", "mpamcheck");
        root.put("scope", r.scope().name());
        root.put("bounds", r.scope().bounds());
        ArrayNode engines = root.putArray("engines");
        r.engines().forEach(engines::add);
        root.put("overall", r.overall().name());
        ObjectNode counts = root.putObject("counts");
        r.counts().forEach((verdict, n) -> counts.put(verdict.name(), n));
        ArrayNode checks = root.putArray("checks");
        ObjectNode coverage = root.putObject("coverage");
        for (VariantRun run : r.runs()) {
            ArrayNode steps = coverage.putArray(run.id());
            StepCoverage.of(run).forEach(c -> steps.addObject().put("step", c.action())
                    .put("fired", c.fired()).put("newStates", c.newStates()));
        }
        for (VariantRun run : r.runs()) {
            for (Result res : run.results()) {
                for (PropertyResult p : res.properties()) {
                    if (r.properties().contains(p.invariant())) {
                        checks.add(check(run, r, res, p));
                    }
                }
            }
            if (run.results().size() > 1
                    || !run.agreed().equals(run.results().get(0).properties())) {
                Result first = run.results().get(0);
                Result agreed = new Result("agreed", run.agreed(), first.statistics(), "");
                for (PropertyResult p : run.agreed()) {
                    if (r.properties().contains(p.invariant())) {
                        checks.add(check(run, r, agreed, p));
                    }
                }
            }
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON rendering failed: " + e.getMessage(), e);
        }
    }

    private static ObjectNode check(VariantRun run, Report r, Result res, PropertyResult p) {
        ObjectNode o = F.objectNode();
        o.put("variant", run.id());
        o.put("property", p.invariant());
        o.put("engine", res.engine());
        o.put("scope", r.scope().name());
        o.put("verdict", p.verdict().name());
        o.put("distinct", res.statistics().distinct());
        o.put("depth", res.statistics().depth());
        o.put("seconds", Math.round(res.statistics().seconds() * 1000) / 1000.0);
        p.boundedSteps().ifPresent(k -> o.put("noViolationWithinSteps", k));
        if (!p.message().isEmpty()) {
            o.put("message", p.message());
        }
        p.counterexample().ifPresent(t -> o.set("trace", trace(run.spec(), t)));
        return o;
    }

    /** A trace: the initial state, then each step's action, parameters and state. */
    public static ObjectNode trace(Spec spec, Trace t) {
        ObjectNode o = F.objectNode();
        o.put("length", t.length());
        o.set("initial", state(t.initial()));
        ArrayNode steps = o.putArray("steps");
        for (Trace.Step s : t.steps()) {
            ObjectNode step = steps.addObject();
            step.put("action", s.action().action());
            step.set("params", params(spec, s.action()));
            step.set("state", state(s.state()));
        }
        return o;
    }

    private static ObjectNode params(Spec spec, ActionInstance a) {
        ObjectNode o = F.objectNode();
        Action action = spec.action(a.action());
        for (int i = 0; i < a.args().size(); i++) {
            o.set(action.params().get(i).name(), value(a.args().get(i)));
        }
        return o;
    }

    private static ObjectNode state(State s) {
        ObjectNode o = F.objectNode();
        for (int i = 0; i < s.variables().size(); i++) {
            o.set(s.variables().get(i).name(), value(s.values().get(i)));
        }
        return o;
    }

    private static com.fasterxml.jackson.databind.JsonNode value(Value v) {
        if (v instanceof Value.Atom a) {
            if (a.sort() instanceof RangeSort) {
                return F.numberNode(a.intValue());
            }
            if (a.sort() == org.mpamcheck.spec.Sort.BOOL) {
                return F.booleanNode(a.index() == 1);
            }
            return F.textNode(a.label());
        }
        if (v instanceof Value.IntVal i) {
            return F.numberNode(i.value());
        }
        if (v instanceof Value.SetVal s) {
            ArrayNode arr = F.arrayNode();
            List<Value.Atom> elements = s.elements();
            elements.forEach(e -> arr.add(value(e)));
            return arr;
        }
        Value.FnVal f = (Value.FnVal) v;
        ObjectNode o = F.objectNode();
        for (int i = 0; i < f.values().size(); i++) {
            o.set(f.type().domain().label(i), value(f.apply(i)));
        }
        return o;
    }
}
