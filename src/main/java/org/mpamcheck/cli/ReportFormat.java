package org.mpamcheck.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mpamcheck.model.Suggest;
import org.mpamcheck.report.Provenance;

/**
 * The {@code --format} and {@code --output} options of the commands that render a report:
 * the chosen format (checked against the command's list before any work), the output file
 * (checked writable before any work), and writing the rendered text to one or the other.
 */
final class ReportFormat {

    private ReportFormat() {
    }

    static void addOptions(Options o, List<String> formats) {
        o.addOption(Selection.option("format", "F", String.join(", ", formats)
                + " (default: " + formats.get(0) + ")"));
        o.addOption(Selection.option("output", "FILE", "write the report there instead of "
                + "stdout"));
    }

    static String format(CommandLine line, List<String> formats) {
        String format = line.getOptionValue("format", formats.get(0));
        if (!formats.contains(format)) {
            throw new UsageException("unknown format '" + format + "'; valid: "
                    + String.join(", ", formats) + Suggest.nearest(format, formats));
        }
        return format;
    }

    /** The output file, checked writable; null for stdout. */
    static Path output(CommandLine line) {
        Path output = line.hasOption("output") ? Path.of(line.getOptionValue("output")) : null;
        if (output != null) {
            OutputFile.checkWritable(output);
        }
        return output;
    }

    static Provenance provenance() {
        return Provenance.now(Cli.VERSION);
    }

    /** Writes the text to the file (whole or not at all) or to stdout. */
    static void emit(Session session, Path output, String text, String verdict)
            throws IOException {
        if (output == null) {
            session.out().print(text);
        } else {
            OutputFile.write(output, text);
            session.err().println("mpamcheck: wrote " + output + (verdict.isEmpty() ? ""
                    : " (" + verdict + ")"));
        }
    }
}
