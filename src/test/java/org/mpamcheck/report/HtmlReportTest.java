package org.mpamcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Result;
import org.mpamcheck.check.Statistics;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.Properties;
import org.mpamcheck.model.ResctrlModel;
import org.mpamcheck.model.Scope;
import org.mpamcheck.model.Variants;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.Trace;

/** The explorer's page holds every verdict, and only its own data and code. */
class HtmlReportTest {

    private static final Provenance WHEN = new Provenance("mpamcheck test",
            Instant.parse("2026-01-02T03:04:05.678Z"));

    @Test
    void everyVerdictGetsItsOwnCellAndOnlyViolationsATrace() throws Exception {
        KernelModePolicy policy = Variants.byId("x86-rdt");
        Scope scope = Scope.parse("small");
        List<String> ids = List.copyOf(Properties.DESCRIPTIONS.keySet()).subList(0, 5);
        Spec spec = ResctrlModel.withProperties(ResctrlModel.spec(policy, scope), ids);
        Trace noSteps = new Trace(spec.initialState(), List.of());
        List<PropertyResult> verdicts = List.of(PropertyResult.holds(ids.get(0)),
                new PropertyResult(ids.get(1), Verdict.VACUOUS, Optional.empty(), ""),
                PropertyResult.violated(ids.get(2), noSteps),
                PropertyResult.incomplete(ids.get(3), "time limit after 10 s"),
                PropertyResult.error(ids.get(4), "engines disagree"));
        Result result = new Result("native", verdicts, Statistics.ofSearch(1, 1, 0, 0.1), "");
        Report r = new Report(scope, List.of("native"), ids,
                List.of(new VariantRun(policy, spec, List.of(result), verdicts)));
        String html = HtmlReport.render(r, WHEN);
        String json = html.substring(html.indexOf("application/json\">") + 18,
                html.indexOf("</script>", html.indexOf("application/json")));
        JsonNode data = new ObjectMapper().readTree(json);
        assertEquals(Provenance.SCHEMA_VERSION, data.get("schemaVersion").asInt());
        assertEquals("2026-01-02T03:04:05Z", data.get("generated").asText());
        List<String> cells = new ArrayList<>();
        for (JsonNode c : data.get("variants").get(0).get("cells")) {
            cells.add(c.get("verdict").asText() + " " + c.get("label").asText()
                    + (c.has("trace") ? " trace " + c.get("trace").asInt() : ""));
        }
        assertEquals(List.of("HOLDS holds", "VACUOUS vacuous", "VIOLATED viol 0 trace 0",
                "INCOMPLETE INCOMPLETE", "ERROR ERROR"), cells);
        assertEquals(1, data.get("traces").size());
        for (Verdict v : Verdict.values()) {
            assertTrue(html.contains(".v-" + v.name() + " {"), "a colour for " + v);
        }
        assertFalse(json.contains("<"), "nothing in the data can close its script element");
    }
}
