package org.mpamcheck.model;

import static org.mpamcheck.spec.Exprs.diff;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.neq;
import static org.mpamcheck.spec.Exprs.not;
import static org.mpamcheck.spec.Exprs.ref;
import static org.mpamcheck.spec.Exprs.setOf;
import static org.mpamcheck.spec.Exprs.some;
import static org.mpamcheck.spec.Exprs.union;

import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Param;

/** Taking, waiting for and releasing a kernel mutex (kernel/locking/mutex.c). */
final class KernelLockSteps {

    /** The parameters of a lock step: a CPU, the task it runs in kernel context, a lock. */
    private record LockStep(Param c, Param t, Param l) {
    }

    private KernelLockSteps() {
    }

    static void register(StepCatalog steps, ResctrlState s, KernelLocks locks) {
        steps.add(new Step(CoreSteps.LOCK_TAKE, "the task takes a free kernel lock",
                "kernel/locking/mutex.c mutex_lock", (st, step) -> take(st, step, locks),
                v -> v.onCpu(0) + "task " + v.pid(1) + " takes " + v.arg(2)));
        steps.add(new Step(CoreSteps.LOCK_WAIT, "the task waits for a kernel lock another task "
                + "holds", "kernel/locking/mutex.c __mutex_lock_common",
                (st, step) -> await(st, step, locks),
                v -> v.onCpu(0) + "task " + v.pid(1) + " waits for " + v.arg(2)));
        steps.add(new Step(CoreSteps.LOCK_RELEASE, "the task releases a kernel lock",
                "kernel/locking/mutex.c mutex_unlock", (st, step) -> release(st, step, locks),
                v -> v.onCpu(0) + "task " + v.pid(1) + " releases " + v.arg(2)));
    }

    private static LockStep params(ResctrlState s, KernelLocks locks) {
        return new LockStep(new Param("c", s.cpu), new Param("t", s.task),
                new Param("l", locks.sort()));
    }

    private static Action.Builder lockAction(ResctrlState s, Step step, LockStep p) {
        return step.action()
                .param(p.c()).param(p.t()).param(p.l())
                .when(s.runs(ref(p.c()), ref(p.t())), "the running task")
                .when(s.inContext(ref(p.c()), CpuContext.KERNEL),
                        "kernel locks are used in kernel context");
    }

    private static Action take(ResctrlState s, Step step, KernelLocks locks) {
        LockStep p = params(s, locks);
        Expr l = ref(p.l());
        return lockAction(s, step, p)
                .when(eq(locks.holder().at(l), s.noTask()), "the lock is free")
                .set(locks.holder().becomesAt(l, some(s.taskOrNone, ref(p.t())), "mutex_lock"))
                .set(locks.waiters().becomesAt(l, diff(locks.waiters().at(l),
                        setOf(s.task, ref(p.t()))), "a waiter stops waiting when it gets the lock"))
                .build();
    }

    private static Action await(ResctrlState s, Step step, KernelLocks locks) {
        LockStep p = params(s, locks);
        Expr l = ref(p.l());
        return lockAction(s, step, p)
                .when(neq(locks.holder().at(l), s.noTask()), "the lock is held")
                .when(neq(locks.holder().at(l), some(s.taskOrNone, ref(p.t()))),
                        "by another task")
                .when(not(CpuEvents.holdsOrWaits(s, ref(p.t()))), "one lock at a time")
                .set(locks.waiters().becomesAt(l, union(locks.waiters().at(l),
                        setOf(s.task, ref(p.t()))), "mutex_lock: optimistic spinning on the owner"))
                .build();
    }

    private static Action release(ResctrlState s, Step step, KernelLocks locks) {
        LockStep p = params(s, locks);
        Expr l = ref(p.l());
        return lockAction(s, step, p)
                .when(eq(locks.holder().at(l), some(s.taskOrNone, ref(p.t()))), "the holder")
                .set(locks.holder().becomesAt(l, s.noTask(), "mutex_unlock"))
                .build();
    }
}
