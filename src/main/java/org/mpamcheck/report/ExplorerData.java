package org.mpamcheck.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.model.Properties;
import org.mpamcheck.model.TraceNarrator;
import org.mpamcheck.model.ValueNames;
import org.mpamcheck.spec.State;
import org.mpamcheck.spec.Trace;

/**
 * What the HTML explorer shows, as one JSON object: the matrix (every agreed verdict), and for
 * every violated cell its trace as narrated steps, each with the state's tables, the violated
 * clause at the last step, and the mailing-list text of the whole story.
 */
final class ExplorerData {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ExplorerData() {
    }

    static ObjectNode of(Report r, String title, Provenance provenance) {
        ObjectNode root = F.objectNode();
        root.put("schemaVersion", Provenance.SCHEMA_VERSION);
        root.put("tool", provenance.toolVersion());
        root.put("generated", provenance.generated().toString());
        root.put("title", title);
        root.put("scope", r.scope().name());
        root.put("bounds", r.scope().bounds());
        root.put("engines", String.join("+", r.engines()));
        root.put("overall", r.overall().name());
        ArrayNode properties = root.putArray("properties");
        for (String p : r.properties()) {
            properties.addObject().put("id", p).put("number", TextReport.number(p))
                    .put("description", Properties.description(p));
        }
        root.set("runs", JsonReport.runs(r));
        ArrayNode variants = root.putArray("variants");
        ArrayNode traces = root.putArray("traces");
        for (VariantRun run : r.runs()) {
            ObjectNode v = variants.addObject().put("id", run.id())
                    .put("description", run.policy().description());
            ArrayNode cells = v.putArray("cells");
            for (String p : r.properties()) {
                ObjectNode cell = cells.addObject().put("property", p);
                run.agreed(p).ifPresentOrElse(res -> {
                    cell.put("verdict", res.verdict().name()).put("label", TextReport.cell(res))
                            .put("message", res.message());
                    if (res.verdict() == Verdict.VIOLATED) {
                        cell.put("trace", traces.size());
                        traces.add(trace(run, res, r));
                    }
                }, () -> cell.put("verdict", "NONE").put("label", "-").put("message", ""));
            }
        }
        return root;
    }

    private static ObjectNode trace(VariantRun run, PropertyResult p, Report r) {
        Trace t = p.counterexample().orElseThrow();
        TraceNarrator narrator = new TraceNarrator(run.policy(), r.scope());
        ValueNames names = ValueNames.of(run.policy(), r.scope());
        ObjectNode o = F.objectNode();
        o.put("variant", run.id()).put("property", p.invariant()).put("length", t.length());
        o.put("text", TextReport.counterexample(run, p, r.scope(), true) + "(scope "
                + r.scope().name() + ": " + r.scope().bounds() + "; engine "
                + String.join("+", r.engines()) + ")\n");
        ArrayNode steps = o.putArray("steps");
        steps.add(step(0, "mount: every task and CPU in the default group", "init",
                narrator.table(t.initial())));
        State before = t.initial();
        for (Trace.Step s : t.steps()) {
            steps.add(step(steps.size(), narrator.command(s.action(), before, s.state()),
                    names.action(s.action()), narrator.table(s.state())));
            before = s.state();
        }
        State previous = t.steps().size() > 1 ? t.steps().get(t.steps().size() - 2).state()
                : t.initial();
        o.set("clause", clause(ViolatedClause.of(run.spec(), p.invariant(), previous, t.last(),
                names)));
        return o;
    }

    private static ObjectNode step(int n, String command, String action, String narrated) {
        ObjectNode o = F.objectNode().put("n", n).put("command", command.strip())
                .put("action", action);
        NarratedState state = NarratedState.parse(narrated);
        ArrayNode tables = o.putArray("tables");
        for (NarratedState.Grid g : state.tables()) {
            ObjectNode table = tables.addObject();
            table.set("header", strings(g.header()));
            ArrayNode rows = table.putArray("rows");
            g.rows().forEach(row -> rows.add(strings(row)));
        }
        o.set("notes", strings(state.notes()));
        return o;
    }

    private static ObjectNode clause(ViolatedClause c) {
        ObjectNode o = F.objectNode().put("expression", c.expression());
        o.set("bindings", strings(c.bindings()));
        o.set("premises", strings(c.premises()));
        o.set("broken", strings(c.broken()));
        ArrayNode readings = o.putArray("readings");
        for (ViolatedClause.Reading x : c.readings()) {
            readings.addObject().put("term", x.term()).put("value", x.value())
                    .put("changed", x.changedByLastStep());
        }
        return o;
    }

    private static ArrayNode strings(List<String> list) {
        ArrayNode a = F.arrayNode();
        list.forEach(a::add);
        return a;
    }
}
