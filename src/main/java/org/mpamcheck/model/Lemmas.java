package org.mpamcheck.model;

import static org.mpamcheck.spec.Exprs.and;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.exists;
import static org.mpamcheck.spec.Exprs.forall;
import static org.mpamcheck.spec.Exprs.implies;
import static org.mpamcheck.spec.Exprs.in;
import static org.mpamcheck.spec.Exprs.neq;
import static org.mpamcheck.spec.Exprs.not;
import static org.mpamcheck.spec.Exprs.notIn;
import static org.mpamcheck.spec.Exprs.or;
import static org.mpamcheck.spec.Exprs.ref;

import java.util.ArrayList;
import java.util.List;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Param;

/**
 * Auxiliary invariants that make the properties inductive: facts every reachable state has (the
 * search checks them like the properties) that an arbitrary pre-state of an induction step need
 * not have. Each says what the kernel keeps true and where.
 */
public final class Lemmas {

    private static final List<Claim> CORE = List.of(
            Claim.lemma("default-group-live", "The default group always exists with label "
                    + "(0, 0) (rdtgroup_setup_default; rmdir refuses it).",
                    s -> and(s.isLive(s.ctrlState, s.partid(0)),
                            eq(s.ctrlPmg.at(s.partid(0)), s.pmg(0)))),
            Claim.lemma("free-slots-clean", "A free group slot holds no ids.",
                    Lemmas::freeSlotsClean),
            Claim.lemma("some-cpu-online", "One CPU always stays online.", s -> {
                Param c = new Param("c", s.cpu);
                return exists(c, s.isOnline(ref(c)));
            }),
            Claim.lemma("offline-cpus-quiet", "An offline CPU is idle, in the default group and "
                    + "without a pending IPI (resctrl_offline_cpu).", Lemmas::offlineQuiet),
            Claim.lemma("idle-cpus-run-no-kernel-work", "An idle CPU runs no task's kernel "
                    + "work: it is in its idle loop or in an interrupt taken there.", s -> {
                        Param c = new Param("c", s.cpu);
                        return forall(c, implies(s.idle(ref(c)), s.inContext(ref(c),
                                CpuContext.USER, CpuContext.IRQ_FROM_USER)));
                    }),
            Claim.lemma("preempted-tasks-are-off-cpu", "A task switched out in kernel mode runs "
                    + "nowhere until it is switched back in.", s -> {
                        Param c = new Param("c", s.cpu);
                        Param t = new Param("t", s.task);
                        return forall(t, implies(in(ref(t), s.preemptedInKernel.ref()),
                                forall(c, not(s.runs(ref(c), ref(t))))));
                    }),
            Claim.lemma("one-cpu-per-task", "A task runs on at most one CPU.",
                    Lemmas::oneCpuPerTask));

    private static final Claim LIVE_PARENTS = Claim.lemma(
            "live-monitor-groups-have-live-parents", "A monitor group is live only under a live "
                    + "control group (rmdir takes the children along: free_all_child_rdtgrp).",
            s -> {
                MonitorGroups mg = s.monitors.orElseThrow();
                Param m = new Param("m", mg.sort());
                return forall(m, implies(s.isLive(mg.state(), ref(m)),
                        s.isLive(s.ctrlState, mg.partid().at(ref(m)))));
            });

    /**
     * Where hotplug resets the CPU default (x86 clear_closid_rmid; the arm64 fix), every write
     * that moves a CPU between cpu_masks sets its arch default with it, so the two never differ.
     * A proposal that resets it on arm64 adds this lemma itself.
     */
    public static final Claim DEFAULTS_FOLLOW_CPU_MASKS = Claim.lemma("defaults-follow-cpu-masks",
            "Each CPU's arch default is the label of the group whose cpu_mask holds it.", s -> {
                Param c = new Param("c", s.cpu);
                return forall(c, s.cpuDefault(ref(c)).sameAs(s.cpuGroup(ref(c))));
            });

