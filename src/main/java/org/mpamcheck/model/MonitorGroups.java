package org.mpamcheck.model;

import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.SymmetricSort;

/**
 * The monitor-group slots, present when the scope has any: each slot's status, its parent's
 * control id and its own monitor id (rdtgroup_mkdir_mon).
 */
public record MonitorGroups(SymmetricSort sort, StateVar state, StateVar partid, StateVar pmg) {

    public Label label(Expr m) {
        return new Label(partid.at(m), pmg.at(m));
    }
}
