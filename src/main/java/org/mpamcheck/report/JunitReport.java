package org.mpamcheck.report;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Result;
import org.mpamcheck.check.Verdict;

/**
 * A JUnit XML report for CI test reporters: one testcase per variant, property and engine, whose
 * outcome agrees with the exit code. A violation is a failure telling the counterexample. A
 * bounded "no violation within k steps" passes with the bound stated; an engine's INCOMPLETE on a
 * cell another engine settled is skipped; only a cell whose agreed verdict is INCOMPLETE or ERROR
 * is an error (one more testcase, {@code [agreed]}, when no engine's own case already says so).
 * So: errors > 0 exactly when the exit code is 3, failures > 0 and no errors exactly when it is 1.
 * With a baseline ({@code --expect}), a violation the baseline expects passes, its story kept in
 * the case's output, and every change from the baseline is a failure ({@code [expected]}).
 */
public final class JunitReport {

    private JunitReport() {
    }

    private enum Kind { PASS, SKIPPED, FAILURE, ERROR }

    /** One testcase: what it says and the share of its engine's run time it is given. */
    private record Case(String classname, String name, Kind kind, String type, String message,
            String body, double seconds) {
    }

    public static String render(Report r) {
        return render(r, false);
    }

    /** {@code failOnVacuous}: a VACUOUS cell is a failure, as the exit code makes it. */
    public static String render(Report r, boolean failOnVacuous) {
        return render(r, failOnVacuous, null, false);
    }

