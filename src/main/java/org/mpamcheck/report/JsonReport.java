package org.mpamcheck.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.mpamcheck.check.ActionCoverage;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Result;
import org.mpamcheck.model.Properties;
import org.mpamcheck.model.TraceNarrator;
import org.mpamcheck.model.ValueNames;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.ActionInstance;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.State;
import org.mpamcheck.spec.Trace;

/**
 * The machine-readable report: the schema version, the tool's version and a timestamp, the
 * properties with their descriptions, and a top-level {@code checks} array with one object per
 * variant, property and engine (the engines' agreed verdict under engine {@code agreed}), each
 * trace as action instances with named parameters, the step told in resctrl terms
 * ({@code story}), and states as domain values.
 * {@code counts} holds the number of cells (variant x property, agreed verdict) per verdict,
 * the figures the text report's last line gives.
 */
public final class JsonReport {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonReport() {
    }

    public static String render(Report r, Provenance provenance) {
        return write(tree(r, provenance));
    }

    /**
     * {@code compare}: the report, plus the properties on which the variants' verdicts differ
     * (each with the counterexamples in its checks).
     */
    public static String compare(Report r, Provenance provenance, List<String> separating) {
        ObjectNode root = tree(r, provenance);
        root.put("command", "compare");
        ArrayNode differ = root.putArray("differ");
        separating.forEach(differ::add);
        return write(root);
    }

    /** The report as a tree, for documents that extend it ({@code compare}). */
    static ObjectNode tree(Report r, Provenance provenance) {
        ObjectNode root = header(provenance);
        root.put("scope", r.scope().name());
        root.put("bounds", r.scope().bounds());
        ArrayNode engines = root.putArray("engines");
        r.engines().forEach(engines::add);
        root.put("overall", r.overall().name());
        ObjectNode counts = root.putObject("counts");
        r.counts().forEach((verdict, n) -> counts.put(verdict.name(), n));
        ArrayNode properties = root.putArray("properties");
        for (String p : r.properties()) {
            properties.addObject().put("id", p).put("description", Properties.description(p));
        }
        root.set("runs", runs(r));
        ArrayNode checks = root.putArray("checks");
        for (VariantRun run : r.runs()) {
            if (run.results().size() == 1) {
                // one engine: its rows carry the verdict as settled (VACUOUS included)
                for (PropertyResult p : run.agreed()) {
                    if (r.properties().contains(p.invariant())) {
                        checks.add(check(run, r, run.results().get(0), p));
                    }
                }
                continue;
            }
            for (Result res : run.results()) {
                for (PropertyResult p : res.properties()) {
                    if (r.properties().contains(p.invariant())) {
                        checks.add(check(run, r, res, p));
                    }
                }
            }
            {
                Result first = run.results().get(0);
                Result agreed = new Result("agreed", run.agreed(), first.statistics(), "");
                for (PropertyResult p : run.agreed()) {
                    if (r.properties().contains(p.invariant())) {
                        checks.add(check(run, r, agreed, p));
                    }
                }
            }
        }
        return root;
    }

    /**
     * What each engine covered per variant: states, depth, time, its note, and per action how
     * often it fired and how many new states it found (empty for engines that do not count).
     */
    static ArrayNode runs(Report r) {
        ArrayNode runs = F.arrayNode();
        for (VariantRun run : r.runs()) {
            for (Result res : run.results()) {
                ObjectNode o = runs.addObject();
                o.put("variant", run.id()).put("engine", res.engine())
                        .put("distinct", res.statistics().distinct())
                        .put("depth", res.statistics().depth())
                        .put("seconds", Math.round(res.statistics().seconds() * 1000) / 1000.0)
                        .put("note", res.note());
                ArrayNode coverage = o.putArray("coverage");
                for (ActionCoverage c : res.coverage()) {
                    coverage.addObject().put("action", c.action()).put("fired", c.fired())
                            .put("newStates", c.newStates());
                }
            }
        }
        return runs;
    }

    /** What every JSON document starts with: the layout's version, the tool, the time. */
    static ObjectNode header(Provenance provenance) {
        ObjectNode root = F.objectNode();
        root.put("schemaVersion", Provenance.SCHEMA_VERSION);
        root.put("tool", "mpamcheck");
        root.put("toolVersion", provenance.toolVersion());
        root.put("generated", provenance.generated().toString());
        return root;
    }

    static String write(ObjectNode root) {
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
        o.put("description", Properties.description(p.invariant()));
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
        p.counterexample().ifPresent(t -> o.set("trace", trace(run.spec(), t,
                new TraceNarrator(run.policy(), r.scope()),
                ValueNames.of(run.policy(), r.scope()))));
        return o;
    }

    /**
     * A trace: the initial state, then each step's action, parameters, story and state; values
     * named as the register tables name them ({@link ValueNames}).
     */
    public static ObjectNode trace(Spec spec, Trace t, TraceNarrator narrator, ValueNames names) {
        ValueJson json = ValueJson.report(names);
        ObjectNode o = F.objectNode();
        o.put("length", t.length());
        o.set("initial", json.state(t.initial(), F.objectNode()));
        ArrayNode steps = o.putArray("steps");
        State before = t.initial();
        for (Trace.Step s : t.steps()) {
            ObjectNode step = steps.addObject();
            step.put("action", s.action().action());
            step.set("params", params(spec, s.action(), json));
            step.put("story", narrator.command(s.action(), before, s.state()).strip());
            step.set("state", json.state(s.state(), F.objectNode()));
            before = s.state();
        }
        return o;
    }

    private static ObjectNode params(Spec spec, ActionInstance a, ValueJson json) {
        ObjectNode o = F.objectNode();
        Action action = spec.action(a.action());
        for (int i = 0; i < a.args().size(); i++) {
            o.set(action.params().get(i).name(), json.of(a.args().get(i), ""));
        }
        return o;
    }
}