    /**
     * Where hotplug keeps the CPU default (arm64 as merged, docs/findings/arm64-hotplug-default.md)
     * an onlined CPU joins the default group's cpu_mask with its old default; every cpus write of
     * a control group and every rmdir sets both together, and a monitor group's cpus write sets
     * only the PMG (FileWrites), so the stale PARTID lives only under the default group.
     */
    private static final Claim STALE_DEFAULTS_IN_DEFAULT_GROUP = Claim.lemma(
            "stale-defaults-only-in-default-group", "A CPU's arch default differs from the label "
                    + "of the group whose cpu_mask holds it only while that group is the default "
                    + "group or one of its monitor groups (hotplug keeps the old default).", s -> {
                Param c = new Param("c", s.cpu);
                return forall(c, or(s.cpuDefault(ref(c)).sameAs(s.cpuGroup(ref(c))),
                        eq(s.cpuGroupPartid.at(ref(c)), s.partid(0))));
            });

    /**
     * label-coherence where hotplug keeps the CPU default: a CPU left with a stale default that
     * rejoins the default group's cpu_mask gets no IPI when a cpus write resets the default
     * (only CPUs that change group are called), so a default-group task there may keep the stale
     * label; a task resctrl assigns another PARTID never does.
     */
    private static final Claim COHERENT_OUTSIDE_DEFAULT = Claim.lemma(
            "coherent-outside-default-group", "Once its updates are delivered, a CPU running a "
                    + "task that resctrl assigns a PARTID other than the default group's holds "
                    + "the task's assigned label in its user register.", s -> {
                Param c = new Param("c", s.cpu);
                Param t = new Param("t", s.task);
                Label assigned = s.assigned(ref(t), ref(c));
                return forall(c, forall(t, implies(and(s.isOnline(ref(c)),
                        notIn(ref(c), s.ipiPending.ref()), s.runs(ref(c), ref(t)),
                        notIn(ref(t), s.uncheckedMoves.ref()),
                        neq(assigned.partid(), s.partid(0))),
                        s.userRegister.on(ref(c)).sameAs(assigned))));
            });

    private Lemmas() {
    }

    /** The lemmas of this model instance: the core ones, then the variant's. */
    static List<Claim> all(ResctrlState s) {
        List<Claim> list = new ArrayList<>(CORE);
        if (s.monitors.isPresent()) {
            list.add(LIVE_PARENTS);
        }
        if (s.arch.hotplugResetsCpuDefault()) {
            list.add(DEFAULTS_FOLLOW_CPU_MASKS);
        } else {
            list.add(STALE_DEFAULTS_IN_DEFAULT_GROUP);
            list.add(COHERENT_OUTSIDE_DEFAULT);
        }
        list.addAll(s.policy.lemmas());
        return list;
    }

    private static Expr freeSlotsClean(ResctrlState s) {
        Param p = new Param("p", s.partid);
        Expr ctrl = forall(p, implies(s.is(s.ctrlState, ref(p), GroupStatus.FREE),
                eq(s.ctrlPmg.at(ref(p)), s.pmg(0))));
        return s.monitors.map(mg -> {
            Param m = new Param("m", mg.sort());
            return and(ctrl, forall(m, implies(s.is(mg.state(), ref(m), GroupStatus.FREE),
                    mg.label(ref(m)).sameAs(s.defaultLabel()))));
        }).orElse(ctrl);
    }

    private static Expr offlineQuiet(ResctrlState s) {
        Param c = new Param("c", s.cpu);
        return forall(c, implies(not(s.isOnline(ref(c))), and(s.idle(ref(c)),
                s.inContext(ref(c), CpuContext.USER), s.cpuGroup(ref(c)).sameAs(s.defaultLabel()),
                notIn(ref(c), s.ipiPending.ref()))));
    }

    private static Expr oneCpuPerTask(ResctrlState s) {
        Param c = new Param("c", s.cpu);
        Param d = new Param("d", s.cpu);
        Param t = new Param("t", s.task);
        return forall(c, forall(d, forall(t, implies(and(neq(ref(c), ref(d)),
                s.runs(ref(c), ref(t))), not(s.runs(ref(d), ref(t)))))));
    }
}
