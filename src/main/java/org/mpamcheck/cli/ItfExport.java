package org.mpamcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.report.ItfTrace;
import org.mpamcheck.report.Provenance;
import org.mpamcheck.report.Report;
import org.mpamcheck.report.VariantRun;

/**
 * {@code check --format itf --output DIR}: every counterexample of the matrix as its own
 * {@code VARIANT.PROPERTY.itf.json} in an existing directory (ITF holds one trace per file).
 */
final class ItfExport {

    private ItfExport() {
    }

    /** The directory, checked before any work. */
    static Path directory(Path output) {
        if (output == null) {
            throw new UsageException("--format itf writes one file per counterexample: it needs "
                    + "--output DIR (an existing directory)");
        }
        if (!Files.isDirectory(output) || !Files.isWritable(output)) {
            throw new UsageException("cannot write " + output + ": --format itf needs an "
                    + "existing, writable directory");
        }
        return output;
    }

    /** Writes every agreed counterexample; returns the files written. */
    static List<Path> write(Report r, Path dir, Provenance provenance) throws IOException {
        List<Path> written = new ArrayList<>();
        for (VariantRun run : r.runs()) {
            for (PropertyResult p : run.agreed()) {
                if (p.verdict() == Verdict.VIOLATED && r.properties().contains(p.invariant())) {
                    Path file = dir.resolve(fileName(run.id(), p.invariant()));
                    OutputFile.write(file, ItfTrace.render(run, p, r.scope(), provenance));
                    written.add(file);
                }
            }
        }
        return written;
    }

    /** {@code x86-plza/unbound} is written {@code x86-plza+unbound}: one file, no directory. */
    static String fileName(String variant, String property) {
        return variant.replace('/', '+') + "." + property + ".itf.json";
    }
}
