package org.mpamcheck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mpamcheck.check.Verdict;

/**
 * Delivers a finished report to stdout or to {@code --output}, and never loses it: when the
 * file cannot be written the report goes to stdout instead, and when stdout cannot be written
 * (a full disk behind a redirection) it is saved to a new file in the current directory. Either
 * failure is one line on stderr naming where the report went.
 */
final class ReportSink {

    private ReportSink() {
    }

    /** Whether the report reached where it was asked to go. */
    static boolean deliver(Session session, Path output, String text, Verdict overall) {
        if (output != null) {
            try {
                OutputFile.write(output, text);
                session.err().println("mpamcheck: wrote " + output + " (" + overall + ")");
                return true;
            } catch (IOException e) {
                session.err().println("mpamcheck: cannot write " + e.getMessage()
                        + "; the report follows on stdout");
            }
        }
        session.out().print(text);
        session.out().flush();
        if (!session.out().checkError()) {
            return output == null;
        }
        Path saved = null;
        try {
            saved = Files.createTempFile(Path.of("").toAbsolutePath(), "mpamcheck-report-",
                    ".txt");
            Files.writeString(saved, text, StandardCharsets.UTF_8);
            session.err().println("mpamcheck: cannot write the report to stdout; saved it to "
                    + saved);
        } catch (IOException e) {
            if (saved != null) {
                saved.toFile().delete(); // half a report is no report
            }
            session.err().println("mpamcheck: cannot write the report to stdout, nor save it: "
                    + OutputFile.describe(e));
        }
        return false;
    }
}
