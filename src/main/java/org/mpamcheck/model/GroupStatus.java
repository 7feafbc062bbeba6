package org.mpamcheck.model;

/**
 * A group slot: free, live, or dying (between rmdir's relabelling and the release of its ids,
 * while rdtgroup_mutex is held; a dying group refuses every write: rdtgroup_kn_lock_live).
 */
public enum GroupStatus {
    FREE("free"),
    LIVE("live"),
    DYING("dying");

    private final String specName;

    GroupStatus(String specName) {
        this.specName = specName;
    }

    public String specName() {
        return specName;
    }
}
