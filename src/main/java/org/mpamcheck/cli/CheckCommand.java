package org.mpamcheck.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mpamcheck.report.HtmlReport;
import org.mpamcheck.report.JsonReport;
import org.mpamcheck.report.JunitReport;
import org.mpamcheck.report.MarkdownReport;
import org.mpamcheck.report.Report;
import org.mpamcheck.report.TextReport;

/** The main job: the variant x property matrix, checked by every chosen engine. */
final class CheckCommand implements Command {

    static final List<String> FORMATS = List.of("text", "markdown", "json", "junit", "html",
            "itf");

    public String name() {
        return "check";
    }

    public String synopsis() {
        return "[--variant IDS] [--property IDS] [--engine E] [--scope S] [--format F] "
                + "[--output FILE]";
    }

    public String summary() {
        return "check the variant x property matrix (default: everything at ci, every engine)";
    }

    public Options options() {
        Options o = new Options();
        Selection.addWhat(o, true);
        Selection.addLimits(o);
        o.addOption(Selection.option("format", "F", "text, markdown, json, junit, html "
                + "(the explorer) or itf (one file per counterexample in --output DIR) "
                + "(default: text)"));
        o.addOption(Selection.option("output", "FILE", "write the report there instead of "
                + "stdout"));
        return o;
    }

    public int run(CommandLine line, Session session) throws IOException {
        String format = line.getOptionValue("format", "text");
        if (!FORMATS.contains(format)) {
            throw new UsageException("unknown format '" + format + "'; valid: "
                    + String.join(", ", FORMATS)
                    + org.mpamcheck.model.Suggest.nearest(format, FORMATS));
        }
        Path output = line.hasOption("output") ? Path.of(line.getOptionValue("output")) : null;
        if (format.equals("itf")) {
            ItfExport.directory(output);
        } else if (output != null) {
            OutputFile.checkWritable(output);
        }
        Report report = new MatrixRunner(session.progress()).run(Selection.variants(line),
                Selection.properties(line), Selection.scope(line),
                Selection.engines(line, "all"), Selection.limits(line));
        if (format.equals("itf")) {
            int files = ItfExport.write(report, output, ReportFormat.provenance()).size();
            session.err().println("mpamcheck: wrote " + files + " counterexample(s) to " + output
                    + " (" + report.overall() + ")");
            return report.overall().exitCode();
        }
        String text = render(report, format);
        if (output == null) {
            session.out().print(text);
        } else {
            OutputFile.write(output, text);
            session.err().println("mpamcheck: wrote " + output + " (" + report.overall() + ")");
        }
        return report.overall().exitCode();
    }

    static String render(Report r, String format) {
        switch (format) {
            case "markdown":
                return MarkdownReport.render(r);
            case "json":
                return JsonReport.render(r, ReportFormat.provenance());
            case "html":
                return HtmlReport.render(r, ReportFormat.provenance());
            case "junit":
                return JunitReport.render(r);
            default:
                return TextReport.render(r);
        }
    }
}
