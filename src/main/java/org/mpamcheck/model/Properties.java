package org.mpamcheck.model;

import static org.mpamcheck.spec.Exprs.TRUE;
import static org.mpamcheck.spec.Exprs.and;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.forall;
import static org.mpamcheck.spec.Exprs.implies;
import static org.mpamcheck.spec.Exprs.in;
import static org.mpamcheck.spec.Exprs.isEmpty;
import static org.mpamcheck.spec.Exprs.neq;
import static org.mpamcheck.spec.Exprs.not;
import static org.mpamcheck.spec.Exprs.notIn;
import static org.mpamcheck.spec.Exprs.or;
import static org.mpamcheck.spec.Exprs.ref;
import static org.mpamcheck.spec.Exprs.some;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Param;

/**
 * The nine properties of MODEL.md as invariants over {@link ResctrlState}. "Unrestricted" is
 * PARTID/CLOSID 0, the default group's. Properties about the label in force on a CPU exclude a
 * CPU with an IPI pending: until the IPI runs the old label stays live, as the kernel documents
 * (the window of kernel-facts §2); the label-coherence property is what makes that window close.
 */
public final class Properties {

    /** The ids with their one-line descriptions, in report order. */
    public static final Map<String, String> DESCRIPTIONS = descriptions();

    private final ResctrlState s;

    Properties(ResctrlState s) {
        this.s = s;
    }

