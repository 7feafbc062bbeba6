package org.mpamcheck.model;

import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Expr;

/**
 * A per-CPU label register (MPAM0_EL1, MPAM1_EL1, PQR_ASSOC, PLZA_ASSOC) as its two fields: the
 * control id and the monitor id, written together (on arm64 one u64, asm/mpam.h).
 */
public record Register(String hardwareName, StateVar partid, StateVar pmg) {

    /** The label the register holds on {@code cpu}. */
    public Label on(Expr cpu) {
        return new Label(partid.at(cpu), pmg.at(cpu));
    }

    /** Writes {@code label} into the register of {@code cpu}. */
    public Action.Builder write(Action.Builder b, Expr cpu, Label label, String cite) {
        return b.set(partid.becomesAt(cpu, label.partid(), cite))
                .set(pmg.becomesAt(cpu, label.pmg(), cite));
    }
}
