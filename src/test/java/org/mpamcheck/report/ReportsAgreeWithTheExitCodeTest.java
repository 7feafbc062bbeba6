package org.mpamcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Result;
import org.mpamcheck.check.Verdict;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * JUnit, text, markdown and JSON tell the same story as the exit code: a bounded "no violation
 * within k steps" passes with its bound stated; VACUOUS passes with a note (fails with
 * --fail-on-vacuous); only an unsettled cell is an error; case times add up to the suite's.
 */
class ReportsAgreeWithTheExitCodeTest {

    private static Element suite(String xml) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return (Element) doc.getElementsByTagName("testsuite").item(0);
    }

    private static String counts(Element s) {
        return s.getAttribute("tests") + " tests, " + s.getAttribute("failures") + " failures, "
                + s.getAttribute("errors") + " errors, " + s.getAttribute("skipped") + " skipped";
    }

    @Test
    void aBoundedNoViolationPassesWithItsBoundAndCaseTimesAddUp() throws Exception {
        Report r = Reports.report(Reports.nativeResult(), Reports.other(3.0,
                PropertyResult.noViolationWithin("partid-exclusive", 4),
                PropertyResult.noViolationWithin("irq-isolation", 3)));
        assertEquals(1, r.exitCode(false));
        Element s = suite(JunitReport.render(r));
        assertEquals("4 tests, 1 failures, 0 errors, 0 skipped", counts(s));
        NodeList cases = s.getElementsByTagName("testcase");
        double sum = 0;
        for (int i = 0; i < cases.getLength(); i++) {
            sum += Double.parseDouble(((Element) cases.item(i)).getAttribute("time"));
        }
        assertEquals(Double.parseDouble(s.getAttribute("time")), sum, 0.002);
        Element bounded = (Element) cases.item(3);
        assertEquals("irq-isolation [other]", bounded.getAttribute("name"));
        assertEquals("1.500", bounded.getAttribute("time"));
        assertEquals("no violation within 3 steps (a bounded search; the agreed verdict is "
                + "VIOLATED)", bounded.getTextContent());
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(r, Provenance.now("test")));
        assertEquals(3, json.get("checks").get(3).get("noViolationWithinSteps").asInt());
        assertEquals("{\"HOLDS\":1,\"VACUOUS\":0,\"VIOLATED\":1,\"INCOMPLETE\":0,\"ERROR\":0}",
                json.get("counts").toString());
        assertTrue(TextReport.render(r).endsWith("1 hold, 0 vacuous, 1 violated, 0 incomplete, "
                + "0 errors: VIOLATED\n"));
        assertTrue(MarkdownReport.render(r).endsWith("1 hold, 0 vacuous, 1 violated, "
                + "0 incomplete, 0 errors: VIOLATED\n"));
    }

    @Test
    void vacuousPassesWithANoteUnlessAskedToFail() throws Exception {
        Report r = Reports.report(Reports.nativeWith(Verdict.VACUOUS, "no task ever waits"));
        assertEquals(1, r.exitCode(false));
        assertEquals(1, r.exitCode(true));
        Element s = suite(JunitReport.render(r));
        assertEquals("2 tests, 1 failures, 0 errors, 0 skipped", counts(s));
        Element vacuous = (Element) s.getElementsByTagName("testcase").item(0);
        assertEquals("vacuous: holds only because its premise is never reached (no task ever "
                + "waits)", vacuous.getTextContent());
        assertEquals("2 tests, 2 failures, 0 errors, 0 skipped",
                counts(suite(JunitReport.render(r, true))));
        String text = TextReport.render(r);
        assertTrue(text.contains("x86-rdt  vacuous  viol 4"), text);
        assertTrue(text.contains("x86-rdt / partid-exclusive: VACUOUS - no task ever waits"));
        assertTrue(text.endsWith("0 hold, 1 vacuous, 1 violated, 0 incomplete, 0 errors: "
                + "VIOLATED\n"), text);
        assertEquals("VACUOUS", new ObjectMapper().readTree(JsonReport.render(r, Provenance.now("test"))).get("checks")
                .get(0).get("verdict").asText());
    }

    @Test
    void vacuousAloneExitsZeroOrOneWithFailOnVacuous() {
        Result onlyFirst = Reports.nativeWith(Verdict.VACUOUS, "");
        Report r = new Report(Reports.report(onlyFirst).scope(), java.util.List.of("native"),
                java.util.List.of("partid-exclusive"), Reports.report(onlyFirst).runs());
        assertEquals(0, r.exitCode(false));
        assertEquals(1, r.exitCode(true));
    }

    @Test
    void anEngineThatStoppedIsSkippedWhenAnotherSettledTheCellAndAnErrorWhenNoneDid()
            throws Exception {
        Report settled = Reports.report(Reports.nativeResult(), Reports.other(1.0,
                PropertyResult.incomplete("partid-exclusive", "stopped by the time limit"),
                PropertyResult.incomplete("irq-isolation", "stopped by the time limit")));
        assertEquals(1, settled.exitCode(false));
        assertEquals("4 tests, 1 failures, 0 errors, 2 skipped",
                counts(suite(JunitReport.render(settled))));
        Report unsettled = Reports.report(Reports.other(1.0,
                PropertyResult.incomplete("partid-exclusive", "stopped by the time limit"),
                PropertyResult.holds("irq-isolation")));
        assertEquals(3, unsettled.exitCode(false));
        assertEquals("2 tests, 0 failures, 1 errors, 0 skipped",
                counts(suite(JunitReport.render(unsettled))));
    }

    @Test
    void enginesThatDisagreeAreOneErrorCaseForTheCell() throws Exception {
        Report r = Reports.report(Reports.nativeResult(), Reports.other(1.0,
                PropertyResult.holds("partid-exclusive"), PropertyResult.holds("irq-isolation")));
        assertEquals(3, r.exitCode(false));
        Element s = suite(JunitReport.render(r));
        assertEquals("5 tests, 1 failures, 1 errors, 0 skipped", counts(s));
        Element agreed = (Element) s.getElementsByTagName("testcase").item(4);
        assertEquals("irq-isolation [agreed]", agreed.getAttribute("name"));
        assertTrue(((Element) agreed.getElementsByTagName("error").item(0))
                .getAttribute("message").startsWith("ERROR: engines disagree: native VIOLATED"));
    }
}
