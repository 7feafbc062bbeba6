package org.mpamcheck.model.variants;

import static org.mpamcheck.spec.Exprs.and;
import static org.mpamcheck.spec.Exprs.forall;
import static org.mpamcheck.spec.Exprs.implies;
import static org.mpamcheck.spec.Exprs.not;
import static org.mpamcheck.spec.Exprs.ref;

import java.util.List;
import java.util.Optional;
import org.mpamcheck.model.Claim;
import org.mpamcheck.model.Label;
import org.mpamcheck.model.ResctrlState;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Param;

/**
 * Kernel work follows the task as merged, but interrupt entry switches MPAM1_EL1 to the default
 * label and interrupt exit restores the task's (a candidate answer to Zeng Heng's interrupt
 * concern in the seed thread).
 */
public class Arm64IrqDefault extends Arm64Policy {

    /** Interrupts run on the default label; everything else on the task's. */
    private static final Claim MPAM1_BY_CONTEXT = Claim.lemma("mpam1-by-context",
            "MPAM1_EL1 holds the default label in an interrupt and MPAM0_EL1's value elsewhere.",
            s -> {
                Param c = new Param("c", s.cpu);
                Label k = s.kernelRegister().on(ref(c));
                return forall(c, and(implies(s.inIrq(ref(c)), k.sameAs(s.defaultLabel())),
                        implies(not(s.inIrq(ref(c))), k.sameAs(s.userRegister.on(ref(c))))));
            });

    @Override
    public String id() {
        return "arm64-irq-default";
    }

    @Override
    public String description() {
        return "MPAM1_EL1 follows the task, except that interrupts switch it to the default label.";
    }

    @Override
    public Optional<Label> kernelRegisterOnLoad(ResctrlState s, Expr cpu, Label user) {
        return Optional.of(user);
    }

    @Override
    public Optional<Label> kernelRegisterOnIrqEntry(ResctrlState s, Expr cpu) {
        return Optional.of(s.defaultLabel());
    }

    /** The interrupted context's label is MPAM0_EL1's, which interrupt entry left alone. */
    @Override
    public Optional<Label> kernelRegisterOnIrqExit(ResctrlState s, Expr cpu) {
        return Optional.of(s.userRegister.on(cpu));
    }

    @Override
    public List<Claim> lemmas() {
        return List.of(MPAM1_BY_CONTEXT);
    }
}
