package org.mpamcheck.model;

import static org.mpamcheck.spec.Exprs.and;
import static org.mpamcheck.spec.Exprs.eq;

import org.mpamcheck.spec.Expr;

/**
 * A resctrl label as two expressions: the control id (arm64 PARTID, x86 CLOSID) and the monitor
 * id (arm64 PMG, x86 RMID). On arm64 the pair is one u64 written at once (asm/mpam.h).
 */
public record Label(Expr partid, Expr pmg) {

    public Expr sameAs(Label other) {
        return and(eq(partid, other.partid), eq(pmg, other.pmg));
    }
}
