package org.mpamcheck.model.variants;

import static org.mpamcheck.spec.Exprs.forall;
import static org.mpamcheck.spec.Exprs.ref;

import java.util.List;
import org.mpamcheck.model.ResctrlState;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Param;

/**
 * The snapshot branches: mpam_thread_switch writes only MPAM0_EL1, and MPAM1_EL1 keeps the
 * reserved PARTID 0 that cpu_enable_mpam wrote (kernel-facts §4.3).
 */
public final class Arm64KernelDefault extends Arm64Policy {

    public String id() {
        return "arm64-kernel-default";
    }

    public String description() {
        return "MPAM1_EL1 stays at PARTID 0 / PMG 0 for all kernel work and interrupts.";
    }

    /** Nothing ever writes MPAM1_EL1 but CPU online, which writes the default. */
    public List<Invariant> lemmas(ResctrlState s) {
        Param c = new Param("c", s.cpu);
        return List.of(new Invariant("mpam1-default", "MPAM1_EL1 always holds PARTID 0 / PMG 0.",
                forall(c, s.kernelRegister(ref(c)).sameAs(s.defaultLabel())),
                Invariant.Kind.LEMMA));
    }
}
