package org.mpamcheck.model.variants;

import static org.mpamcheck.spec.Exprs.forall;
import static org.mpamcheck.spec.Exprs.ref;

import java.util.List;
import org.mpamcheck.model.Label;
import org.mpamcheck.model.ResctrlState;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Param;

/**
 * The glue as merged: mpam_thread_switch writes the same PARTID/PMG to MPAM1_EL1 and MPAM0_EL1
 * on every context switch, then isb (kernel-facts §4.2).
 */
public final class Arm64KernelFollows extends Arm64Policy {

    public String id() {
        return "arm64-kernel-follows";
    }

    public String description() {
        return "MPAM1_EL1 = MPAM0_EL1, written together on every context switch (as merged).";
    }

    public Label kernelRegisterOnLoad(ResctrlState s, Expr cpu, Label user) {
        return user;
    }

    /** mpam_thread_switch writes both registers with one value. */
    public List<Invariant> lemmas(ResctrlState s) {
        Param c = new Param("c", s.cpu);
        return List.of(new Invariant("mpam1-equals-mpam0", "MPAM1_EL1 always holds MPAM0_EL1's "
                + "value.", forall(c, s.kernelRegister(ref(c)).sameAs(s.userRegister(ref(c)))),
                Invariant.Kind.LEMMA));
    }
}
