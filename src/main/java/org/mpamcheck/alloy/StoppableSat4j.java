package org.mpamcheck.alloy;

import java.util.ArrayList;
import java.util.List;
import kodkod.engine.satlab.SATFactory;
import kodkod.engine.satlab.SATSolver;
import kodkod.solvers.SAT4J;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ISolver;

/**
 * SAT4J as Kodkod's own factory makes it, except that its solvers know the session's deadline
 * and are kept so that a solve the time limit abandons can be stopped: SAT4J ends its search
 * when its time-out expires, where a JNI solver would run on until it finishes.
 */
final class StoppableSat4j extends SATFactory {

    private static final long serialVersionUID = 1L;

    private final transient List<ISolver> made = new ArrayList<>();
    private final long deadlineNanos;

    StoppableSat4j(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public String id() {
        return SatSolver.SAT4J.id();
    }

    @Override
    public String type() {
        return "java";
    }

    @Override
    public boolean incremental() {
        return true;
    }

    @Override
    protected SATSolver createSolver() {
        ISolver solver = SolverFactory.instance().defaultSolver();
        long leftMs = (deadlineNanos - System.nanoTime()) / 1_000_000;
        solver.setTimeoutMs(Math.max(leftMs, 1));
        synchronized (made) {
            made.add(solver);
        }
        return new SAT4J(solver);
    }

    /** Ends every search this factory's solvers are running (each then fails with a time-out). */
    void stopAll() {
        synchronized (made) {
            made.forEach(ISolver::expireTimeout);
        }
    }
}