    /**
     * Against {@code expected} (null: none); {@code whole} says the run checked every variant
     * and property, so expected cells it lacks are gone (see {@link Baseline#otherChanges}).
     */
    public static String render(Report r, boolean failOnVacuous, Baseline expected,
            boolean whole) {
        List<Case> cases = new ArrayList<>();
        double total = 0;
        for (VariantRun run : r.runs()) {
            for (Result res : run.results()) {
                total += res.statistics().seconds();
            }
            cases.addAll(casesOf(r, run, failOnVacuous, expected));
        }
        if (expected != null && !expected.otherChanges(r, whole).isEmpty()) {
            String changes = String.join("\n", expected.otherChanges(r, whole));
            cases.add(new Case("mpamcheck", "baseline [expected]", Kind.FAILURE, "CHANGED",
                    changes, changes, 0));
        }
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", "mpamcheck." + r.scope().name());
            x.writeAttribute("tests", Integer.toString(cases.size()));
            x.writeAttribute("failures", Long.toString(count(cases, Kind.FAILURE)));
            x.writeAttribute("errors", Long.toString(count(cases, Kind.ERROR)));
            x.writeAttribute("skipped", Long.toString(count(cases, Kind.SKIPPED)));
            x.writeAttribute("time", seconds(total));
            x.writeCharacters("\n");
            for (Case c : cases) {
                write(x, c);
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

    private static long count(List<Case> cases, Kind kind) {
        return cases.stream().filter(c -> c.kind() == kind).count();
    }

    private static List<Case> casesOf(Report r, VariantRun run, boolean failOnVacuous,
            Baseline expected) {
        List<Case> cases = new ArrayList<>();
        String classname = "mpamcheck." + run.id();
        for (Result res : run.results()) {
            long checked = res.properties().stream()
                    .filter(p -> r.properties().contains(p.invariant())).count();
            // One search checks every property at once: its time is shared among its cases, so
            // the cases add up to the suite's time.
            double share = checked == 0 ? 0 : res.statistics().seconds() / checked;
            for (PropertyResult p : res.properties()) {
                if (r.properties().contains(p.invariant())) {
                    Verdict agreed = run.agreed(p.invariant()).map(PropertyResult::verdict)
                            .orElse(p.verdict());
                    Case c = engineCase(r, run, classname, res.engine(), p, agreed, share,
                            failOnVacuous);
                    boolean asExpected = expected != null && agreed == Verdict.VIOLATED
                            && run.agreed(p.invariant()).flatMap(a -> expected.change(run.id(),
                                    a)).isEmpty();
                    cases.add(asExpected && c.kind() == Kind.FAILURE && c.type().equals(
                            "VIOLATED") ? new Case(classname, c.name(), Kind.PASS, "", "",
                                    "violated as the baseline expects: " + c.body(), c.seconds())
                            : c);
                }
            }
        }
        for (PropertyResult agreed : run.agreed()) {
            if (expected != null && r.properties().contains(agreed.invariant())) {
                expected.change(run.id(), agreed).ifPresent(change -> cases.add(new Case(
                        classname, agreed.invariant() + " [expected]", Kind.FAILURE, "CHANGED",
                        change, change, 0)));
            }
            boolean unsettled = agreed.verdict() == Verdict.INCOMPLETE
                    || agreed.verdict() == Verdict.ERROR;
            boolean said = cases.stream().anyMatch(c -> c.kind() == Kind.ERROR
                    && c.name().startsWith(agreed.invariant() + " ["));
            if (r.properties().contains(agreed.invariant()) && unsettled && !said) {
                cases.add(new Case(classname, agreed.invariant() + " [agreed]", Kind.ERROR,
                        agreed.verdict().name(), agreed.verdict() + ": " + agreed.message(), "",
                        0));
            }
        }
        return cases;
    }

    private static Case engineCase(Report r, VariantRun run, String classname, String engine,
            PropertyResult p, Verdict agreed, double seconds, boolean failOnVacuous) {
        String name = p.invariant() + " [" + engine + "]";
        switch (p.verdict()) {
            case VIOLATED:
                return new Case(classname, name, Kind.FAILURE, "VIOLATED", run.id()
                        + " violates " + p.invariant() + " in " + p.counterexample().orElseThrow()
                                .length() + " steps",
                        TextReport.counterexample(run, p, r.scope(), false), seconds);
            case VACUOUS:
                String why = "vacuous: holds only because its premise is never reached"
                        + (p.message().isEmpty() ? "" : " (" + p.message() + ")");
                return failOnVacuous
                        ? new Case(classname, name, Kind.FAILURE, "VACUOUS", why, why, seconds)
                        : new Case(classname, name, Kind.PASS, "", "", why, seconds);
            case HOLDS:
                return new Case(classname, name, Kind.PASS, "", "", p.message(), seconds);
            case INCOMPLETE:
                if (agreed == Verdict.INCOMPLETE || agreed == Verdict.ERROR) {
                    return new Case(classname, name, Kind.ERROR, "INCOMPLETE",
                            "INCOMPLETE: " + p.message(), "", seconds);
                }
                if (p.boundedSteps().isPresent()) {
                    return new Case(classname, name, Kind.PASS, "", "", "no violation within "
                            + p.boundedSteps().getAsInt() + " steps (a bounded search; the "
                            + "agreed verdict is " + agreed + ")", seconds);
                }
                return new Case(classname, name, Kind.SKIPPED, "INCOMPLETE", p.message()
                        + " (another engine settled it: " + agreed + ")", "", seconds);
            default:
                return new Case(classname, name, Kind.ERROR, p.verdict().name(),
                        p.verdict() + ": " + p.message(), "", seconds);
        }
    }

    private static void write(XMLStreamWriter x, Case c) throws XMLStreamException {
        x.writeCharacters("  ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", c.classname());
        x.writeAttribute("name", c.name());
        x.writeAttribute("time", seconds(c.seconds()));
        String element = switch (c.kind()) {
            case FAILURE -> "failure";
            case ERROR -> "error";
            case SKIPPED -> "skipped";
            case PASS -> null;
        };
        if (element != null) {
            x.writeStartElement(element);
            x.writeAttribute("message", c.message());
            if (c.kind() != Kind.SKIPPED) {
                x.writeAttribute("type", c.type());
            }
            if (c.kind() == Kind.FAILURE) {
                x.writeCharacters(c.body());
            }
            x.writeEndElement();
        } else if (!c.body().isEmpty()) {
            x.writeStartElement("system-out");
            x.writeCharacters(c.body());
            x.writeEndElement();
        }
        x.writeEndElement();
        x.writeCharacters("\n");
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }
}
