package org.mpamcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mpamcheck.check.Limits;
import org.mpamcheck.check.Progress;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Result;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.engine.NativeChecker;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Spec;

/** The lemmas the proofs assume are checked by search like any property: none may be violated. */
class LemmaTest {

    @Test
    void everyLemmaHoldsInEveryReachableStateOfEveryVariant() {
        for (KernelModePolicy v : Variants.all()) {
            Spec spec = ResctrlModel.spec(v, Scope.ci());
            long lemmas = spec.invariants().stream()
                    .filter(i -> i.kind() == Invariant.Kind.LEMMA).count();
            assertTrue(lemmas >= 6, v.id());
            Result r = new NativeChecker().check(spec, Limits.DEFAULT, Progress.NONE);
            for (PropertyResult p : r.properties()) {
                if (spec.invariant(p.invariant()).kind() == Invariant.Kind.LEMMA) {
                    assertEquals(Verdict.HOLDS, p.verdict(), v.id() + " " + p.invariant());
                }
            }
        }
    }
}
