package org.mpamcheck.report;

import java.util.List;
import java.util.Map;
import org.mpamcheck.alloy.InductionResult;
import org.mpamcheck.alloy.InductiveSet;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Spec;

/**
 * One variant's proof attempt: the search verdicts that chose the candidates (only what holds is
 * worth proving; a violated lemma is a bug), and the inductive-set outcome at the proof scope.
 */
public record ProofRun(KernelModePolicy policy, Spec spec, Map<String, Verdict> searched,
        InductiveSet.Outcome outcome) {

    /** How one property or lemma came out. */
    public enum Status { PROVED, NOT_INDUCTIVE, VIOLATED, INCOMPLETE, ERROR }

    public Status status(String invariant) {
        Verdict v = searched.get(invariant);
        if (v == Verdict.VIOLATED) {
            return Status.VIOLATED;
        }
        if (v != Verdict.HOLDS) {
            return Status.ERROR;
        }
        InductionResult r = outcome.results().get(invariant);
        if (r == null) {
            return Status.ERROR;
        }
        switch (r.outcome()) {
            case PROVED:
                return Status.PROVED;
            case NOT_INITIAL:
            case NOT_INDUCTIVE:
                return Status.NOT_INDUCTIVE;
            case INCOMPLETE:
                return Status.INCOMPLETE;
            default:
                return Status.ERROR;
        }
    }

    public List<Invariant> lemmas() {
        return spec.invariants().stream().filter(i -> i.kind() == Invariant.Kind.LEMMA).toList();
    }
}
