package org.mpamcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.Scope;

/** Writes every variant's TLA+ and Alloy modules, for TLC, the Alloy analyzer and reviewers. */
final class ExportCommand implements Command {

    public String name() {
        return "export";
    }

    public String synopsis() {
        return "[--output DIR] [--proofs DIR] [--scope S] [--proposal FILE]";
    }

    public String summary() {
        return "TLA+ and Alloy for every variant (default: models/ at scope ci)";
    }

    public Options options() {
        Options o = new Options();
        o.addOption(Selection.option("output", "DIR", "the directory (default: models)"));
        o.addOption(Selection.option("proofs", "DIR", "the directory of the induction checks "
                + "(default: proofs, or DIR/proofs with --output)"));
        o.addOption(Selection.option("scope", "S", "the scope of the exported modules "
                + "(default: ci)"));
        o.addOption(Selection.proposalOption());
        return o;
    }

    public int run(CommandLine line, Session session) throws IOException {
        Path dir = Path.of(line.getOptionValue("output", "models"));
        // --output alone keeps the proofs under it too: nothing outside the paths given
        Path proofs = line.hasOption("proofs") ? Path.of(line.getOptionValue("proofs"))
                : line.hasOption("output") ? dir.resolve("proofs") : Path.of("proofs");
        Scope scope = line.hasOption("scope") ? Selection.scope(line) : ModelExport.SCOPE;
        checkDirectory(dir);
        if (!proofs.startsWith(dir) || proofs.equals(dir)) {
            checkDirectory(proofs); // a directory inside DIR is made with it
        }
        if (dir.toAbsolutePath().normalize().equals(proofs.toAbsolutePath().normalize())) {
            throw new UsageException("--output and --proofs are both " + dir + ": the proof "
                    + "modules have the models' file names; give two directories");
        }
        // Everything is computed before anything is written, then written all or nothing
        // With --proposal, the proposal's modules only
        List<KernelModePolicy> variants = Selection.variants(line);
        Map<String, String> models = ModelExport.files(scope, variants);
        Map<String, String> proofModules = ModelExport.proofFiles(scope, variants);
        Map<Path, Map<String, String>> targets = new LinkedHashMap<>();
        targets.put(dir, models);
        targets.put(proofs, proofModules);
        StagedExport.write(targets);
        session.out().println("wrote " + models.size() + " files to " + dir + " and "
                + proofModules.size() + " to " + proofs + " (scope " + scope.name() + ": "
                + scope.bounds() + ")");
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
        Path existing = Files.isDirectory(dir) ? dir : parent;
        if (!Files.isWritable(existing)) {
            throw new UsageException("cannot write into " + dir + ": " + existing
                    + " is not writable");
        }
    }
}
