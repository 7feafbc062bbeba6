package org.mpamcheck.model;

import static org.mpamcheck.spec.Exprs.FALSE;
import static org.mpamcheck.spec.Exprs.TRUE;
import static org.mpamcheck.spec.Exprs.and;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.exists;
import static org.mpamcheck.spec.Exprs.forall;
import static org.mpamcheck.spec.Exprs.implies;
import static org.mpamcheck.spec.Exprs.isEmpty;
import static org.mpamcheck.spec.Exprs.neq;
import static org.mpamcheck.spec.Exprs.not;
import static org.mpamcheck.spec.Exprs.notIn;
import static org.mpamcheck.spec.Exprs.or;
import static org.mpamcheck.spec.Exprs.ref;
import static org.mpamcheck.spec.Exprs.some;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Param;

/**
 * The properties of MODEL.md as registered entries over {@link ResctrlState}, in report order.
 * "Unrestricted" is the group the policy designates for kernel work ({@link
 * KernelModePolicy#designatedKernelGroup}; PARTID/CLOSID 0 unless the policy says). Properties
 * about the label in force on
 * a CPU exclude a CPU with an IPI pending: until the IPI runs the old label stays live, as the
 * kernel documents (the window of kernel-facts §2); label-coherence is what makes it close.
 */
public final class Properties {

    /** Every property, in report order (a report numbers them from 1 in this order). */
    public static final List<Claim> ALL = List.of(
            Claim.property("partid-exclusive", "No two live control groups share a "
                    + "PARTID/CLOSID, and no CPU runs on a freed one.",
                    s -> new Properties(s).partidExclusive()),
            Claim.property("monitor-exclusive", "No two live monitor groups share a monitor "
                    + "label, and none is reused from limbo.",
                    s -> new Properties(s).monitorExclusive()),
            Claim.property("default-fallback", "Tasks and CPUs of a removed group fall back to "
                    + "its parent (the default group for a control group).",
                    s -> new Properties(s).defaultFallback()),
            Claim.property("label-coherence", "Once updates are delivered, each CPU runs with "
                    + "the label resctrl assigned to its task.",
                    s -> new Properties(s).labelCoherence()),
            Claim.property("no-user-bypass", "Work the kernel does on behalf of a task is "
                    + "controlled like the task itself.", s -> new Properties(s).noUserBypass(),
                    "a task running in the kernel on a CPU with no update pending",
                    s -> new Properties(s).settledTaskInKernel()),
            Claim.property("no-priority-inversion", "A task holding a kernel lock that "
                    + "others wait for runs, in the kernel on a CPU with no update pending, under "
                    + "the group the policy designates for kernel work (PARTID 0 unless the "
                    + "policy binds another).",
                    s -> new Properties(s).noPriorityInversion(),
                    "a lock holder with waiters, running in the kernel",
                    s -> new Properties(s).contendedLockHolderInKernel()),
            Claim.property("irq-isolation", "An interrupt taken while a task runs, on a CPU "
                    + "with no update pending, is labelled with the designated kernel group's "
                    + "PARTID or with one other than the task's own.",
                    s -> new Properties(s).irqIsolation(),
                    "an interrupt taken while a task runs",
                    s -> new Properties(s).interruptedTask()),
            Claim.property("stable-kernel-label", "The label in force does not change when a "
                    + "task enters or leaves the kernel or takes an interrupt: kernel work and "
                    + "interrupts run with the user register's label (no cache jitter; the "
                    + "register cost is measured apart).",
                    s -> new Properties(s).stableKernelLabel(),
                    "a task in the kernel or interrupted",
                    s -> new Properties(s).taskOutOfUserMode()),
            Claim.property("all-partids-usable", "Kernel work of a task whose group is not the "
                    + "designated kernel group never runs under the designated group's PARTID, "
                    + "so every PARTID can be given limits.",
                    s -> new Properties(s).allPartidsUsable(),
                    "a task of a non-designated group running in the kernel",
                    s -> new Properties(s).restrictedTaskInKernel()),
            Claim.property("monitor-attribution", "Kernel work done on behalf of a task is "
                    + "counted in the task's own monitor group: in the kernel, on a CPU with no "
                    + "update pending, the monitor label in force (RMID; on MPAM the "
                    + "PARTID/PMG pair) is the one resctrl assigns the task.",
                    s -> new Properties(s).monitorAttribution(),
                    "a task running in the kernel on a CPU with no update pending",
                    s -> new Properties(s).settledTaskInKernel()));

