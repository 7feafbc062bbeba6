package org.mpamcheck.alloy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import kodkod.engine.satlab.SATFactory;

/**
 * The SAT solvers Alloy's Kodkod can call here: SAT4J is pure Java and always present; MiniSat
 * comes as a JNI library inside the Alloy jar and loads on the common platforms. A solver that
 * does not load falls back to SAT4J, and reports say which one answered. (Glucose loads too, but
 * writes its banner to the process's standard output, where reports go.)
 */
public enum SatSolver {
    SAT4J("sat4j"),
    MINISAT("minisat");

    private final String id;

    SatSolver(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The solver named {@code id}, or null. */
    public static SatSolver byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id.toLowerCase(Locale.ROOT)))
                .findFirst().orElse(null);
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(SatSolver::id).toList();
    }

    /** Kodkod's factory for this solver, or a (stoppable) SAT4J when this one does not load. */
    SATFactory factory(long deadlineNanos) {
        if (this != SAT4J) {
            try {
                SATFactory f = SATFactory.find(id).orElse(null);
                if (f != null && f.isPresent()) {
                    f.instance().free();
                    return f;
                }
            } catch (RuntimeException | LinkageError e) {
                // not loadable on this machine: fall back to SAT4J
            }
        }
        return new StoppableSat4j(deadlineNanos);
    }
}
