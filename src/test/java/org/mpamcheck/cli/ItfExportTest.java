package org.mpamcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counterexamples in the Informal Trace Format (Apalache ADR-015) keep the format's rules: a
 * trace object with {@code vars} and {@code states}, every state holding exactly the vars, and
 * every value a boolean, string, integer ({@code #bigint} string), list, {@code #tup},
 * {@code #set}, {@code #map} of pairs, {@code #unserializable} or record. The matrix scope is
 * small unless {@code -Ditf.scope=ci} asks for the CI matrix.
 */
class ItfExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyCounterexampleOfTheMatrixExportsValidItf(@TempDir Path dir) throws Exception {
        String scope = System.getProperty("itf.scope", "small");
        CliRun json = CliRun.of("check", "--engine", "native", "--scope", scope, "--format",
                "json");
        assertEquals(1, json.code(), json.err());
        List<String> violated = new ArrayList<>();
        for (JsonNode c : JSON.readTree(json.out()).get("checks")) {
            if (c.get("verdict").asText().equals("VIOLATED")) {
                violated.add(ItfExport.fileName(c.get("variant").asText(),
                        c.get("property").asText()) + " " + c.get("trace").get("length"));
            }
        }
        assertFalse(violated.isEmpty());
        CliRun r = CliRun.of("check", "--engine", "native", "--scope", scope, "--format", "itf",
                "--output", dir.toString());
        assertEquals(1, r.code(), r.err());
        List<String> written = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                JsonNode trace = JSON.readTree(f.toFile());
                validTrace(trace, f.getFileName().toString());
                written.add(f.getFileName() + " " + (trace.get("states").size() - 1));
            }
        }
        assertEquals(violated.stream().sorted().toList(), written,
                "one file per counterexample, as long as the report's trace");
        assertTrue(r.err().contains("wrote " + violated.size() + " counterexample(s)"), r.err());
    }

    @Test
    void explainWritesOneTraceWithTheStoryInEachStatesMeta() throws Exception {
        CliRun r = CliRun.of("explain", "--variant", "arm64-kernel-follows", "--property",
                "irq-isolation", "--scope", "small", "--format", "itf");
        assertEquals(1, r.code(), r.err());
        JsonNode trace = JSON.readTree(r.out());
        validTrace(trace, "explain");
        JsonNode states = trace.get("states");
        assertEquals(5, states.size());
        assertEquals("IrqEnter(cpu0)", states.get(4).get("#meta").get("action").asText());
        assertEquals("cpu0: interrupt", states.get(4).get("#meta").get("story").asText());
        assertEquals("[[\"cpu0\",\"irqFromUser\"],[\"cpu1\",\"user\"]]",
                states.get(4).get("context").get("#map").toString());
        assertEquals("{\"#bigint\":\"1\"}", states.get(4).get("mpam1Partid").get("#map").get(0)
                .get(1).toString(), "cpu0 runs the interrupt under g1's PARTID");
    }

    @Test
    void theValidatorRejectsWhatTheFormatForbids() throws Exception {
        assertInvalid("{\"vars\":[\"x\"],\"states\":[{\"x\":{\"#bigint\":\"1.5\"}}]}");
        assertInvalid("{\"vars\":[\"x\"],\"states\":[{\"y\":true}]}");
        assertInvalid("{\"vars\":[\"x\"],\"states\":[{\"x\":{\"#map\":[[1]]}}]}");
        assertInvalid("{\"vars\":[\"x\"],\"states\":[{\"x\":{\"#set\":[true,true]}}]}");
        assertInvalid("{\"vars\":[\"x\"],\"states\":[{\"x\":null}]}");
        assertInvalid("{\"vars\":[\"x\"],\"states\":[{\"#meta\":{\"index\":1},\"x\":true}]}");
        validTrace(JSON.readTree("{\"vars\":[\"x\"],\"states\":[{\"#meta\":{\"index\":0},"
                + "\"x\":{\"#tup\":[{\"#bigint\":\"-3\"},\"a\",{\"f\":[]}]}}]}"), "valid");
    }

    private static void assertInvalid(String text) throws Exception {
        try {
            validTrace(JSON.readTree(text), "bad");
        } catch (AssertionError expected) {
            return;
        }
        fail("accepted an invalid ITF trace: " + text);
    }

    /** The rules of ADR-015 for a trace. */
    static void validTrace(JsonNode t, String where) {
        assertTrue(t.isObject(), where + ": a trace is an object");
        Set<String> allowed = Set.of("#meta", "params", "vars", "states", "loop");
        t.fieldNames().forEachRemaining(k -> assertTrue(allowed.contains(k), where + ": " + k));
        assertTrue(t.path("vars").isArray(), where + ": vars is an array");
        Set<String> vars = new HashSet<>();
        t.get("vars").forEach(v -> assertTrue(v.isTextual() && vars.add(v.asText()),
                where + ": vars are distinct names"));
        assertTrue(t.path("states").isArray() && t.get("states").size() > 0, where + ": states");
        if (t.has("#meta")) {
            assertTrue(t.get("#meta").isObject(), where + ": #meta is an object");
        }
        for (int i = 0; i < t.get("states").size(); i++) {
            JsonNode s = t.get("states").get(i);
            assertTrue(s.isObject(), where + ": a state is an object");
            Set<String> keys = new HashSet<>();
            s.fieldNames().forEachRemaining(keys::add);
            if (keys.remove("#meta") && s.get("#meta").has("index")) {
                assertEquals(i, s.get("#meta").get("index").asInt(), where + ": state index");
            }
            assertEquals(vars, keys, where + ": state " + i + " holds exactly the vars");
            for (String v : vars) {
                validValue(s.get(v), where + " state " + i + " " + v);
            }
        }
    }

    private static void validValue(JsonNode v, String where) {
        if (v.isBoolean() || v.isTextual() || v.isIntegralNumber()) {
            return;
        }
        if (v.isArray()) {
            v.forEach(e -> validValue(e, where));
            return;
        }
        assertTrue(v.isObject(), where + ": not an ITF value: " + v);
        if (v.has("#bigint")) {
            assertEquals(1, v.size(), where);
            assertTrue(v.get("#bigint").isTextual()
                    && v.get("#bigint").asText().matches("-?[0-9]+"), where + ": " + v);
        } else if (v.has("#tup")) {
            assertTrue(v.size() == 1 && v.get("#tup").isArray(), where);
            v.get("#tup").forEach(e -> validValue(e, where));
        } else if (v.has("#set")) {
            assertTrue(v.size() == 1 && v.get("#set").isArray(), where);
            Set<JsonNode> seen = new HashSet<>();
            v.get("#set").forEach(e -> {
                validValue(e, where);
                assertTrue(seen.add(e), where + ": a set repeats " + e);
            });
        } else if (v.has("#map")) {
            assertTrue(v.size() == 1 && v.get("#map").isArray(), where);
            Set<JsonNode> keys = new HashSet<>();
            for (JsonNode pair : v.get("#map")) {
                assertTrue(pair.isArray() && pair.size() == 2, where + ": a map entry is a pair");
                validValue(pair.get(0), where);
                validValue(pair.get(1), where);
                assertTrue(keys.add(pair.get(0)), where + ": a map repeats key " + pair.get(0));
            }
        } else if (v.has("#unserializable")) {
            assertTrue(v.size() == 1 && v.get("#unserializable").isTextual(), where);
        } else {
            Iterator<String> fields = v.fieldNames();
            while (fields.hasNext()) {
                String f = fields.next();
                assertFalse(f.startsWith("#"), where + ": unknown tag " + f);
                validValue(v.get(f), where);
            }
        }
    }
}
