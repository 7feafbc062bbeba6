package org.mpamcheck.spec;

/** A condition an action needs to be enabled, with the kernel rule it models. */
public record Guard(Expr condition, String cite) {

    public Guard {
        Checks.bool("guard", condition);
        cite = cite == null ? "" : cite;
    }
}
