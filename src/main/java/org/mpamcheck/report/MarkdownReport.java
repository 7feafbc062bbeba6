package org.mpamcheck.report;

import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.model.Properties;

/** The text report for review threads and READMEs: a markdown matrix, stories in code blocks. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(Report r) {
        StringBuilder b = new StringBuilder();
        b.append("## mpamcheck: scope `").append(r.scope().name()).append("` (")
                .append(r.scope().bounds()).append("), engines ")
                .append(String.join("+", r.engines())).append("\n\n");
        b.append("| variant |");
        for (String p : r.properties()) {
            b.append(' ').append(TextReport.number(p)).append(" |");
        }
        b.append("\n|---|");
        b.append("---|".repeat(r.properties().size())).append('\n');
        for (VariantRun run : r.runs()) {
            b.append("| `").append(run.id()).append("` |");
            for (String p : r.properties()) {
                b.append(' ').append(run.agreed(p).map(TextReport::cell).orElse("-")).append(" |");
            }
            b.append('\n');
        }
        b.append('\n');
        for (String p : r.properties()) {
            b.append(TextReport.number(p)).append(". `").append(p).append("`: ")
                    .append(Properties.description(p)).append('\n');
        }
        b.append("\n```\n").append(TextReport.coverage(r)).append("```\n\n");
        for (VariantRun run : r.runs()) {
            for (PropertyResult p : run.agreed()) {
                if (!r.properties().contains(p.invariant())) {
                    continue;
                }
                if (p.verdict() == Verdict.VIOLATED) {
                    b.append("### `").append(run.id()).append("` violates `").append(p.invariant())
                            .append("`\n\n```\n")
                            .append(TextReport.counterexample(run, p, r.scope(), false))
                            .append("```\n\n");
                } else if (p.verdict() != Verdict.HOLDS) {
                    b.append("- `").append(run.id()).append("` / `").append(p.invariant())
                            .append("`: ").append(p.verdict()).append(" - ").append(p.message())
                            .append('\n');
                }
            }
        }
        b.append(TextReport.summary(r)).append('\n');
        return b.toString();
    }
}