    private static Map<String, String> descriptions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("partid-exclusive", "No two live control groups share a PARTID/CLOSID, and no CPU "
                + "runs on a freed one.");
        m.put("monitor-exclusive", "No two live monitor groups share a monitor label, and none "
                + "is reused from limbo.");
        m.put("default-fallback", "Tasks and CPUs of a removed group fall back to its parent "
                + "(the default group for a control group).");
        m.put("label-coherence", "Once updates are delivered, each CPU runs with the label "
                + "resctrl assigned to its task.");
        m.put("no-user-bypass", "Work the kernel does on behalf of a task is controlled like the "
                + "task itself.");
        m.put("no-priority-inversion", "A lock holder that others wait for is never throttled by "
                + "a control group's limits.");
        m.put("irq-isolation", "Interrupts never run under the interrupted task's control group.");
        m.put("stable-kernel-label", "Entering the kernel or taking an interrupt never changes "
                + "the label in force (no isb, no cache jitter).");
        m.put("all-partids-usable", "Every PARTID, the default's included, can be given limits: "
                + "none has to stay unrestricted for the kernel.");
        return java.util.Collections.unmodifiableMap(m);
    }

    List<Invariant> all() {
        List<Invariant> list = new ArrayList<>();
        list.add(property("partid-exclusive", partidExclusive()));
        list.add(property("monitor-exclusive", monitorExclusive()));
        list.add(property("default-fallback", defaultFallback()));
        list.add(property("label-coherence", labelCoherence()));
        list.add(property("no-user-bypass", noUserBypass()));
        list.add(property("no-priority-inversion", noPriorityInversion()));
        list.add(property("irq-isolation", irqIsolation()));
        list.add(property("stable-kernel-label", stableKernelLabel()));
        list.add(property("all-partids-usable", allPartidsUsable()));
        return list;
    }

    private static Invariant property(String id, Expr predicate) {
        return new Invariant(id, DESCRIPTIONS.get(id), predicate);
    }

    private Expr allocated(Expr p) {
        return neq(s.at("ctrlState", p), s.status("free"));
    }

    private Expr monAllocated(Expr m) {
        return neq(s.at("monState", m), s.status("free"));
    }

    /** For every online CPU {@code c}. */
    private Expr everyOnlineCpu(java.util.function.Function<Expr, Expr> body) {
        Param c = new Param("c", s.cpu);
        return forall(c, implies(in(ref(c), s.var("online")), body.apply(ref(c))));
    }

    /** For every online CPU {@code c} without a pending IPI, running a task {@code t}. */
    private Expr everySettledRunningTask(BiFunction<Expr, Expr, Expr> body) {
        Param c = new Param("c", s.cpu);
        Param t = new Param("t", s.task);
        return forall(c, forall(t, implies(and(in(ref(c), s.var("online")),
                notIn(ref(c), s.var("ipiPending")), s.runs(ref(c), ref(t))),
                body.apply(ref(c), ref(t)))));
    }

    /**
     * Groups are named by their id (one slot per id, as closid_free_map), so two allocated groups
     * cannot share one; what can break is an id in force on a CPU, or a monitor group outliving
     * its parent's id.
     */
    private Expr partidExclusive() {
        List<Expr> parts = new ArrayList<>();
        parts.add(everyOnlineCpu(c -> and(allocated(s.userRegister(c).partid()),
                allocated(s.policy.kernelLabel(s, c).partid()))));
        if (s.mon != null) {
            Param m = new Param("m", s.mon);
            parts.add(forall(m, implies(monAllocated(ref(m)),
                    allocated(s.at("monPartid", ref(m))))));
        }
        return and(parts);
    }

    private Expr monitorExclusive() {
        Param p = new Param("p", s.partid);
        Param q = new Param("q", s.partid);
        List<Expr> parts = new ArrayList<>();
        Expr sameRowCtrl = and(eq(s.rmidIndex(ref(p)), s.rmidIndex(ref(q))),
                eq(s.at("ctrlPmg", ref(p)), s.at("ctrlPmg", ref(q))));
        parts.add(forall(p, forall(q, implies(and(allocated(ref(p)), allocated(ref(q)),
                neq(ref(p), ref(q))), not(sameRowCtrl)))));
        parts.add(forall(p, implies(allocated(ref(p)),
                notIn(s.at("ctrlPmg", ref(p)), s.at("limbo", s.rmidIndex(ref(p)))))));
        if (s.mon != null) {
            Param m = new Param("m", s.mon);
            Param n = new Param("n", s.mon);
            Expr mRow = s.rmidIndex(s.at("monPartid", ref(m)));
            parts.add(forall(m, implies(monAllocated(ref(m)), and(
                    notIn(s.at("monPmg", ref(m)), s.at("limbo", mRow)),
                    forall(p, implies(allocated(ref(p)), not(and(eq(s.rmidIndex(ref(p)), mRow),
                            eq(s.at("ctrlPmg", ref(p)), s.at("monPmg", ref(m))))))),
                    forall(n, implies(and(monAllocated(ref(n)), neq(ref(m), ref(n))),
                            not(and(eq(s.rmidIndex(s.at("monPartid", ref(n))), mRow),
                                    eq(s.at("monPmg", ref(n)), s.at("monPmg", ref(m)))))))))));
        }
        parts.add(everyOnlineCpu(c -> and(inUse(s.userRegister(c)),
                inUse(s.policy.kernelLabel(s, c)))));
        return and(parts);
    }

    private Expr inUse(Label l) {
        return s.monitorIdInUse(s.rmidIndex(l.partid()), l.pmg());
    }

    /** A label that a live group gives: the default's, a live control group's, a live monitor group's. */
    private Expr liveGroupLabel(Label l) {
        Expr ctrl = and(s.isLive("ctrlState", l.partid()), eq(l.pmg(), s.at("ctrlPmg", l.partid())));
        if (s.mon == null) {
            return ctrl;
        }
        Param m = new Param("mg", s.mon);
        return and(s.isLive("ctrlState", l.partid()), or(ctrl,
                org.mpamcheck.spec.Exprs.exists(m, and(s.isLive("monState", ref(m)),
                        s.monLabel(ref(m)).sameAs(l)))));
    }

    private Expr defaultFallback() {
        Param t = new Param("t", s.task);
        return and(forall(t, liveGroupLabel(s.taskLabel(ref(t)))),
                everyOnlineCpu(c -> liveGroupLabel(s.cpuDefault(c))));
    }

    private Expr labelCoherence() {
        Param c = new Param("c", s.cpu);
        Expr idleCoherent = forall(c, implies(and(in(ref(c), s.var("online")),
                notIn(ref(c), s.var("ipiPending")), s.idle(ref(c))),
                s.userRegister(ref(c)).sameAs(s.cpuDefault(ref(c)))));
        return and(everySettledRunningTask((cpu, t) ->
                s.userRegister(cpu).sameAs(s.assigned(t, cpu))), idleCoherent);
    }

    private Expr noUserBypass() {
        return everySettledRunningTask((c, t) -> implies(s.inContext(c, "kernel"),
                eq(s.effective(c).partid(), s.assigned(t, c).partid())));
    }

    private Expr noPriorityInversion() {
        if (s.lock == null) {
            return TRUE;
        }
        Param l = new Param("l", s.lock);
        Param c = new Param("c", s.cpu);
        Param t = new Param("t", s.task);
        return forall(l, forall(c, forall(t, implies(and(
                eq(s.at("lockHolder", ref(l)), some(s.taskOrNone, ref(t))),
                not(isEmpty(s.at("lockWaiters", ref(l)))), s.runs(ref(c), ref(t)),
                s.inContext(ref(c), "kernel")),
                eq(s.effective(ref(c)).partid(), s.partid(0))))));
    }

    private Expr irqIsolation() {
        Param c = new Param("c", s.cpu);
        Param t = new Param("t", s.task);
        Expr e = s.effective(ref(c)).partid();
        return forall(c, forall(t, implies(and(in(ref(c), s.var("online")),
                s.runs(ref(c), ref(t)), s.inIrq(ref(c))),
                or(eq(e, s.partid(0)), s.policy.designatedKernelGroup(s, e),
                        neq(e, s.assigned(ref(t), ref(c)).partid())))));
    }

    private Expr stableKernelLabel() {
        return everyOnlineCpu(c -> implies(and(not(s.idle(c)), not(s.inContext(c, "user"))),
                s.effective(c).sameAs(s.userRegister(c))));
    }

    private Expr allPartidsUsable() {
        return everySettledRunningTask((c, t) -> implies(and(s.inContext(c, "kernel"),
                        neq(s.assigned(t, c).partid(), s.partid(0))),
                neq(s.effective(c).partid(), s.partid(0))));
    }
}
