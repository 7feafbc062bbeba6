package org.mpamcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mpamcheck.model.Scope;

/** Writes every variant's TLA+ and Alloy modules, for TLC, the Alloy analyzer and reviewers. */
final class ExportCommand implements Command {

    public String name() {
        return "export";
    }

    public String synopsis() {
        return "[--output DIR] [--scope S]";
    }

    public String summary() {
        return "TLA+ and Alloy for every variant (default: models/ at scope ci)";
    }

    public Options options() {
        Options o = new Options();
        o.addOption(Selection.option("output", "DIR", "the directory (default: models)"));
        o.addOption(Selection.option("proofs", "DIR", "the directory of the induction checks "
                + "(default: proofs)"));
        o.addOption(Selection.option("scope", "S", "the scope of the exported modules "
                + "(default: ci)"));
        return o;
    }

    public int run(CommandLine line, Session session) throws IOException {
        Path dir = Path.of(line.getOptionValue("output", "models"));
        Path proofs = Path.of(line.getOptionValue("proofs", "proofs"));
        Scope scope = line.hasOption("scope") ? Selection.scope(line) : ModelExport.SCOPE;
        checkDirectory(dir);
        checkDirectory(proofs);
        write(dir, ModelExport.files(scope), scope, session);
        write(proofs, ModelExport.proofFiles(scope), scope, session);
        return 0;
    }

    private static void checkDirectory(Path dir) {
        Path parent = dir.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir) && (parent == null || !Files.isDirectory(parent))) {
            throw new UsageException("cannot write into " + dir + ": its parent directory does "
                    + "not exist");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException("cannot write into " + dir + ": not a directory");
        }
    }

    private static void write(Path dir, Map<String, String> files, Scope scope, Session session)
            throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> f : files.entrySet()) {
            OutputFile.write(dir.resolve(f.getKey()), f.getValue());
        }
        session.out().println("wrote " + files.size() + " files to " + dir + " (scope "
                + scope.name() + ": " + scope.bounds() + ")");
    }
}
