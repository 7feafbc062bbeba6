package org.mpamcheck.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mpamcheck.report.JsonReport;
import org.mpamcheck.report.JunitReport;
import org.mpamcheck.report.MarkdownReport;
import org.mpamcheck.report.Report;
import org.mpamcheck.report.TextReport;

/** The main job: the variant x property matrix, checked by every chosen engine. */
final class CheckCommand implements Command {

    static final List<String> FORMATS = List.of("text", "markdown", "json", "junit");

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
        o.addOption(Selection.option("format", "F", "text, markdown, json or junit "
                + "(default: text)"));
        o.addOption(Selection.option("output", "FILE", "write the report there instead of "
                + "stdout"));
        o.addOption(Selection.option("fail-on-vacuous", null, "exit 1 when a property holds "
                + "only because nothing reached its premise (VACUOUS)"));
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
        if (output != null) {
            OutputFile.checkWritable(output);
        }
        Report report = new MatrixRunner(session.progress()).run(Selection.variants(line),
                Selection.properties(line), Selection.scope(line),
                Selection.engines(line, "all"), Selection.limits(line));
        String text = render(report, format);
        if (output == null) {
            session.out().print(text);
        } else {
            OutputFile.write(output, text);
            session.err().println("mpamcheck: wrote " + output + " (" + report.overall() + ")");
        }
        int code = report.overall().exitCode();
        boolean vacuous = report.runs().stream().flatMap(run -> run.agreed().stream())
                .anyMatch(p -> p.verdict() == org.mpamcheck.check.Verdict.VACUOUS);
        return line.hasOption("fail-on-vacuous") && vacuous ? Math.max(code, 1) : code;
    }

    static String render(Report r, String format) {
        switch (format) {
            case "markdown":
                return MarkdownReport.render(r);
            case "json":
                return JsonReport.render(r);
            case "junit":
                return JunitReport.render(r);
            default:
                return TextReport.render(r);
        }
    }
}
