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
import static org.mpamcheck.spec.Exprs.ref;

import java.util.ArrayList;
import java.util.List;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Param;

/**
 * Auxiliary invariants that make the properties inductive: facts every reachable state has (the
 * search checks them like the properties) that an arbitrary pre-state of an induction step need
 * not have. Each says what the kernel keeps true and where.
 */
final class Lemmas {

    private final ResctrlState s;

    Lemmas(ResctrlState s) {
        this.s = s;
    }

    List<Invariant> all() {
        List<Invariant> list = new ArrayList<>();
        list.add(lemma("default-group-live", "The default group always exists with label (0, 0) "
                + "(rdtgroup_setup_default; rmdir refuses it).", and(s.isLive("ctrlState",
                        s.partid(0)), eq(s.at("ctrlPmg", s.partid(0)), s.pmg(0)))));
        list.add(lemma("free-slots-clean", "A free group slot holds no ids.", freeSlotsClean()));
        list.add(lemma("some-cpu-online", "One CPU always stays online.", someCpuOnline()));
        list.add(lemma("offline-cpus-quiet", "An offline CPU is idle, in the default group and "
                + "without a pending IPI (resctrl_offline_cpu).", offlineQuiet()));
        list.add(lemma("idle-cpus-in-user", "An idle CPU is not in a kernel or interrupt context.",
                idleInUser()));
        list.add(lemma("one-cpu-per-task", "A task runs on at most one CPU.", oneCpuPerTask()));
        if (s.mon != null) {
            list.add(lemma("live-monitor-groups-have-live-parents", "A monitor group is live "
                    + "only under a live control group (rmdir takes the children along: "
                    + "free_all_child_rdtgrp).", liveParents()));
        }
        list.addAll(s.policy.lemmas(s));
        return list;
    }

    static Invariant lemma(String name, String description, Expr predicate) {
        return new Invariant(name, description, predicate, Invariant.Kind.LEMMA);
    }

    private Expr freeSlotsClean() {
        Param p = new Param("p", s.partid);
        Expr ctrl = forall(p, implies(eq(s.at("ctrlState", ref(p)), s.status("free")),
                eq(s.at("ctrlPmg", ref(p)), s.pmg(0))));
        if (s.mon == null) {
            return ctrl;
        }
        Param m = new Param("m", s.mon);
        return and(ctrl, forall(m, implies(eq(s.at("monState", ref(m)), s.status("free")),
                s.monLabel(ref(m)).sameAs(s.defaultLabel()))));
    }

    private Expr liveParents() {
        Param m = new Param("m", s.mon);
        return forall(m, implies(s.isLive("monState", ref(m)),
                s.isLive("ctrlState", s.at("monPartid", ref(m)))));
    }

    private Expr someCpuOnline() {
        Param c = new Param("c", s.cpu);
        return exists(c, in(ref(c), s.var("online")));
    }

    private Expr offlineQuiet() {
        Param c = new Param("c", s.cpu);
        return forall(c, implies(notIn(ref(c), s.var("online")), and(s.idle(ref(c)),
                s.inContext(ref(c), "user"), s.cpuDefault(ref(c)).sameAs(s.defaultLabel()),
                notIn(ref(c), s.var("ipiPending")))));
    }

    private Expr idleInUser() {
        Param c = new Param("c", s.cpu);
        return forall(c, implies(s.idle(ref(c)), s.inContext(ref(c), "user")));
    }

    private Expr oneCpuPerTask() {
        Param c = new Param("c", s.cpu);
        Param d = new Param("d", s.cpu);
        Param t = new Param("t", s.task);
        return forall(c, forall(d, forall(t, implies(and(neq(ref(c), ref(d)),
                s.runs(ref(c), ref(t))), not(s.runs(ref(d), ref(t)))))));
    }
}
