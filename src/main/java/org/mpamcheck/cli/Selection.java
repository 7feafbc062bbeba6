package org.mpamcheck.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.mpamcheck.check.Checker;
import org.mpamcheck.check.Limits;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.Claim;
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
        o.addOption(proposalOption());
        o.addOption(option("property", "IDS", "properties, comma-separated (default: all)"));
        o.addOption(option("engine", "E", "native, tlc, alloy, a comma list or all (default: "
                + (defaultAllEngines ? "all" : "native") + ")"));
        o.addOption(option("scope", "S", "small, ci, deep, or KEY=N,... over ci (default: ci)"));
    }

    static Option proposalOption() {
        return option("proposal", "FILE", "a proposal as one Java file (a class implementing "
                + "KernelModePolicy), checked as a variant for this run; repeatable");
    }

    static void addLimits(Options o) {
        o.addOption(option("timeout", "SECONDS", "time limit per variant and engine "
                + "(default: 3600)"));
        o.addOption(option("workers", "N", "worker threads (default: the cores)"));
        o.addOption(option("no-symmetry", null, "turn symmetry reduction off"));
    }

    /** The options that take a comma list and may be given more than once (merged). */
    static final Set<String> LISTS = Set.of("variant", "property", "engine", "proposal");

    /** The largest {@code --workers}: beyond it threads cost memory and buy nothing. */
    static final int MAX_WORKERS = 256;

    /** The largest {@code --timeout} in seconds (30 days): larger is a typo, not a plan. */
    static final long MAX_TIMEOUT_SECONDS = 30L * 24 * 3600;

    /** Any other option given twice is an error: which of the two was meant is a guess. */
    static void refuseRepeats(CommandLine line) {
        Set<String> seen = new HashSet<>();
        for (Option o : line.getOptions()) {
            String name = o.getLongOpt();
            if (!seen.add(name) && !LISTS.contains(name)) {
                throw new UsageException("--" + name + " is given more than once; give it once");
            }
        }
    }

    /**
     * The items of a list option, from every time it was given: trimmed, each once, in the
     * order given; an empty item (a stray comma) is an error.
     */
    static List<String> items(CommandLine line, String name) {
        Set<String> items = new LinkedHashSet<>();
        for (String values : line.getOptionValues(name)) {
            for (String item : values.split(",", -1)) {
                String id = item.trim();
                if (id.isEmpty()) {
                    throw new UsageException("--" + name + " '" + values + "' has an empty item");
                }
                items.add(id);
            }
        }
        return List.copyOf(items);
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
            for (String id : items(line, "variant")) {
                // --variant may name a proposal of this run by its id
                chosen.add(proposals.stream().filter(p -> p.id().equals(id)).findFirst()
                        .orElseGet(() -> wrap(() -> Variants.byId(id))));
            }
        }
        for (KernelModePolicy p : proposals) {
            if (chosen.contains(p)) {
                continue;
            }
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
            for (String file : items(line, "proposal")) {
                out.add(ProposalSource.load(java.nio.file.Path.of(file)));
            }
        }
        return out;
    }

    /** The chosen properties, in report order; no-guest-bypass only at a scope with guests. */
    static List<String> properties(CommandLine line) {
        List<String> all = Properties.at(scope(line)).stream().map(Claim::id).toList();
        if (!line.hasOption("property")) {
            return all;
        }
        List<String> chosen = new ArrayList<>();
        for (String p : items(line, "property")) {
            if (p.equals(Properties.NO_GUEST_BYPASS.id()) && !all.contains(p)) {
                throw new UsageException(p + " needs KVM guests in the scope: add guests=1 "
                        + "(VHE) or guests=2 (nVHE) to --scope");
            }
            if (!all.contains(p)) {
                throw new UsageException("unknown property '" + p + "'; valid: "
                        + String.join(", ", all) + Suggest.nearest(p, all));
            }
            chosen.add(p);
        }
        return all.stream().filter(chosen::contains).toList();
    }

    static Scope scope(CommandLine line) {
        String text = line.getOptionValue("scope", "ci");
        Set<String> keys = new HashSet<>();
        for (String pair : text.split(",", -1)) {
            String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')).trim() : "";
            if (text.contains("=") && pair.trim().isEmpty()) {
                throw new UsageException("--scope '" + text + "' has an empty item");
            }
            if (!key.isEmpty() && !keys.add(key)) {
                throw new UsageException("scope key " + key + " is given more than once");
            }
        }
        return wrap(() -> Scope.parse(text));
    }

    static List<Checker> engines(CommandLine line, String fallback) {
        return Engines.parse(line.hasOption("engine") ? String.join(",", items(line, "engine"))
                : fallback);
    }

    static Limits limits(CommandLine line) {
        Limits l = Limits.DEFAULT.withSymmetry(!line.hasOption("no-symmetry"));
        if (line.hasOption("timeout")) {
            double s = number(line, "timeout");
            if (s > MAX_TIMEOUT_SECONDS) {
                throw new UsageException("--timeout is at most " + MAX_TIMEOUT_SECONDS
                        + " seconds (30 days), got '" + line.getOptionValue("timeout") + "'");
            }
            l = l.withTimeout(Duration.ofMillis(Math.max(1, Math.round(s * 1000))));
        }
        if (line.hasOption("workers")) {
            double w = number(line, "workers");
            if (w < 1 || w != Math.floor(w)) {
                throw new UsageException("--workers needs a positive integer, got '"
                        + line.getOptionValue("workers") + "'");
            }
            if (w > MAX_WORKERS) {
                throw new UsageException("--workers is at most " + MAX_WORKERS + ", got '"
                        + line.getOptionValue("workers") + "'");
            }
            l = l.withWorkers((int) w);
        }
        return l.withHeapMegabytes(TlcHeap.megabytes(System.getenv("MPAMCHECK_TLC_HEAP"),
                l.heapMegabytes()));
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
