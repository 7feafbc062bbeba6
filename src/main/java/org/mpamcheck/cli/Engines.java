package org.mpamcheck.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.mpamcheck.alloy.AlloyChecker;
import org.mpamcheck.alloy.SatSolver;
import org.mpamcheck.check.Checker;
import org.mpamcheck.engine.NativeChecker;
import org.mpamcheck.model.Suggest;
import org.mpamcheck.tla.TlcChecker;

/** The checkers by id, in the order they run (native first: it is the reference). */
final class Engines {

    static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();
    private static final Map<String, Supplier<Checker>> CHECKERS = new LinkedHashMap<>();

    static {
        register("native", "mpamcheck's explicit-state breadth-first search (the reference)",
                NativeChecker::new);
        register("tlc", "TLC 2.18 on the exported TLA+ module, in a child JVM", TlcChecker::new);
        register("alloy", "the Alloy 6.2 analyzer (SAT4J) on the exported module, bounded in "
                + "steps", () -> new AlloyChecker(SatSolver.SAT4J));
    }

    private Engines() {
    }

    private static void register(String id, String description, Supplier<Checker> checker) {
        DESCRIPTIONS.put(id, description);
        CHECKERS.put(id, checker);
    }

    /** {@code native}, {@code tlc}, {@code alloy}, a comma list of them, or {@code all}. */
    static List<Checker> parse(String text) {
        List<Checker> chosen = new ArrayList<>();
        List<String> ids = text.equals("all") ? List.copyOf(CHECKERS.keySet())
                : java.util.Arrays.stream(text.split(",")).map(String::trim).toList();
        for (String id : CHECKERS.keySet()) {
            if (ids.contains(id)) {
                chosen.add(CHECKERS.get(id).get());
            }
        }
        for (String id : ids) {
            if (!CHECKERS.containsKey(id.trim())) {
                List<String> valid = new ArrayList<>(CHECKERS.keySet());
                valid.add("all");
                throw new UsageException("unknown engine '" + id.trim() + "'; valid: "
                        + String.join(", ", valid) + Suggest.nearest(id, valid));
            }
        }
        return chosen;
    }
}
