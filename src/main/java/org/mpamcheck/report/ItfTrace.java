package org.mpamcheck.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.model.Scope;
import org.mpamcheck.model.TraceNarrator;
import org.mpamcheck.model.ValueNames;
import org.mpamcheck.spec.State;
import org.mpamcheck.spec.Trace;

/**
 * A counterexample in the Informal Trace Format of Apalache and Quint (ADR-015, files named
 * {@code .itf.json}): {@code #meta}, {@code vars}, and one object per state. Integers are
 * {@code {"#bigint": "n"}} (what Quint writes, readable by every ITF consumer), sets
 * {@code #set}, functions {@code #map} of [argument, value] pairs, booleans JSON booleans, and
 * the elements of other sorts strings, all as the exported TLA+ module has them
 * ({@link ValueJson}). Each state's {@code #meta} names the action that led to it and tells it in
 * resctrl terms; the trace's {@code #meta} {@code reportNames} gives the names the other reports
 * use for the values they rename ({@code t0 -> 101}).
 */
public final class ItfTrace {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ItfTrace() {
    }

    public static String render(VariantRun run, PropertyResult p, Scope scope,
            Provenance provenance) {
        Trace t = p.counterexample().orElseThrow();
        ObjectNode root = F.objectNode();
        ObjectNode meta = root.putObject("#meta");
        meta.put("format", "ITF");
        meta.put("format-description", "https://apalache-mc.org/docs/adr/015adr-trace.html");
        meta.put("source", run.spec().name());
        meta.put("description", run.id() + " violates " + p.invariant() + " in " + t.length()
                + " steps at scope " + scope.name() + " (" + scope.bounds() + ")");
        meta.put("variant", run.id());
        meta.put("property", p.invariant());
        meta.put("status", "violation");
        meta.put("tool", provenance.toolVersion());
        meta.put("schemaVersion", Provenance.SCHEMA_VERSION);
        meta.put("timestamp", provenance.generated().toEpochMilli());
        ObjectNode names = meta.putObject("reportNames");
        ValueNames.of(run.policy(), scope).renamed().forEach(names::put);
        ArrayNode vars = root.putArray("vars");
        t.initial().variables().forEach(v -> vars.add(v.name()));
        ArrayNode states = root.putArray("states");
        TraceNarrator narrator = new TraceNarrator(run.policy(), scope);
        states.add(state(0, t.initial(), "Init", "mount: every task and CPU in the default group"));
        State before = t.initial();
        for (Trace.Step s : t.steps()) {
            states.add(state(states.size(), s.state(), s.action().toString(),
                    narrator.command(s.action(), before, s.state()).strip()));
            before = s.state();
        }
        return JsonReport.write(root);
    }

    private static ObjectNode state(int index, State s, String action, String story) {
        ObjectNode o = F.objectNode();
        o.putObject("#meta").put("index", index).put("action", action).put("story", story);
        return ValueJson.itf().state(s, o);
    }
}
