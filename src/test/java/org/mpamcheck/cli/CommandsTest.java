package org.mpamcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpamcheck.Golden;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every command end to end, in process, with exact exit codes and outputs. */
class CommandsTest {

    private static final String[] SMALL_NATIVE =
            {"--engine", "native", "--scope", "small", "--workers", "2"};

    private static String[] args(String command, String... rest) {
        String[] all = new String[rest.length + SMALL_NATIVE.length + 1];
        all[0] = command;
        System.arraycopy(rest, 0, all, 1, rest.length);
        System.arraycopy(SMALL_NATIVE, 0, all, rest.length + 1, SMALL_NATIVE.length);
        return all;
    }

    /** Seconds and rates differ from run to run; everything else is pinned. */
    private static String withoutTimings(String text) {
        return text.replaceAll("(?m)^(\\S+ +(native|tlc|alloy) +[\\d,]+ +\\d+ +)\\S+ +\\S+ +",
                "$1<s> <rate> ");
    }

    @Test
    void listNamesEveryId() throws Exception {
        CliRun r = CliRun.of("list");
        assertEquals(0, r.code());
        Golden.compare("cli/list.txt", r.out());
    }

    @Test
    void theTextReportIsPinnedExceptForTimings() throws Exception {
        CliRun r = CliRun.of(args("check"));
        assertEquals(1, r.code(), r.err());
        Golden.compare("cli/check-small-native.txt", withoutTimings(r.out()));
    }

    @Test
    void explainTellsACounterexampleInFullAndExitsOne() throws Exception {
        CliRun r = CliRun.of(args("explain", "--variant", "arm64-kernel-follows", "--property",
                "irq-isolation"));
        assertEquals(1, r.code(), r.err());
        Golden.compare("cli/explain-follows-irq.txt", r.out());
    }

    @Test
    void explainOfAHoldingPropertyExitsZero() {
        CliRun r = CliRun.of(args("explain", "--variant", "x86-rdt", "--property",
                "label-coherence"));
        assertEquals(0, r.code(), r.err());
        assertEquals("x86-rdt / label-coherence: HOLDS\n"
                + "  Once updates are delivered, each CPU runs with the label resctrl assigned to"
                + " its task.\n(scope small: cpus=2 tasks=1 groups=1 monitors=0 partids=2 pmgs=2"
                + " locks=0 hotplug=1; engine native, 1,928 distinct states)\n", r.out());
    }

    @Test
    void holdingPropertiesExitZero() {
        // the bookkeeping holds on x86 (arm64 hotplug breaks it: docs/findings)
        CliRun r = CliRun.of(args("check", "--variant", "x86-rdt,x86-plza/unbound", "--property",
                "partid-exclusive,label-coherence"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().endsWith("4 hold, 0 vacuous, 0 violated, 0 incomplete, 0 errors: "
                + "HOLDS\n"),
                r.out());
    }

    @Test
    void compareShowsWhatSeparatesTwoVariants() throws Exception {
        CliRun r = CliRun.of(args("compare", "--variant", "arm64-kernel-default", "--variant",
                "arm64-kernel-follows"));
        assertEquals(1, r.code(), r.err());
        Golden.compare("cli/compare-default-follows.txt", r.out());
    }

    @Test
    void jsonHasOneCheckPerVariantPropertyAndEngine() throws Exception {
        CliRun r = CliRun.of(args("check", "--format", "json"));
        assertEquals(1, r.code());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("small", root.get("scope").asText());
        assertEquals("VIOLATED", root.get("overall").asText());
        JsonNode checks = root.get("checks");
        assertEquals(110, checks.size());
        int violated = 0;
        for (JsonNode c : checks) {
            assertEquals("native", c.get("engine").asText());
            if (c.get("verdict").asText().equals("VIOLATED")) {
                violated++;
                JsonNode trace = c.get("trace");
                assertEquals(trace.get("length").asInt(), trace.get("steps").size());
                assertTrue(trace.get("initial").has("ctrlState"));
            }
        }
        assertEquals(63, violated);
        JsonNode first = checks.get(4);
        assertEquals("arm64-kernel-default", first.get("variant").asText());
        assertEquals("no-user-bypass", first.get("property").asText());
        JsonNode step = first.get("trace").get("steps").get(1);
        assertEquals("CpusAdd", step.get("action").asText());
        assertEquals("cpu0", step.get("params").get("c").asText());
        assertEquals(1, step.get("params").get("p").asInt());
        assertEquals(1, step.get("state").get("cpuGroupPartid").get("cpu0").asInt());
    }

    @Test
    void junitLoadsWithOneTestcasePerCheck() throws Exception {
        CliRun r = CliRun.of(args("check", "--format", "junit"));
        assertEquals(1, r.code());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("110", suite.getAttribute("tests"));
        assertEquals("63", suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("errors"));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(110, cases.getLength());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            names.add(c.getAttribute("classname") + "." + c.getAttribute("name"));
        }
        assertEquals(110, names.size());
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertEquals("arm64-kernel-default violates partid-exclusive in 7 steps",
                failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains(
                "echo 0 > /sys/devices/system/cpu/cpu0/online"));
    }

