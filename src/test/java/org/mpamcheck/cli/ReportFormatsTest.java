package org.mpamcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpamcheck.report.Provenance;

/**
 * The machine-readable formats of every command: JSON documents carry the schema version, the
 * tool's version, a timestamp and the property descriptions, traces tell each step; the HTML
 * explorer is one self-contained file.
 */
class ReportFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(CliRun r, int code) throws Exception {
        assertEquals(code, r.code(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals(Provenance.SCHEMA_VERSION, root.get("schemaVersion").asInt());
        assertEquals(Cli.VERSION, root.get("toolVersion").asText());
        Instant.parse(root.get("generated").asText());
        return root;
    }

    @Test
    void checkJsonTellsEachStepAndDescribesEachProperty() throws Exception {
        JsonNode root = json(CliRun.of("check", "--engine", "native", "--scope", "small",
                "--variant", "arm64-kernel-follows", "--format", "json"), 1);
        assertEquals(10, root.get("properties").size());
        assertEquals(org.mpamcheck.model.Properties.DESCRIPTIONS.get("irq-isolation"),
                root.get("properties").get(6).get("description").asText());
        assertEquals(1, root.get("runs").size(), "one variant, one engine");
        assertEquals(root.get("checks").get(0).get("distinct"),
                root.get("runs").get(0).get("distinct"));
        assertTrue(root.get("runs").get(0).get("coverage").isArray());
        JsonNode irq = root.get("checks").get(6);
        assertEquals("irq-isolation", irq.get("property").asText());
        assertEquals(root.get("properties").get(6).get("description"), irq.get("description"));
        List<String> story = new ArrayList<>();
        irq.get("trace").get("steps").forEach(s -> story.add(s.get("story").asText()));
        assertEquals(List.of("mkdir /sys/fs/resctrl/g1   (PARTID 1, PMG 0)",
                "echo 101 > /sys/fs/resctrl/g1/tasks", "cpu0: switch to task 101",
                "cpu0: interrupt"), story);
    }

    @Test
    void listJsonNamesEveryId() throws Exception {
        JsonNode root = json(CliRun.of("list", "--format", "json"), 0);
        assertEquals(11, root.get("variants").size());
        assertEquals(10, root.get("properties").size());
        assertEquals("arm64-kernel-default", root.get("variants").get(0).get("id").asText());
        List<String> engines = new ArrayList<>();
        root.get("engines").forEach(e -> engines.add(e.get("id").asText()));
        assertEquals(List.of("native", "tlc", "alloy"), engines);
        assertTrue(root.get("scopes").get(0).get("bounds").asText().startsWith("cpus="));
    }

    @Test
    void compareJsonNamesThePropertiesThatSeparateTheVariants() throws Exception {
        JsonNode root = json(CliRun.of("compare", "--variant", "arm64-kernel-default",
                "--variant", "arm64-kernel-follows", "--scope", "small", "--format", "json"), 1);
        List<String> differ = new ArrayList<>();
        root.get("differ").forEach(d -> differ.add(d.asText()));
        // MODEL.md anchors 3 and 4: the two policies are each other's reverse (at small no
        // task waits for a lock, and both break no-user-bypass, through the arm64 hotplug bug)
        assertEquals(List.of("irq-isolation", "stable-kernel-label", "all-partids-usable"),
                differ);
        assertEquals(20, root.get("checks").size());
    }

    @Test
    void explainAndCompareWriteTheExplorerToAFile(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("trace.html");
        CliRun r = CliRun.of("explain", "--variant", "x86-plza", "--property",
                "no-user-bypass", "--scope", "small", "--format", "html", "--output",
                trace.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals("mpamcheck: wrote " + trace + " (VIOLATED)\n", r.err());
        assertEquals("", r.out());
        String html = Files.readString(trace);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertFalse(html.contains("@DATA@") || html.contains("@TITLE@"));
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "no external resources");
        assertTrue(html.contains("default-src 'none'"), "a policy that forbids requests");
        Path compare = dir.resolve("compare.html");
        CliRun c = CliRun.of("compare", "--variant", "arm64-kernel-default,arm64-kernel-follows",
                "--scope", "small", "--format", "html", "--output", compare.toString());
        assertEquals(1, c.code(), c.err());
        String page = Files.readString(compare);
        // the page opens on a trace of the first property that separates them (irq-isolation)
        assertTrue(page.matches("(?s).*\"open\":[0-9]+.*"), "the page opens on a trace");
        assertTrue(page.contains("irq-isolation"));
    }

    @Test
    void explainOfAHoldingPropertyWritesNoItf() {
        CliRun r = CliRun.of("explain", "--variant", "arm64-kernel-follows", "--property",
                "stable-kernel-label", "--scope", "small", "--format", "itf");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals("mpamcheck explain: arm64-kernel-follows / stable-kernel-label is HOLDS: no "
                + "counterexample, no ITF trace written\n", r.err());
    }

    @Test
    void itfNeedsAnExistingDirectory(@TempDir Path dir) {
        CliRun r = CliRun.of("check", "--scope", "small", "--format", "itf");
        assertEquals(2, r.code());
        assertEquals("mpamcheck check: --format itf writes one file per counterexample: it needs"
                + " --output DIR (an existing directory)\n", r.err());
        CliRun f = CliRun.of("check", "--scope", "small", "--format", "itf", "--output",
                dir.resolve("nowhere").toString());
        assertEquals(2, f.code());
        assertTrue(f.err().endsWith("--format itf needs an existing, writable directory\n"));
    }

    @Test
    void proveJsonGivesEachPropertysStatus() throws Exception {
        JsonNode root = json(CliRun.of("prove", "--variant", "x86-rdt", "--scope", "small",
                "--format", "json"), 0);
        JsonNode v = root.get("variants").get(0);
        assertEquals("x86-rdt", v.get("variant").asText());
        assertEquals("PROVED", v.get("properties").get("label-coherence").asText());
        assertEquals("VIOLATED", v.get("properties").get("irq-isolation").asText());
        v.get("lemmas").forEach(l -> assertEquals("PROVED", l.get("status").asText(),
                l.get("id").asText()));
    }
}
