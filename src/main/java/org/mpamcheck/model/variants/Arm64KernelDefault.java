package org.mpamcheck.model.variants;

import static org.mpamcheck.spec.Exprs.forall;
import static org.mpamcheck.spec.Exprs.ref;

import java.util.List;
import org.mpamcheck.model.Claim;
import org.mpamcheck.spec.Param;

/**
 * The snapshot branches: mpam_thread_switch writes only MPAM0_EL1, and MPAM1_EL1 keeps the
 * reserved PARTID 0 that cpu_enable_mpam wrote (kernel-facts §4.3).
 */
public class Arm64KernelDefault extends Arm64Policy {

    /** Nothing ever writes MPAM1_EL1 but CPU online, which writes the default. */
    private static final Claim MPAM1_DEFAULT = Claim.lemma("mpam1-default",
            "MPAM1_EL1 always holds PARTID 0 / PMG 0.", s -> {
                Param c = new Param("c", s.cpu);
                return forall(c, s.kernelRegister().on(ref(c)).sameAs(s.defaultLabel()));
            });

    @Override
    public String id() {
        return "arm64-kernel-default";
    }

    @Override
    public String description() {
        return "MPAM1_EL1 stays at PARTID 0 / PMG 0 for all kernel work and interrupts.";
    }

    @Override
    public List<Claim> lemmas() {
        return List.of(MPAM1_DEFAULT);
    }
}