    @Test
    void markdownIsTheSameReportForReviewThreads() {
        CliRun r = CliRun.of(args("check", "--format", "markdown", "--variant", "x86-rdt"));
        assertEquals(1, r.code());
        assertTrue(r.out().startsWith("## mpamcheck: scope `small`"), r.out());
        assertTrue(r.out().contains("| `x86-rdt` | holds | holds | holds | holds | holds | vacuous"
                + " | viol 4 | holds | holds |"), r.out());
        assertTrue(r.out().contains("### `x86-rdt` violates `irq-isolation`"), r.out());
    }

    @Test
    void outputGoesToTheFileWhole(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.json");
        CliRun r = CliRun.of(args("check", "--format", "json", "--output", file.toString()));
        assertEquals(1, r.code());
        assertEquals("", r.out());
        assertEquals(110, new ObjectMapper().readTree(file.toFile()).get("checks").size());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aTimeoutTooShortForTheScopeIsIncompleteAndExitsThree() {
        CliRun r = CliRun.of("check", "--engine", "native", "--scope", "deep", "--variant",
                "arm64-kernel-default", "--timeout", "0.2");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.out().contains("INCOMPLETE"), r.out());
        assertTrue(r.out().contains("stopped by the 0 s time limit after"), r.out());
        assertTrue(r.out().endsWith(": INCOMPLETE\n"), r.out());
    }

    @Test
    void exportWritesEveryVariantsModules(@TempDir Path dir) throws Exception {
        // --output alone: the proofs go under it too, nothing into ./proofs
        CliRun r = CliRun.of("export", "--output", dir.toString(), "--scope", "small");
        assertEquals(0, r.code(), r.err());
        assertEquals("wrote 33 files to " + dir + " and 11 to " + dir.resolve("proofs")
                + " (scope small: cpus=2 tasks=1 groups=1 monitors=0 partids=2 pmgs=2 locks=0"
                + " hotplug=1)\n",
                r.out());
        try (var files = Files.list(dir)) {
            assertEquals(34, files.count());
        }
        try (var files = Files.list(dir.resolve("proofs"))) {
            assertEquals(11, files.count());
        }
        assertTrue(Files.readString(dir.resolve("Arm64KernelFollows.tla"))
                .contains("MODULE Arm64KernelFollows"));
    }

    @Test
    void versionAndHelp() {
        assertEquals(new CliRun(0, Cli.VERSION + "\n", ""), CliRun.of("--version"));
        CliRun help = CliRun.of("check", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--variant <IDS>"), help.out());
        assertTrue(CliRun.of("--help").out().contains("exit codes: 0 all hold"));
    }
}
