package org.mpamcheck.model;

import org.mpamcheck.spec.SymmetricSort;

/** Kernel locks, present when the scope has any: each lock's holder and its waiters. */
public record KernelLocks(SymmetricSort sort, StateVar holder, StateVar waiters) {
}
