package org.mpamcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML explorer in a real browser: headless Chromium loads the file mpamcheck wrote, the
 * test steps through the counterexample with key presses and reads the DOM (step counter,
 * highlighted cells, the violated clause), saves screenshots under target/explorer/, and fails
 * if the page requests anything but itself or raises a script error.
 */
class ExplorerBrowserTest {

    private static final Path SHOTS = Path.of("target", "explorer");
    private static final String CHANGED = "JSON.stringify(Array.from(document.querySelectorAll("
            + "'.pane:first-child td.changed')).map(td => td.closest('tr').dataset.row + ':'"
            + " + td.dataset.column))";

    @Test
    void explainStepsThroughTheTraceWithTheKeyboard(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("trace.html");
        CliRun r = CliRun.of("explain", "--variant", "arm64-kernel-follows", "--property",
                "irq-isolation", "--scope", "small", "--format", "html", "--output",
                page.toString());
        assertEquals(1, r.code(), r.err());
        try (HeadlessChromium browser = HeadlessChromium.launch(dir.resolve("profile"), 1200,
                760)) {
            browser.open(page);
            assertEquals("step 0 / 4", text(browser, "#step-counter"));
            assertEquals("[]", browser.eval(CHANGED).asText(), "nothing changed at step 0");
            press(browser, "ArrowRight", 3);
            assertEquals("step 3 / 4", text(browser, "#step-counter"));
            assertEquals("cpu0: switch to task 101", browser.eval("document.querySelector("
                    + "'.steps li.current').lastChild.textContent").asText());
            // the context switch loads both label registers from task 101 (g1: PARTID 1)
            assertEquals("[\"cpu0:task\",\"cpu0:MPAM0_EL1\",\"cpu0:MPAM1_EL1\"]",
                    browser.eval(CHANGED).asText());
            browser.press("End", 35);
            assertEquals("step 4 / 4", text(browser, "#step-counter"));
            assertEquals("[\"cpu0:context\"]", browser.eval(CHANGED).asText());
            assertEquals("#trace=0&step=4", browser.eval("location.hash").asText(),
                    "the address links to this step");
            assertEquals("Violated here: irq-isolation", text(browser, ".clause h3"));
            assertEquals("c = cpu0, t = 101", text(browser, ".clause .bindings"));
            assertEquals("[\"context[c]\"]", browser.eval("JSON.stringify(Array.from("
                    + "document.querySelectorAll('.readings tr.changed td:first-child'))"
                    + ".map(td => td.textContent))").asText(),
                    "the interrupt changed the context the clause reads, nothing else");
            browser.screenshot(SHOTS.resolve("explain.png"));
            browser.press("ArrowRight", 39);
            assertEquals("step 4 / 4", text(browser, "#step-counter"), "End stays at the end");
            browser.press("Home", 36);
            assertEquals("step 0 / 4", text(browser, "#step-counter"));
            browser.press("ArrowLeft", 37);
            assertEquals("step 0 / 4", text(browser, "#step-counter"));
            // "copy as text" hands the clipboard exactly what `explain` prints
            browser.eval("window.copied = null; navigator.clipboard.writeText = (t) => {"
                    + " window.copied = t; return Promise.resolve(); }; 0");
            browser.eval("document.getElementById('copy').click(); 0");
            CliRun text = CliRun.of("explain", "--variant", "arm64-kernel-follows",
                    "--property", "irq-isolation", "--scope", "small");
            assertEquals(text.out(), browser.eval("window.copied").asText());
            browser.emulateMedia("print");
            assertEquals("none", browser.eval("getComputedStyle(document.querySelector("
                    + "'.toolbar')).display").asText(), "print hides the controls");
            assertEquals("block", browser.eval("getComputedStyle(document.getElementById("
                    + "'print-text')).display").asText(), "print adds the whole story");
            browser.emulateMedia("screen");
            browser.press("Escape", 27);
            assertTrue(browser.eval("document.getElementById('trace-view').hidden").asBoolean());
            assertOnlyItself(browser, page);
        }
    }

