package org.mpamcheck.model.variants;

import static org.mpamcheck.spec.Exprs.forall;
import static org.mpamcheck.spec.Exprs.ref;

import java.util.List;
import java.util.Optional;
import org.mpamcheck.model.Claim;
import org.mpamcheck.model.Label;
import org.mpamcheck.model.ResctrlState;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Param;

/**
 * The glue as merged: mpam_thread_switch writes the same PARTID/PMG to MPAM1_EL1 and MPAM0_EL1
 * on every context switch, then isb (kernel-facts §4.2).
 */
public class Arm64KernelFollows extends Arm64Policy {

    /** mpam_thread_switch writes both registers with one value. */
    private static final Claim MPAM1_EQUALS_MPAM0 = Claim.lemma("mpam1-equals-mpam0",
            "MPAM1_EL1 always holds MPAM0_EL1's value.", s -> {
                Param c = new Param("c", s.cpu);
                return forall(c, s.kernelRegister().on(ref(c)).sameAs(s.userRegister.on(ref(c))));
            });

    @Override
    public String id() {
        return "arm64-kernel-follows";
    }

    @Override
    public String description() {
        return "MPAM1_EL1 = MPAM0_EL1, written together on every context switch (as merged).";
    }

    @Override
    public Optional<Label> kernelRegisterOnLoad(ResctrlState s, Expr cpu, Label user) {
        return Optional.of(user);
    }

    @Override
    public List<Claim> lemmas() {
        return List.of(MPAM1_EQUALS_MPAM0);
    }
}
