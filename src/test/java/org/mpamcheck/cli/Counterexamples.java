package org.mpamcheck.cli;

import org.mpamcheck.check.Limits;
import org.mpamcheck.check.Progress;
import org.mpamcheck.engine.NativeChecker;
import org.mpamcheck.model.Scope;
import org.mpamcheck.model.Variants;
import org.mpamcheck.spec.Trace;

/** A real counterexample for tests that need one: x86-rdt breaks irq-isolation in 4 steps. */
final class Counterexamples {

    private Counterexamples() {
    }

    static Trace nativeViolation() {
        return new NativeChecker().check(MatrixRunner.specFor(Variants.byId("x86-rdt"),
                java.util.List.of("irq-isolation"), Scope.small()), Limits.DEFAULT.withWorkers(1),
                Progress.NONE).properties().get(0).counterexample().orElseThrow();
    }
}