    @Test
    void theMatrixOpensTracesAndShowsTwoVariantsSideBySide(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("report.html");
        CliRun r = CliRun.of("check", "--engine", "native", "--scope", "small", "--format",
                "html", "--output", page.toString());
        assertEquals(1, r.code(), r.err());
        try (HeadlessChromium browser = HeadlessChromium.launch(dir.resolve("profile"), 1400,
                900)) {
            browser.open(page);
            assertEquals(110, browser.eval("document.querySelectorAll('#matrix td.cell').length")
                    .asInt(), "eleven variants x ten properties");
            // anchor 1 as restated (x86 only: arm64 hotplug and PLZA v4's unbind break it) and 3
            assertEquals(4, browser.eval("document.querySelectorAll('#matrix td.v-HOLDS"
                    + "[data-property=\"partid-exclusive\"]').length").asInt());
            assertEquals("cell v-VIOLATED", cellClass(browser, "arm64-kernel-follows",
                    "irq-isolation"));
            assertEquals("cell v-HOLDS", cellClass(browser, "arm64-kernel-follows",
                    "stable-kernel-label"));
            assertEquals(browser.eval("JSON.parse(document.getElementById('data').textContent)"
                    + ".traces.length").asInt(), browser.eval("document.querySelectorAll("
                    + "'#matrix td.v-VIOLATED button').length").asInt());
            assertEquals(12, browser.eval("document.querySelectorAll('#runs tr').length").asInt(),
                    "a header and one row per variant and engine in the coverage table");
            browser.screenshot(SHOTS.resolve("matrix.png"));
            browser.eval("document.querySelector('td[data-variant=\"arm64-kernel-follows\"]"
                    + "[data-property=\"irq-isolation\"] button').click()");
            assertEquals("step 0 / 4", text(browser, "#step-counter"));
            String other = browser.eval("Array.from(document.querySelectorAll('#other option'))"
                    + ".find(o => o.textContent.startsWith('x86-rdt ')).value").asText();
            browser.eval("const s = document.getElementById('other'); s.value = '" + other
                    + "'; s.dispatchEvent(new Event('change')); 0");
            assertEquals(2, browser.eval("document.querySelectorAll('.pane').length").asInt());
            assertEquals("[\"arm64-kernel-follows\",\"x86-rdt\"]", browser.eval(
                    "JSON.stringify(Array.from(document.querySelectorAll('.pane'))"
                    + ".map(p => p.dataset.variant))").asText());
            browser.press("End", 35);
            int longest = browser.eval("Math.max(...Array.from(document.querySelectorAll("
                    + "'.pane')).map(p => p.querySelectorAll('.steps li').length - 1))").asInt();
            assertEquals("step " + longest + " / " + longest, text(browser, "#step-counter"));
            assertEquals(2, browser.eval("document.querySelectorAll('.pane .clause').length")
                    .asInt(), "both traces end in their violated clause");
            browser.screenshot(SHOTS.resolve("side-by-side.png"));
            assertOnlyItself(browser, page);
        }
    }

    @Test
    void comparePutsAHoldingVariantBesideTheTraceThatSeparatesThem(@TempDir Path dir)
            throws Exception {
        Path page = dir.resolve("compare.html");
        CliRun r = CliRun.of("compare", "--variant", "arm64-kernel-default,arm64-kernel-follows",
                "--scope", "small", "--format", "html", "--output", page.toString());
        assertEquals(1, r.code(), r.err());
        try (HeadlessChromium browser = HeadlessChromium.launch(dir.resolve("profile"), 1400,
                900)) {
            browser.open(page);
            assertEquals("[\"arm64-kernel-follows\",\"arm64-kernel-default\"]", browser.eval(
                    "JSON.stringify(Array.from(document.querySelectorAll('.pane'))"
                    + ".map(p => p.dataset.variant))").asText());
            assertEquals("arm64-kernel-default: irq-isolation HOLDS",
                    text(browser, ".pane:last-child h2"));
            browser.press("End", 35);
            assertEquals("step 4 / 4", text(browser, "#step-counter"));
            assertOnlyItself(browser, page);
        }
    }

    private static void press(HeadlessChromium b, String key, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            b.press(key, 39);
        }
    }

    private static String text(HeadlessChromium b, String selector) throws Exception {
        return b.eval("document.querySelector('" + selector + "').textContent").asText();
    }

    private static String cellClass(HeadlessChromium b, String variant, String property)
            throws Exception {
        return b.eval("document.querySelector('#matrix td[data-variant=\"" + variant
                + "\"][data-property=\"" + property + "\"]').className").asText();
    }

    private static void assertOnlyItself(HeadlessChromium b, Path page) throws Exception {
        List<String> others = new ArrayList<>(b.requests());
        others.removeIf(u -> u.equals(page.toUri().toString()));
        assertEquals(List.of(), others, "the page made network requests");
        assertEquals(List.of(), b.exceptions(), "the page raised script errors");
        assertTrue(Files.size(page) > 0);
        JsonNode unused = b.eval("0");
        assertEquals(0, unused.asInt());
    }
}
