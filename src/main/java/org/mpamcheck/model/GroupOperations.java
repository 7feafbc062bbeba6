package org.mpamcheck.model;

import static org.mpamcheck.spec.Exprs.and;
import static org.mpamcheck.spec.Exprs.diff;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.except;
import static org.mpamcheck.spec.Exprs.exists;
import static org.mpamcheck.spec.Exprs.filter;
import static org.mpamcheck.spec.Exprs.fn;
import static org.mpamcheck.spec.Exprs.in;
import static org.mpamcheck.spec.Exprs.isEmpty;
import static org.mpamcheck.spec.Exprs.ite;
import static org.mpamcheck.spec.Exprs.min;
import static org.mpamcheck.spec.Exprs.not;
import static org.mpamcheck.spec.Exprs.or;
import static org.mpamcheck.spec.Exprs.ref;
import static org.mpamcheck.spec.Exprs.setOf;
import static org.mpamcheck.spec.Exprs.union;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.Update;

/**
 * mkdir and rmdir of control and monitor groups, and the limbo worker (fs/resctrl/rdtgroup.c,
 * fs/resctrl/monitor.c). rmdir is two steps: relabel and IPI under rdtgroup_mutex, then, once
 * every IPI is delivered, free the ids; the mutex is held between them ({@link
 * ResctrlState#mutexFree}), so a dying group's ids are never handed out again meanwhile.
 */
final class GroupOperations {

    private final ResctrlState s;

    GroupOperations(ResctrlState s) {
        this.s = s;
    }

    List<Action> actions() {
        List<Action> all = new ArrayList<>();
        all.add(mkdirCtrl());
        all.add(rmdirCtrl());
        all.add(rmdirCtrlDone());
        if (s.mon != null) {
            all.add(mkdirMon());
            all.add(rmdirMon());
            all.add(rmdirMonDone());
        }
        all.add(limboDrain());
        return all;
    }

    /** The lowest free id: closid_alloc takes the first set bit of closid_free_map. */
    private Expr lowestFreePartid() {
        Param p = new Param("pf", s.partid);
        return min(filter(p, eq(s.at("ctrlState", ref(p)), s.status("free"))));
    }

    private Action mkdirCtrl() {
        Param x = new Param("x", s.pmg);
        Param p = new Param("pe", s.partid);
        Expr next = lowestFreePartid();
        return Action.builder("MkdirCtrl", "mkdir of a control group: the lowest free "
                        + s.arch.controlName() + " and a free " + s.arch.monitorName())
                .param(x)
                .refuse("ENOSPC", not(exists(p, eq(s.at("ctrlState", ref(p)), s.status("free")))),
                        "closid_alloc: no free CLOSID (\"Out of CLOSIDs\")")
                .refuse("EBUSY", and(not(s.someMonitorIdFree(next)), s.someMonitorIdInLimbo(next)),
                        "resctrl_find_free_rmid: only ids in limbo are left")
                .refuse("ENOSPC", not(s.someMonitorIdFree(next)),
                        "resctrl_find_free_rmid: no free RMID (\"Out of RMIDs\")")
                .when(s.mutexFree(), "rdtgroup_mkdir runs under rdtgroup_mutex")
                .when(s.monitorIdFree(next, ref(x)),
                        "alloc_rmid(closid): an unused id of this CLOSID's rmid index, not in limbo")
                .set(s.variable("ctrlState"), except(s.var("ctrlState"), next, s.status("live")),
                        "rdtgroup_mkdir_ctrl_mon")
                .set(s.variable("ctrlPmg"), except(s.var("ctrlPmg"), next, ref(x)),
                        "mkdir_rdt_prepare_rmid_alloc")
                .build();
    }

    private Action mkdirMon() {
        Param p = new Param("p", s.partid);
        Param m = new Param("m", s.mon);
        Param x = new Param("x", s.pmg);
        return Action.builder("MkdirMon", "mkdir of a monitor group under a control group's "
                        + "mon_groups: the parent's " + s.arch.controlName() + " and a free "
                        + s.arch.monitorName())
                .param(p).param(m).param(x)
                .refuse("EBUSY", and(s.isLive("ctrlState", ref(p)),
                                not(s.someMonitorIdFree(ref(p))), s.someMonitorIdInLimbo(ref(p))),
                        "resctrl_find_free_rmid: only ids in limbo are left")
                .refuse("ENOSPC", and(s.isLive("ctrlState", ref(p)),
                                not(s.someMonitorIdFree(ref(p)))),
                        "resctrl_find_free_rmid: no free RMID (\"Out of RMIDs\")")
                .when(s.mutexFree(), "rdtgroup_mkdir runs under rdtgroup_mutex")
                .when(s.isLive("ctrlState", ref(p)), "the parent directory exists")
                .when(eq(s.at("monState", ref(m)), s.status("free")), "a new directory")
                .when(s.monitorIdFree(ref(p), ref(x)), "alloc_rmid(prgrp->closid)")
                .set(s.variable("monState"), except(s.var("monState"), ref(m), s.status("live")),
                        "rdtgroup_mkdir_mon")
                .set(s.variable("monPartid"), except(s.var("monPartid"), ref(m), ref(p)),
                        "rdtgroup_mkdir_mon: rdtgrp->closid = prgrp->closid")
                .set(s.variable("monPmg"), except(s.var("monPmg"), ref(m), ref(x)),
                        "mkdir_rdt_prepare_rmid_alloc")
                .build();
    }

