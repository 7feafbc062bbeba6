package org.mpamcheck.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.Properties;
import org.mpamcheck.model.RegisterCost;
import org.mpamcheck.model.Table;
import org.mpamcheck.report.HtmlReport;
import org.mpamcheck.report.JsonReport;
import org.mpamcheck.report.Report;
import org.mpamcheck.report.TextReport;
import org.mpamcheck.report.VariantRun;

/**
 * The design-review view: the properties of two or more variants side by side, and for each
 * property on which they differ, the counterexample that separates them.
 */
final class CompareCommand implements Command {

    public String name() {
        return "compare";
    }

    public String synopsis() {
        return "--variant A --variant B [...] [--property IDS] [--engine E] [--scope S] "
                + "[--format F] [--output FILE]";
    }

    public String summary() {
        return "properties of variants side by side, with the counterexamples that separate them";
    }

    public Options options() {
        Options o = new Options();
        Selection.addWhat(o, false);
        Selection.addLimits(o);
        ReportFormat.addOptions(o, FORMATS);
        return o;
    }

    static final List<String> FORMATS = List.of("text", "json", "html");

    public int run(CommandLine line, Session session) throws IOException {
        List<KernelModePolicy> variants = Selection.variants(line);
        if (!line.hasOption("variant") || variants.size() < 2) {
            throw new UsageException("compare needs at least two variants: --variant A "
                    + "--variant B");
        }
        String format = ReportFormat.format(line, FORMATS);
        Path output = ReportFormat.output(line);
        Report r = new MatrixRunner(session.progress()).run(variants,
                Selection.properties(line), Selection.scope(line),
                Selection.engines(line, "native"), Selection.limits(line));
        String[] header = new String[variants.size() + 1];
        header[0] = "property";
        for (int i = 0; i < variants.size(); i++) {
            header[i + 1] = variants.get(i).id();
        }
        List<String> separating = r.properties().stream().filter(p -> separates(r, p)).toList();
        if (format.equals("json")) {
            ReportFormat.emit(session, output, JsonReport.compare(r, ReportFormat.provenance(),
                    separating), r.overall().name());
            return r.overall().exitCode();
        }
        if (format.equals("html")) {
            ReportFormat.emit(session, output, HtmlReport.compare(r, ReportFormat.provenance(),
                    separating.isEmpty() ? "" : separating.get(0)), r.overall().name());
            return r.overall().exitCode();
        }
        Table t = new Table(header);
        StringBuilder stories = new StringBuilder();
        for (String p : r.properties()) {
            String[] row = new String[header.length];
            row[0] = p;
            for (int i = 0; i < r.runs().size(); i++) {
                row[i + 1] = r.runs().get(i).agreed(p).map(TextReport::cellText).orElse("-");
            }
            t.row(row);
            if (separates(r, p)) {
                for (VariantRun run : r.runs()) {
                    PropertyResult res = run.agreed(p).orElseThrow();
                    if (res.verdict() == Verdict.VIOLATED) {
                        stories.append('\n').append(TextReport.counterexample(run, res,
                                r.scope(), false));
                    }
                }
            }
        }
        StringBuilder text = new StringBuilder("compare at scope " + r.scope().name() + " ("
                + r.scope().bounds() + "), engines " + String.join("+", r.engines()) + "\n\n"
                + t.render("") + "\n" + RegisterCost.section(variants)
                + "\nWhere they differ:\n");
        for (String p : separating) {
            text.append(TextReport.wrap("  " + p + ": ", Properties.description(p)));
        }
        text.append(stories);
        ReportFormat.emit(session, output, text.toString(), "");
        return r.overall().exitCode();
    }

    private static boolean separates(Report r, String property) {
        return r.runs().stream().map(run -> run.agreed(property).map(PropertyResult::verdict)
                .orElse(null)).filter(Objects::nonNull).distinct().count() > 1;
    }
}
