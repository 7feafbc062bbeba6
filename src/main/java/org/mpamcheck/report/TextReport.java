package org.mpamcheck.report;

import java.util.List;
import java.util.Locale;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Result;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.model.Properties;
import org.mpamcheck.model.RegisterCost;
import org.mpamcheck.model.Scope;
import org.mpamcheck.model.Table;
import org.mpamcheck.model.TraceNarrator;
import org.mpamcheck.spec.Trace;

/**
 * The plain-text report: fits 100 columns and pastes into a mailing-list reply. The matrix (one
 * row per variant, one column per property), what each engine covered, then every counterexample
 * as the commands and events that lead to it and the register table it ends in.
 */
public final class TextReport {

    private TextReport() {
    }

    public static String render(Report r) {
        StringBuilder b = new StringBuilder();
        b.append(matrix(r, "")).append('\n');
        b.append(coverage(r)).append('\n');
        b.append(RegisterCost.section(r.runs().stream().map(VariantRun::policy).toList()))
                .append('\n');
        for (VariantRun run : r.runs()) {
            StepCoverage.warnings(run).forEach(w -> b.append(w).append('\n'));
        }
        for (VariantRun run : r.runs()) {
            for (PropertyResult p : run.agreed()) {
                if (!r.properties().contains(p.invariant())) {
                    continue;
                }
                if (p.verdict() == Verdict.VIOLATED) {
                    b.append(counterexample(run, p, r.scope(), false)).append('\n');
                } else if (p.verdict() != Verdict.HOLDS) {
                    b.append(run.id()).append(" / ").append(p.invariant()).append(": ")
                            .append(p.verdict()).append(" - ").append(p.message()).append("\n\n");
                }
            }
        }
        b.append(summary(r)).append('\n');
        return b.toString();
    }

    /** The matrix with a legend; {@code indent} prefixes every line (markdown code blocks). */
    static String matrix(Report r, String indent) {
        StringBuilder b = new StringBuilder();
        b.append(indent).append("mpamcheck: ").append(r.runs().size()).append(" variant(s) x ")
                .append(r.properties().size()).append(" properties, engines ")
                .append(String.join("+", r.engines())).append('\n').append(indent)
                .append("scope ").append(r.scope().name()).append(": ").append(r.scope().bounds())
                .append("\n\n");
        String[] header = new String[r.properties().size() + 1];
        header[0] = "variant";
        for (int i = 0; i < r.properties().size(); i++) {
            header[i + 1] = Integer.toString(number(r.properties().get(i)));
        }
        Table t = new Table(header);
        for (VariantRun run : r.runs()) {
            String[] row = new String[header.length];
            row[0] = run.id();
            for (int i = 0; i < r.properties().size(); i++) {
                row[i + 1] = run.agreed(r.properties().get(i)).map(TextReport::cell).orElse("-");
            }
            t.row(row);
        }
        b.append(t.render(indent)).append('\n');
        for (String p : r.properties()) {
            b.append(wrap(indent + String.format("%2d %-22s ", number(p), p),
                    Properties.description(p)));
        }
        b.append(indent).append("holds: in every reachable state; viol N: violated, shortest "
                + "counterexample N steps\n");
        if (r.counts().get(Verdict.VACUOUS) > 0) {
            b.append(indent).append("vacuous: holds only because its premise is false in every "
                    + "reachable state\n");
        }
        return b.toString();
    }

    /** {@code text} after {@code lead}, wrapped at 100 columns under its first column. */
    public static String wrap(String lead, String text) {
        StringBuilder b = new StringBuilder(lead);
        int column = lead.length();
        String pad = " ".repeat(lead.length());
        for (String word : text.split(" ")) {
            if (column > lead.length() && column + 1 + word.length() > 100) {
                b.append('\n').append(pad);
                column = lead.length();
            } else if (column > lead.length()) {
                b.append(' ');
                column++;
            }
            b.append(word);
            column += word.length();
        }
        return b.append('\n').toString();
    }

    static int number(String property) {
        return Properties.number(property);
    }

    /** A cell in words, for side-by-side tables. */
    public static String cellText(PropertyResult p) {
        return p.verdict() == Verdict.VIOLATED ? "VIOLATED (" + p.counterexample()
                .map(Trace::length).orElse(0) + " steps)" : p.verdict().toString();
    }

    static String cell(PropertyResult p) {
        switch (p.verdict()) {
            case HOLDS:
                return "holds";
            case VACUOUS:
                return "vacuous";
            case VIOLATED:
                return "viol " + p.counterexample().map(Trace::length).orElse(0);
            case INCOMPLETE:
                return "INCOMPLETE";
            default:
                return "ERROR";
        }
    }

    static String coverage(Report r) {
        Table t = new Table("variant", "engine", "distinct states", "depth", "seconds",
                "states/s", "note");
        for (VariantRun run : r.runs()) {
            for (Result res : run.results()) {
                boolean sat = res.statistics().clauses() > 0;
                t.row(run.id(), res.engine(), sat ? "-" : String.format(Locale.ROOT, "%,d",
                                res.statistics().distinct()),
                        Integer.toString(res.statistics().depth()),
                        String.format(Locale.ROOT, "%.2f", res.statistics().seconds()),
                        sat ? "-" : String.format(Locale.ROOT, "%,.0f",
                                res.statistics().statesPerSecond()),
                        sat ? String.format(Locale.ROOT, "%s, %,d clauses", res.note(),
                                res.statistics().clauses()) : res.note());
            }
        }
        return t.render("");
    }

    /** One counterexample as a story; {@code everyState} prints the table after every step. */
    public static String counterexample(VariantRun run, PropertyResult p, Scope scope,
            boolean everyState) {
        Trace trace = p.counterexample().orElseThrow();
        return run.id() + " violates " + p.invariant() + " in " + trace.length() + " steps:\n"
                + wrap("  ", Properties.description(p.invariant()))
                + new TraceNarrator(run.policy(), scope).story(trace, everyState);
    }

    static String summary(Report r) {
        java.util.Map<Verdict, Integer> c = r.counts();
        return String.format("%d hold, %d vacuous, %d violated, %d incomplete, %d errors: %s",
                c.get(Verdict.HOLDS), c.get(Verdict.VACUOUS), c.get(Verdict.VIOLATED),
                c.get(Verdict.INCOMPLETE), c.get(Verdict.ERROR), r.overall());
    }
}