    /**
     * Checked only at scopes with guests (ResctrlModel adds it there): in the default matrix it
     * would hold trivially and, never violated, keep the search from stopping early where every
     * other property breaks (arm64-per-group: 10,665 states become 2.8 million at ci).
     */
    public static final Claim NO_GUEST_BYPASS = Claim.property("no-guest-bypass", "A KVM "
            + "guest's kernel runs, on a CPU with no update pending, with the PARTID resctrl "
            + "assigns its VMM task.", s -> new Properties(s).noGuestBypass(),
            "a guest kernel running on a CPU with no update pending",
            s -> new Properties(s).settledGuestKernel());

    /** The default matrix's ids with their one-line descriptions, in report order. */
    public static final Map<String, String> DESCRIPTIONS = descriptions();

    /** What a check at {@code scope} can ask: the matrix, and no-guest-bypass with guests. */
    public static List<Claim> at(Scope scope) {
        return scope.guests() == 0 ? ALL : every();
    }

    private static List<Claim> every() {
        List<Claim> all = new java.util.ArrayList<>(ALL);
        all.add(NO_GUEST_BYPASS);
        return all;
    }

    /** A property's one-line description (null for an id that is none). */
    public static String description(String id) {
        return every().stream().filter(c -> c.id().equals(id)).map(Claim::description)
                .findFirst().orElse(null);
    }

    private final ResctrlState s;

    private Properties(ResctrlState s) {
        this.s = s;
    }

    private static Map<String, String> descriptions() {
        Map<String, String> m = new LinkedHashMap<>();
        ALL.forEach(c -> m.put(c.id(), c.description()));
        return Collections.unmodifiableMap(m);
    }

    public static List<String> ids() {
        return ALL.stream().map(Claim::id).toList();
    }

    /** The property's number in reports (1-based), or 0 for an id that is not a property. */
    public static int number(String id) {
        return every().stream().map(Claim::id).toList().indexOf(id) + 1;
    }

    private Expr allocated(Expr p) {
        return s.isAllocated(s.ctrlState, p);
    }

    /** For every online CPU {@code c}. */
    private Expr everyOnlineCpu(Function<Expr, Expr> body) {
        Param c = new Param("c", s.cpu);
        return forall(c, implies(s.isOnline(ref(c)), body.apply(ref(c))));
    }

    /** For every online CPU {@code c} without a pending IPI, running a task {@code t}. */
    private Expr everySettledRunningTask(BiFunction<Expr, Expr, Expr> body) {
        Param c = new Param("c", s.cpu);
        Param t = new Param("t", s.task);
        return forall(c, forall(t, implies(settledRunning(ref(c), ref(t)),
                body.apply(ref(c), ref(t)))));
    }

    /** Some online CPU without a pending IPI runs a task {@code t} with {@code which}. */
    private Expr someSettledRunningTask(BiFunction<Expr, Expr, Expr> which) {
        Param c = new Param("c", s.cpu);
        Param t = new Param("t", s.task);
        return exists(c, exists(t, and(settledRunning(ref(c), ref(t)),
                which.apply(ref(c), ref(t)))));
    }

    /**
     * {@code c} runs {@code t} with every update delivered: no IPI pending on it, and no move
     * of {@code t} between its store and its task_curr check (the kernel's documented window).
     */
    private Expr settledRunning(Expr c, Expr t) {
        return and(s.isOnline(c), notIn(c, s.ipiPending.ref()), s.runs(c, t),
                notIn(t, s.uncheckedMoves.ref()));
    }

    /**
     * Groups are named by their id (one slot per id, as closid_free_map), so two allocated groups
     * cannot share one; what can break is an id in force on a CPU, or a monitor group outliving
     * its parent's id.
     */
    private Expr partidExclusive() {
        List<Expr> parts = new ArrayList<>();
        parts.add(everyOnlineCpu(c -> and(allocated(s.userRegister.on(c).partid()),
                allocated(s.policy.kernelLabel(s, c).partid()))));
        s.guestRegister.ifPresent(g -> parts.add(everyOnlineCpu(c -> implies(
                s.inContext(c, CpuContext.GUEST_KERNEL), allocated(g.on(c).partid())))));
        s.monitors.ifPresent(mg -> {
            Param m = new Param("m", mg.sort());
            parts.add(forall(m, implies(s.isAllocated(mg.state(), ref(m)),
                    allocated(mg.partid().at(ref(m))))));
        });
        return and(parts);
    }

