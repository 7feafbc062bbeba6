package org.mpamcheck.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.report.Baseline;
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
                + "[--output FILE] [--expect FILE] [--write-expect FILE]";
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
        o.addOption(Selection.option("expect", "FILE", "compare every cell with this baseline: "
                + "exit 0 when all match, 1 listing the cells that changed"));
        o.addOption(Selection.option("write-expect", "FILE", "write the verdict of every cell "
                + "there, a baseline for --expect"));
        o.addOption(Selection.option("fail-on-vacuous", null, "exit 1 when a checked property "
                + "is VACUOUS (its premise never reached)"));
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
        Expectations expect = Expectations.of(line);
        boolean failOnVacuous = line.hasOption("fail-on-vacuous");
        Report report = new MatrixRunner(session.progress()).run(Selection.variants(line),
                Selection.properties(line), Selection.scope(line),
                Selection.engines(line, "all"), Selection.limits(line));
        if (format.equals("itf")) {
            int files = ItfExport.write(report, output, ReportFormat.provenance()).size();
            session.err().println("mpamcheck: wrote " + files + " counterexample(s) to " + output
                    + " (" + report.overall() + ")");
            return report.overall().exitCode();
        }
        String text = format.equals("junit") ? JunitReport.render(report, failOnVacuous,
                expect.expected(), expect.whole()) : render(report, format);
        // With a baseline, expected violations pass: only changes (and failures) fail
        boolean vacuousFails = failOnVacuous && report.counts().get(Verdict.VACUOUS) > 0;
        int code = expect.expected() == null ? report.exitCode(failOnVacuous)
                : report.overall().exitCode() == 3 ? 3 : vacuousFails ? 1 : 0;
        if (!ReportSink.deliver(session, output, text, report.overall())) {
            code = 3;
        }
        return Math.max(code, expect.settle(report, session));
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

    /**
     * {@code --expect} and {@code --write-expect}: the baseline is read and the file to write is
     * checked before any work, so a typo costs no run.
     */
    record Expectations(Path expectFile, Baseline expected, Path writeFile, boolean whole) {

        static Expectations of(CommandLine line) {
            Path expectFile = line.hasOption("expect") ? Path.of(line.getOptionValue("expect"))
                    : null;
            Baseline expected = expectFile == null ? null : read(expectFile);
            Path writeFile = line.hasOption("write-expect")
                    ? Path.of(line.getOptionValue("write-expect")) : null;
            if (writeFile != null) {
                OutputFile.checkWritable(writeFile);
            }
            return new Expectations(expectFile, expected, writeFile,
                    !line.hasOption("variant") && !line.hasOption("property"));
        }

        private static Baseline read(Path file) {
            String text;
            try {
                text = java.nio.file.Files.readString(file);
            } catch (IOException e) {
                throw new UsageException("cannot read " + file + ": " + OutputFile.reason(e));
            }
            try {
                return Baseline.parse(text);
            } catch (Baseline.MalformedException e) {
                throw new UsageException(file + ": " + e.getMessage());
            }
        }

        /**
         * Compares and writes; the exit code they call for: 1 when a cell changed, 3 when the
         * baseline could not be written, else 0.
         */
        int settle(Report report, Session session) throws IOException {
            int code = 0;
            if (expected != null) {
                List<String> changes = expected.changes(report, whole);
                if (changes.isEmpty()) {
                    session.err().println("mpamcheck: every cell matches " + expectFile);
                } else {
                    session.err().println("mpamcheck: " + changes.size() + " cell(s) differ from "
                            + expectFile + ":");
                    changes.forEach(c -> session.err().println("  " + c));
                    code = 1;
                }
            }
            if (writeFile != null) {
                int unsettled = report.counts().get(Verdict.INCOMPLETE)
                        + report.counts().get(Verdict.ERROR);
                if (unsettled > 0) {
                    session.err().println("mpamcheck: " + writeFile + " not written: " + unsettled
                            + " cell(s) INCOMPLETE or ERROR; a baseline records settled verdicts");
                    return 3;
                }
                OutputFile.write(writeFile, Baseline.render(report));
                session.err().println("mpamcheck: wrote the baseline " + writeFile);
            }
            return code;
        }
    }
}
