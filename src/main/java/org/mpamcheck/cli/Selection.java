package org.mpamcheck.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.mpamcheck.check.Checker;
import org.mpamcheck.check.Limits;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.Properties;
import org.mpamcheck.model.Scope;
import org.mpamcheck.model.Suggest;
import org.mpamcheck.model.Variants;

/** The options that choose what to check and how far, shared by the commands. */
final class Selection {

    private Selection() {
    }

    static Option option(String name, String arg, String description) {
        Option.Builder b = Option.builder().longOpt(name).desc(description);
        if (arg != null) {
            b.hasArg().argName(arg);
        }
        return b.build();
    }

    static void addWhat(Options o, boolean defaultAllEngines) {
        o.addOption(option("variant", "IDS", "variants, comma-separated (default: all, or only "
                + "the proposals when --proposal is given)"));
        o.addOption(option("proposal", "FILE", "a proposal as one Java file (a class "
                + "implementing KernelModePolicy), checked as a variant for this run; "
                + "repeatable"));
        o.addOption(option("property", "IDS", "properties, comma-separated (default: all)"));
        o.addOption(option("engine", "E", "native, tlc, alloy, a comma list or all (default: "
                + (defaultAllEngines ? "all" : "native") + ")"));
        o.addOption(option("scope", "S", "small, ci, deep, or KEY=N,... over ci (default: ci)"));
    }

    static void addLimits(Options o) {
        o.addOption(option("timeout", "SECONDS", "time limit per variant and engine "
                + "(default: 3600)"));
        o.addOption(option("workers", "N", "worker threads (default: the cores)"));
        o.addOption(option("no-symmetry", null, "turn symmetry reduction off"));
    }

    /**
     * The chosen variants: the built-in ones named by {@code --variant} (all by default), and
     * the proposals of {@code --proposal}, which replace the default when no variant is named.
     */
    static List<KernelModePolicy> variants(CommandLine line) {
        List<KernelModePolicy> proposals = proposals(line);
        List<KernelModePolicy> chosen = new ArrayList<>();
        if (!line.hasOption("variant")) {
            chosen.addAll(proposals.isEmpty() ? Variants.all() : List.of());
        } else {
            for (String values : line.getOptionValues("variant")) {
                for (String id : values.split(",")) {
                    chosen.add(wrap(() -> Variants.byId(id.trim())));
                }
            }
        }
        for (KernelModePolicy p : proposals) {
            if (chosen.stream().anyMatch(v -> v.id().equals(p.id()))) {
                throw new UsageException("proposal id '" + p.id() + "' is already a variant of "
                        + "this run; give the proposal another id()");
            }
            chosen.add(p);
        }
        return chosen;
    }

    private static List<KernelModePolicy> proposals(CommandLine line) {
        List<KernelModePolicy> out = new ArrayList<>();
        if (line.hasOption("proposal")) {
            for (String file : line.getOptionValues("proposal")) {
                out.add(ProposalSource.load(java.nio.file.Path.of(file.trim())));
            }
        }
        return out;
    }

    static List<String> properties(CommandLine line) {
        List<String> all = List.copyOf(Properties.DESCRIPTIONS.keySet());
        if (!line.hasOption("property")) {
            return all;
        }
        List<String> chosen = new ArrayList<>();
        for (String id : line.getOptionValue("property").split(",")) {
            String p = id.trim();
            if (!all.contains(p)) {
                throw new UsageException("unknown property '" + p + "'; valid: "
                        + String.join(", ", all) + Suggest.nearest(p, all));
            }
            chosen.add(p);
        }
        return all.stream().filter(chosen::contains).toList();
    }

    static Scope scope(CommandLine line) {
        return wrap(() -> Scope.parse(line.getOptionValue("scope", "ci")));
    }

    static List<Checker> engines(CommandLine line, String fallback) {
        return Engines.parse(line.getOptionValue("engine", fallback));
    }

    static Limits limits(CommandLine line) {
        Limits l = Limits.DEFAULT.withSymmetry(!line.hasOption("no-symmetry"));
        if (line.hasOption("timeout")) {
            double s = number(line, "timeout");
            l = l.withTimeout(Duration.ofMillis(Math.max(1, Math.round(s * 1000))));
        }
        if (line.hasOption("workers")) {
            double w = number(line, "workers");
            if (w < 1 || w != Math.floor(w)) {
                throw new UsageException("--workers needs a positive integer, got '"
                        + line.getOptionValue("workers") + "'");
            }
            l = l.withWorkers((int) w);
        }
        return l;
    }

    private static double number(CommandLine line, String name) {
        String text = line.getOptionValue(name);
        try {
            double v = Double.parseDouble(text);
            if (v <= 0 || Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " needs a positive number, got '" + text + "'");
        }
    }

    private static <T> T wrap(java.util.function.Supplier<T> s) {
        try {
            return s.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