    private Expr monitorExclusive() {
        Param p = new Param("p", s.partid);
        Param q = new Param("q", s.partid);
        List<Expr> parts = new ArrayList<>();
        Expr sameRowCtrl = and(eq(s.rmidIndex(ref(p)), s.rmidIndex(ref(q))),
                eq(s.ctrlPmg.at(ref(p)), s.ctrlPmg.at(ref(q))));
        parts.add(forall(p, forall(q, implies(and(allocated(ref(p)), allocated(ref(q)),
                neq(ref(p), ref(q))), not(sameRowCtrl)))));
        parts.add(forall(p, implies(allocated(ref(p)),
                notIn(s.ctrlPmg.at(ref(p)), s.limbo.at(s.rmidIndex(ref(p)))))));
        s.monitors.ifPresent(mg -> {
            Param m = new Param("m", mg.sort());
            Param n = new Param("n", mg.sort());
            Expr mRow = s.rmidIndex(mg.partid().at(ref(m)));
            parts.add(forall(m, implies(s.isAllocated(mg.state(), ref(m)), and(
                    notIn(mg.pmg().at(ref(m)), s.limbo.at(mRow)),
                    forall(p, implies(allocated(ref(p)), not(and(eq(s.rmidIndex(ref(p)), mRow),
                            eq(s.ctrlPmg.at(ref(p)), mg.pmg().at(ref(m))))))),
                    forall(n, implies(and(s.isAllocated(mg.state(), ref(n)), neq(ref(m), ref(n))),
                            not(and(eq(s.rmidIndex(mg.partid().at(ref(n))), mRow),
                                    eq(mg.pmg().at(ref(n)), mg.pmg().at(ref(m)))))))))));
        });
        parts.add(everyOnlineCpu(c -> and(inUse(s.userRegister.on(c)),
                inUse(s.policy.kernelLabel(s, c)))));
        return and(parts);
    }

    private Expr inUse(Label l) {
        return s.monitorIdInUse(s.rmidIndex(l.partid()), l.pmg());
    }

    /** A label a live group gives: the default's, a live control group's, a live monitor group's. */
    private Expr liveGroupLabel(Label l) {
        Expr ctrl = and(s.isLive(s.ctrlState, l.partid()), eq(l.pmg(), s.ctrlPmg.at(l.partid())));
        return s.monitors.map(mg -> {
            Param m = new Param("mg", mg.sort());
            return and(s.isLive(s.ctrlState, l.partid()), or(ctrl, exists(m,
                    and(s.isLive(mg.state(), ref(m)), mg.label(ref(m)).sameAs(l)))));
        }).orElse(ctrl);
    }

    private Expr defaultFallback() {
        Param t = new Param("t", s.task);
        return and(forall(t, liveGroupLabel(s.taskLabel(ref(t)))),
                everyOnlineCpu(c -> and(liveGroupLabel(s.cpuGroup(c)),
                        liveGroupLabel(s.cpuDefault(c)))));
    }

    private Expr labelCoherence() {
        Param c = new Param("c", s.cpu);
        Expr idleCoherent = forall(c, implies(and(s.isOnline(ref(c)),
                notIn(ref(c), s.ipiPending.ref()), s.idle(ref(c))),
                s.userRegister.on(ref(c)).sameAs(s.cpuGroup(ref(c)))));
        return and(everySettledRunningTask((cpu, t) ->
                s.userRegister.on(cpu).sameAs(s.assigned(t, cpu))), idleCoherent);
    }

    private Expr noUserBypass() {
        return everySettledRunningTask((c, t) -> implies(s.inContext(c, CpuContext.KERNEL),
                eq(s.effective(c).partid(), s.assigned(t, c).partid())));
    }

