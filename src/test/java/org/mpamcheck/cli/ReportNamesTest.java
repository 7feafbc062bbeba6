package org.mpamcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One name for each thing: every report names a task by its PID (t0 is 101) and a CPU that runs
 * no task {@code idle}, as the register tables do; only the ITF trace, a trace of the exported
 * TLA+ module, keeps the spec's labels, and says in its {@code #meta} what the reports call them.
 */
class ReportNamesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A spec label of a task ({@code "t0"}) or of no task ({@code noTask}), quoted or not. */
    private static final Pattern SPEC_LABEL = Pattern.compile("\"t[0-9]+\"|\\bt[0-9]+\\b|noTask");

    private static JsonNode trace(CliRun r) throws Exception {
        assertEquals(1, r.code(), r.err());
        JsonNode checks = JSON.readTree(r.out()).get("checks");
        assertEquals(1, checks.size());
        return checks.get(0).get("trace");
    }

    private static void assertNoSpecLabel(String where, String text) {
        Matcher m = SPEC_LABEL.matcher(text);
        assertFalse(m.find(), () -> where + " names a value by its spec label: '" + m.group()
                + "' in ..." + text.substring(Math.max(0, m.start() - 120), m.end()) + "...");
    }

    private static String compact(JsonNode n) {
        return n.toString();
    }

    @Test
    void jsonNamesTasksByPidAndAnIdleCpuIdle() throws Exception {
        JsonNode t = trace(CliRun.of("explain", "--variant", "arm64-kernel-follows",
                "--property", "label-coherence", "--scope", "small", "--format", "json"));
        assertEquals("{\"101\":0}", compact(t.get("initial").get("taskPartid")));
        assertEquals("{\"cpu0\":\"idle\",\"cpu1\":\"idle\"}",
                compact(t.get("initial").get("running")));
        List<String> steps = new ArrayList<>();
        t.get("steps").forEach(s -> steps.add(s.get("action").asText() + compact(s.get("params"))));
        assertEquals(List.of("MkdirCtrl{\"x\":0}", "CpusAdd{\"p\":1,\"c\":\"cpu0\"}",
                "DeliverIpiIdle{\"c\":\"cpu0\"}", "CpuOffline{\"c\":\"cpu0\"}",
                "CpuOnline{\"c\":\"cpu0\"}"), steps);
        // the state the text report's last table shows: cpu0 idle, cpus group 0/0, arch default
        // 1/0, MPAM0_EL1 and MPAM1_EL1 1/0
        assertEquals("{\"ctrlState\":{\"0\":\"live\",\"1\":\"live\"},\"ctrlPmg\":{\"0\":0,\"1\":0},"
                + "\"limbo\":{\"0\":[],\"1\":[]},\"taskPartid\":{\"101\":0},\"taskPmg\":{\"101\":0},"
                + "\"online\":[\"cpu0\",\"cpu1\"],\"running\":{\"cpu0\":\"idle\",\"cpu1\":\"idle\"},"
                + "\"context\":{\"cpu0\":\"user\",\"cpu1\":\"user\"},"
                + "\"cpuGroupPartid\":{\"cpu0\":0,\"cpu1\":0},\"cpuGroupPmg\":{\"cpu0\":0,\"cpu1\":0},"
                + "\"cpuDefaultPartid\":{\"cpu0\":1,\"cpu1\":0},"
                + "\"cpuDefaultPmg\":{\"cpu0\":0,\"cpu1\":0},\"ipiPending\":[],"
                + "\"preemptedInKernel\":[],\"uncheckedMoves\":[],"
                + "\"mpam0Partid\":{\"cpu0\":1,\"cpu1\":0},\"mpam0Pmg\":{\"cpu0\":0,\"cpu1\":0},"
                + "\"mpam1Partid\":{\"cpu0\":1,\"cpu1\":0},\"mpam1Pmg\":{\"cpu0\":0,\"cpu1\":0},"
                + "\"offlines\":1}", compact(t.get("steps").get(4).get("state")));
    }

    @Test
    void aRunningTaskIsItsPidAndAFreeLockHasNoHolder() throws Exception {
        // ci: two tasks and a lock
        CliRun r = CliRun.of("explain", "--variant", "arm64-kernel-follows", "--property",
                "irq-isolation", "--scope", "ci", "--format", "json");
        JsonNode t = trace(r);
        assertNoSpecLabel("explain --format json", r.out());
        assertEquals("{\"t\":101,\"p\":1}", compact(t.get("steps").get(1).get("params")));
        assertEquals("cpu0: switch to task 101", t.get("steps").get(2).get("story").asText());
        assertEquals("{\"c\":\"cpu0\",\"t\":101}", compact(t.get("steps").get(2).get("params")));
        JsonNode last = t.get("steps").get(3).get("state");
        assertEquals("{\"cpu0\":101,\"cpu1\":\"idle\"}", compact(last.get("running")));
        assertEquals("{\"101\":1,\"102\":0}", compact(last.get("taskPartid")));
        assertEquals("[101]", compact(last.get("uncheckedMoves")));
        assertEquals("{\"lock0\":\"none\"}", compact(last.get("lockHolder")));
        assertEquals("{\"lock0\":[]}", compact(last.get("lockWaiters")));
    }

    @Test
    void noReportOfTheMatrixUsesASpecLabel() throws Exception {
        CliRun json = CliRun.of("check", "--engine", "native", "--scope", "small", "--format",
                "json");
        assertEquals(1, json.code(), json.err());
        int traces = 0;
        for (JsonNode c : JSON.readTree(json.out()).get("checks")) {
            traces += c.has("trace") ? 1 : 0;
        }
        assertEquals(63, traces, "every counterexample of the small matrix is read");
        assertNoSpecLabel("check --format json", json.out());
        for (String format : List.of("text", "markdown", "junit")) {
            CliRun r = CliRun.of("check", "--engine", "native", "--scope", "small", "--format",
                    format);
            assertEquals(1, r.code(), r.err());
            assertTrue(r.out().contains("101"), format);
            assertNoSpecLabel("check --format " + format, r.out());
        }
    }

    @Test
    void theExplorerNamesActionsAndTheBrokenClausesElementsAsTheTablesDo(@TempDir Path dir)
            throws Exception {
        Path page = dir.resolve("trace.html");
        CliRun r = CliRun.of("explain", "--variant", "arm64-kernel-follows", "--property",
                "irq-isolation", "--scope", "small", "--format", "html", "--output",
                page.toString());
        assertEquals(1, r.code(), r.err());
        String html = Files.readString(page);
        int from = html.indexOf("application/json\">") + 18;
        JsonNode data = JSON.readTree(html.substring(from, html.indexOf("</script>", from)));
        assertNoSpecLabel("the explorer's data", data.toString());
        JsonNode trace = data.get("traces").get(0);
        List<String> actions = new ArrayList<>();
        trace.get("steps").forEach(s -> actions.add(s.get("action").asText()));
        assertEquals(List.of("init", "MkdirCtrl(0)", "MoveTask(101, 1)", "Switch(cpu0, 101)",
                "IrqEnter(cpu0)"), actions);
        assertEquals("[\"c = cpu0\",\"t = 101\"]", compact(trace.get("clause").get("bindings")));
    }

    @Test
    void itfKeepsTheSpecsLabelsAndSaysWhatTheReportsCallThem() throws Exception {
        CliRun r = CliRun.of("explain", "--variant", "arm64-kernel-follows", "--property",
                "irq-isolation", "--scope", "small", "--format", "itf");
        assertEquals(1, r.code(), r.err());
        JsonNode itf = JSON.readTree(r.out());
        assertEquals("{\"t0\":\"101\",\"noTask\":\"idle (running), none (a lock's holder)\"}",
                compact(itf.get("#meta").get("reportNames")));
        assertEquals("[[\"cpu0\",\"t0\"],[\"cpu1\",\"noTask\"]]",
                compact(itf.get("states").get(4).get("running").get("#map")));
        assertEquals("MoveTask(t0, 1)", itf.get("states").get(2).get("#meta").get("action")
                .asText(), "the action as the TLA+ module's trace has it");
    }
}
