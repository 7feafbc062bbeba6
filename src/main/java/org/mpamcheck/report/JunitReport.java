package org.mpamcheck.report;

import java.io.StringWriter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Result;
import org.mpamcheck.check.Verdict;

/**
 * A JUnit XML report for CI test reporters: one testcase per variant, property and engine; a
 * violation is a failure whose text tells the counterexample; INCOMPLETE and ERROR are errors.
 */
public final class JunitReport {

    private JunitReport() {
    }

    public static String render(Report r) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            int tests = 0;
            int failures = 0;
            int errors = 0;
            double seconds = 0;
            for (VariantRun run : r.runs()) {
                for (Result res : run.results()) {
                    seconds += res.statistics().seconds();
                    for (PropertyResult p : res.properties()) {
                        if (r.properties().contains(p.invariant())) {
                            tests++;
                            failures += p.verdict() == Verdict.VIOLATED ? 1 : 0;
                            errors += p.verdict().ordinal() >= Verdict.INCOMPLETE.ordinal() ? 1 : 0;
                        }
                    }
                }
            }
            x.writeStartElement("testsuites");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", "mpamcheck." + r.scope().name());
            x.writeAttribute("tests", Integer.toString(tests));
            x.writeAttribute("failures", Integer.toString(failures));
            x.writeAttribute("errors", Integer.toString(errors));
            x.writeAttribute("skipped", "0");
            x.writeAttribute("time", seconds(seconds));
            x.writeCharacters("\n");
            for (VariantRun run : r.runs()) {
                for (Result res : run.results()) {
                    for (PropertyResult p : res.properties()) {
                        if (r.properties().contains(p.invariant())) {
                            testcase(x, r, run, res, p);
                        }
                    }
                }
            }
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("JUnit XML rendering failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void testcase(XMLStreamWriter x, Report r, VariantRun run, Result res,
            PropertyResult p) throws XMLStreamException {
        x.writeCharacters("  ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", "mpamcheck." + run.id());
        x.writeAttribute("name", p.invariant() + " [" + res.engine() + "]");
        x.writeAttribute("time", seconds(res.statistics().seconds()));
        if (p.verdict() == Verdict.VIOLATED) {
            x.writeStartElement("failure");
            x.writeAttribute("message", run.id() + " violates " + p.invariant() + " in "
                    + p.counterexample().orElseThrow().length() + " steps");
            x.writeAttribute("type", "VIOLATED");
            x.writeCharacters(TextReport.counterexample(run, p, r.scope(), false));
            x.writeEndElement();
        } else if (p.verdict() != Verdict.HOLDS) {
            x.writeStartElement("error");
            x.writeAttribute("message", p.verdict() + ": " + p.message());
            x.writeAttribute("type", p.verdict().name());
            x.writeEndElement();
        }
        x.writeEndElement();
        x.writeCharacters("\n");
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }
}