    /**
     * MPAM monitors count by (PARTID, PMG), so a PMG under another PARTID is another monitor
     * group; x86 RMIDs are global (kernel-facts §1.7). PLZA's assign_mon (RMID_EN) counts kernel
     * work under the bound group's RMID, inherit_mon under the task's.
     */
    private Expr monitorAttribution() {
        return everySettledRunningTask((c, t) -> implies(s.inContext(c, CpuContext.KERNEL),
                s.arch.monitorsScopedByControl() ? s.effective(c).sameAs(s.assigned(t, c))
                        : eq(s.effective(c).pmg(), s.assigned(t, c).pmg())));
    }

    private Expr noGuestBypass() {
        if (s.scope.guests() == 0) {
            return TRUE;
        }
        return everySettledRunningTask((c, t) -> implies(s.inContext(c, CpuContext.GUEST_KERNEL),
                eq(s.effective(c).partid(), s.assigned(t, c).partid())));
    }

    private Expr settledGuestKernel() {
        return s.scope.guests() == 0 ? FALSE
                : someSettledRunningTask((c, t) -> s.inContext(c, CpuContext.GUEST_KERNEL));
    }

    private Expr settledTaskInKernel() {
        return someSettledRunningTask((c, t) -> s.inContext(c, CpuContext.KERNEL));
    }

    /** A task {@code t} on {@code c} holds lock {@code l} in the kernel while others wait. */
    private Expr contendedHolder(KernelLocks locks, Expr l, Expr c, Expr t) {
        return and(eq(locks.holder().at(l), some(s.taskOrNone, t)),
                not(isEmpty(locks.waiters().at(l))), s.runs(c, t),
                s.inContext(c, CpuContext.KERNEL));
    }

    private Expr noPriorityInversion() {
        return s.locks.map(locks -> {
            Param l = new Param("l", locks.sort());
            Param c = new Param("c", s.cpu);
            Param t = new Param("t", s.task);
            return forall(l, forall(c, forall(t, implies(and(
                    contendedHolder(locks, ref(l), ref(c), ref(t)),
                            notIn(ref(c), s.ipiPending.ref())),
                    designated(s.effective(ref(c)).partid())))));
        }).orElse(TRUE);
    }

    private Expr contendedLockHolderInKernel() {
        return s.locks.map(locks -> {
            Param l = new Param("l", locks.sort());
            Param c = new Param("c", s.cpu);
            Param t = new Param("t", s.task);
            return exists(l, exists(c, exists(t,
                    contendedHolder(locks, ref(l), ref(c), ref(t)))));
        }).orElse(FALSE);
    }

    private Expr irqIsolation() {
        Param c = new Param("c", s.cpu);
        Param t = new Param("t", s.task);
        Expr e = s.effective(ref(c)).partid();
        return forall(c, forall(t, implies(and(s.isOnline(ref(c)),
                notIn(ref(c), s.ipiPending.ref()), s.runs(ref(c), ref(t)), s.inIrq(ref(c))),
                or(designated(e), neq(e, s.assigned(ref(t), ref(c)).partid())))));
    }

    private Expr interruptedTask() {
        Param c = new Param("c", s.cpu);
        return exists(c, and(s.isOnline(ref(c)), not(s.idle(ref(c))), s.inIrq(ref(c))));
    }

    private Expr stableKernelLabel() {
        return everyOnlineCpu(c -> implies(and(not(s.idle(c)),
                        not(s.inContext(c, CpuContext.USER))),
                s.effective(c).sameAs(s.userRegister.on(c))));
    }

    private Expr taskOutOfUserMode() {
        Param c = new Param("c", s.cpu);
        return exists(c, and(s.isOnline(ref(c)), not(s.idle(ref(c))),
                not(s.inContext(ref(c), CpuContext.USER))));
    }

    private Expr allPartidsUsable() {
        return everySettledRunningTask((c, t) -> implies(restrictedInKernel(c, t),
                not(designated(s.effective(c).partid()))));
    }

    private Expr designated(Expr partid) {
        return s.policy.designatedKernelGroup(s, partid);
    }

    private Expr restrictedInKernel(Expr c, Expr t) {
        return and(s.inContext(c, CpuContext.KERNEL), not(designated(s.assigned(t, c).partid())));
    }

    private Expr restrictedTaskInKernel() {
        return someSettledRunningTask(this::restrictedInKernel);
    }
}