    private Action rmdirCtrl() {
        Param p = new Param("p", s.partid);
        Function<Expr, Expr> taskInGroup = t -> eq(s.at("taskPartid", t), ref(p));
        Function<Expr, Expr> cpuInGroup = c -> eq(s.at("cpuDefaultPartid", c), ref(p));
        Action.Builder b = Action.builder("RmdirCtrl", "rmdir of a control group: its tasks "
                        + "and CPUs (and those of its monitor groups) go to the default group")
                .param(p)
                .refuse("EPERM", eq(ref(p), s.partid(0)),
                        "rdtgroup_rmdir: the default group cannot be removed")
                .when(s.mutexFree(), "rdtgroup_rmdir takes rdtgroup_mutex")
                .when(s.isLive("ctrlState", ref(p)), "the directory exists")
                .set(s.variable("ctrlState"), except(s.var("ctrlState"), ref(p), s.status("dying")),
                        "rdtgroup_rmdir_ctrl: the group is dead to every other operation");
        if (s.mon != null) {
            Param m = new Param("m", s.mon);
            b.set(s.variable("monState"), fn(m, ite(and(s.isLive("monState", ref(m)),
                            eq(s.at("monPartid", ref(m)), ref(p))), s.status("dying"),
                            s.at("monState", ref(m)))),
                    "free_all_child_rdtgrp: the monitor groups go with their parent");
        }
        Param t = new Param("t", s.task);
        Param c = new Param("c", s.cpu);
        b.set(s.variable("taskPartid"), fn(t, ite(taskInGroup.apply(ref(t)), s.partid(0),
                                s.at("taskPartid", ref(t)))),
                        "rdt_move_group_tasks(rdtgrp, &rdtgroup_default): closid 0")
                .set(s.variable("taskPmg"), fn(t, ite(taskInGroup.apply(ref(t)), s.pmg(0),
                                s.at("taskPmg", ref(t)))),
                        "rdt_move_group_tasks: rmid 0, also for tasks of child monitor groups")
                .set(s.variable("cpuDefaultPartid"), fn(c, ite(cpuInGroup.apply(ref(c)),
                                s.partid(0), s.at("cpuDefaultPartid", ref(c)))),
                        "rdtgroup_rmdir_ctrl: the CPUs return to the default group")
                .set(s.variable("cpuDefaultPmg"), fn(c, ite(cpuInGroup.apply(ref(c)), s.pmg(0),
                                s.at("cpuDefaultPmg", ref(c)))),
                        "resctrl_arch_set_cpu_default_closid_rmid(cpu, 0, 0)")
                .set(s.variable("ipiPending"), union(s.var("ipiPending"),
                                union(s.cpusRunning(taskInGroup), s.cpusWhere(cpuInGroup))),
                        "update_closid_rmid(tmpmask): CPUs running moved tasks and the moved CPUs");
        for (Update u : s.policy.onRmdirCtrl(s, ref(p))) {
            b.set(u.variable(), u.value(), u.cite());
        }
        return b.build();
    }

    /** The ids of a dying group and its monitor groups, once every IPI is delivered. */
    private Action rmdirCtrlDone() {
        Param p = new Param("p", s.partid);
        Param x = new Param("xl", s.pmg);
        Expr dyingMonitorIds = eq(ref(x), s.at("ctrlPmg", ref(p)));
        Action.Builder b = Action.builder("RmdirCtrlDone", "rmdir of a control group "
                        + "completes: its " + s.arch.controlName() + " is free and its "
                        + s.arch.monitorName() + "s enter limbo")
                .param(p)
                .when(eq(s.at("ctrlState", ref(p)), s.status("dying")), "an rmdir in progress")
                .when(isEmpty(s.var("ipiPending")),
                        "update_closid_rmid waits for every IPI (on_each_cpu_mask, wait=1)")
                .set(s.variable("ctrlState"), except(s.var("ctrlState"), ref(p), s.status("free")),
                        "closid_free: CLOSIDs have no limbo")
                .set(s.variable("ctrlPmg"), except(s.var("ctrlPmg"), ref(p), s.pmg(0)),
                        "a free slot holds no id");
        if (s.mon != null) {
            Param m = new Param("m", s.mon);
            Param mx = new Param("mx", s.mon);
            Expr child = and(eq(s.at("monState", ref(m)), s.status("dying")),
                    eq(s.at("monPartid", ref(m)), ref(p)));
            dyingMonitorIds = or(dyingMonitorIds, exists(mx, and(
                    eq(s.at("monState", ref(mx)), s.status("dying")),
                    eq(s.at("monPartid", ref(mx)), ref(p)), eq(s.at("monPmg", ref(mx)), ref(x)))));
            b.set(s.variable("monState"), fn(m, ite(child, s.status("free"),
                            s.at("monState", ref(m)))), "free_all_child_rdtgrp")
                    .set(s.variable("monPartid"), fn(m, ite(child, s.partid(0),
                            s.at("monPartid", ref(m)))), "a free slot holds no id")
                    .set(s.variable("monPmg"), fn(m, ite(child, s.pmg(0), s.at("monPmg", ref(m)))),
                            "a free slot holds no id");
        }
        Expr row = s.rmidIndex(ref(p));
        return b.set(s.variable("limbo"), except(s.var("limbo"), row,
                        union(s.at("limbo", row), filter(x, dyingMonitorIds))),
                        "free_rmid -> add_rmid_to_limbo (llc_occupancy is monitored)")
                .build();
    }

