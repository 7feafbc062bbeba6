package org.mpamcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mpamcheck.alloy.InductionResult;
import org.mpamcheck.alloy.SatSolver;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.Properties;
import org.mpamcheck.model.Scope;
import org.mpamcheck.model.Variants;
import org.mpamcheck.report.ProofRun;
import org.mpamcheck.spec.Invariant;

/**
 * {@code prove --scope ci} on every variant: what the search finds holding is proved by induction
 * with the lemmas, and every lemma with it. A model change that leaves a property or a lemma
 * not inductive fails here with the variant named, before the proofs in proofs/ go stale.
 */
class ProveAtCiTest {

    private static final Duration LIMIT = Duration.ofMinutes(10);

    /**
     * One letter per property in report order: P proved, V violated by the search, N not
     * inductive, I incomplete, E error. From {@code ./mpamcheck prove --scope ci} (proofs/README).
     */
    private static final Map<String, String> AT_CI = new LinkedHashMap<>();

    static {
        AT_CI.put("arm64-kernel-default", "VVVVVPPVVV");
        AT_CI.put("arm64-kernel-follows", "VVVVVVVPPV");
        AT_CI.put("arm64-per-group", "VVVVVVVVVV");
        AT_CI.put("arm64-irq-default", "VVVVVVPVPV");
        AT_CI.put("arm64-kernel-group", "VVVVVPPVVV");
        AT_CI.put("arm64-group-mapped", "VVVVVVVVVV");
        AT_CI.put("x86-rdt", "PPPPPVVPPP");
        AT_CI.put("x86-plza", "VPPPVVVVVV");
        AT_CI.put("x86-plza/bound-inherit-mon", "PPPPVPPVVP");
        AT_CI.put("x86-plza/bound-assign-mon", "PPPPVPPVVV");
        AT_CI.put("x86-plza/unbound", "PPPPPVVPPP");
    }

    @Test
    void everyHoldingPropertyAndEveryLemmaOfEveryVariantIsProvedAtCi() {
        assertEquals(Variants.ids(), java.util.List.copyOf(AT_CI.keySet()));
        for (KernelModePolicy v : Variants.all()) {
            ProofRun run = ProveCommand.prove(v, Scope.ci(), LIMIT, SatSolver.SAT4J);
            StringBuilder cells = new StringBuilder();
            for (String p : Properties.ids()) {
                ProofRun.Status st = run.status(p);
                cells.append(st == ProofRun.Status.NOT_INDUCTIVE ? 'N' : st.name().charAt(0));
                if (run.searched().get(p) == Verdict.HOLDS) {
                    assertEquals(ProofRun.Status.PROVED, st, v.id() + " " + p);
                }
            }
            assertEquals(AT_CI.get(v.id()), cells.toString(), v.id());
            for (Invariant lemma : run.lemmas()) {
                assertEquals(InductionResult.Outcome.PROVED,
                        run.outcome().results().get(lemma.name()).outcome(),
                        v.id() + " " + lemma.name());
            }
            assertEquals(1, run.outcome().rounds(), v.id() + ": the candidates are inductive "
                    + "together, nothing is dropped");
        }
    }
}