    private Action rmdirMon() {
        Param m = new Param("m", s.mon);
        Expr parentPmg = s.at("ctrlPmg", s.at("monPartid", ref(m)));
        Function<Expr, Expr> taskInGroup = t -> s.taskLabel(t).sameAs(s.monLabel(ref(m)));
        Function<Expr, Expr> cpuInGroup = c -> s.cpuDefault(c).sameAs(s.monLabel(ref(m)));
        Param t = new Param("t", s.task);
        Param c = new Param("c", s.cpu);
        return Action.builder("RmdirMon", "rmdir of a monitor group: its tasks and CPUs go "
                        + "to the parent control group")
                .param(m)
                .when(s.mutexFree(), "rdtgroup_rmdir takes rdtgroup_mutex")
                .when(s.isLive("monState", ref(m)), "the directory exists")
                .set(s.variable("monState"), except(s.var("monState"), ref(m), s.status("dying")),
                        "rdtgroup_rmdir_mon")
                .set(s.variable("taskPmg"), fn(t, ite(taskInGroup.apply(ref(t)), parentPmg,
                                s.at("taskPmg", ref(t)))),
                        "rdt_move_group_tasks(rdtgrp, prdtgrp): the parent's rmid, same closid")
                .set(s.variable("cpuDefaultPmg"), fn(c, ite(cpuInGroup.apply(ref(c)), parentPmg,
                                s.at("cpuDefaultPmg", ref(c)))),
                        "rdtgroup_rmdir_mon: the CPUs get the parent's closid and rmid")
                .set(s.variable("ipiPending"), union(s.var("ipiPending"),
                                union(s.cpusRunning(taskInGroup), s.cpusWhere(cpuInGroup))),
                        "update_closid_rmid(tmpmask)")
                .build();
    }

    private Action rmdirMonDone() {
        Param m = new Param("m", s.mon);
        Expr row = s.rmidIndex(s.at("monPartid", ref(m)));
        return Action.builder("RmdirMonDone", "rmdir of a monitor group completes: its "
                        + s.arch.monitorName() + " enters limbo")
                .param(m)
                .when(eq(s.at("monState", ref(m)), s.status("dying")), "an rmdir in progress")
                .when(isEmpty(s.var("ipiPending")),
                        "update_closid_rmid waits for every IPI")
                .set(s.variable("monState"), except(s.var("monState"), ref(m), s.status("free")),
                        "rdtgroup_rmdir_mon")
                .set(s.variable("monPartid"), except(s.var("monPartid"), ref(m), s.partid(0)),
                        "a free slot holds no id")
                .set(s.variable("monPmg"), except(s.var("monPmg"), ref(m), s.pmg(0)),
                        "a free slot holds no id")
                .set(s.variable("limbo"), except(s.var("limbo"), row, union(s.at("limbo", row),
                                setOf(s.pmg, s.at("monPmg", ref(m))))),
                        "free_rmid -> add_rmid_to_limbo")
                .build();
    }

    private Action limboDrain() {
        Param p = new Param("p", s.partid);
        Param x = new Param("x", s.pmg);
        return Action.builder("LimboDrain", "the limbo worker finds an id's occupancy below "
                        + "the threshold and makes it free again")
                .param(p).param(x)
                .when(s.mutexFree(), "cqm_handle_limbo takes rdtgroup_mutex")
                .when(in(ref(x), s.at("limbo", ref(p))), "__check_limbo: the id is busy")
                .set(s.variable("limbo"), except(s.var("limbo"), ref(p),
                                diff(s.at("limbo", ref(p)), setOf(s.pmg, ref(x)))),
                        "limbo_release_entry")
                .build();
    }
}
