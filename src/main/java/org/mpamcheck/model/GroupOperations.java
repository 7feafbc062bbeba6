package org.mpamcheck.model;

import static org.mpamcheck.spec.Exprs.and;
import static org.mpamcheck.spec.Exprs.card;
import static org.mpamcheck.spec.Exprs.diff;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.exists;
import static org.mpamcheck.spec.Exprs.filter;
import static org.mpamcheck.spec.Exprs.forall;
import static org.mpamcheck.spec.Exprs.implies;
import static org.mpamcheck.spec.Exprs.fn;
import static org.mpamcheck.spec.Exprs.in;
import static org.mpamcheck.spec.Exprs.isEmpty;
import static org.mpamcheck.spec.Exprs.ite;
import static org.mpamcheck.spec.Exprs.le;
import static org.mpamcheck.spec.Exprs.lit;
import static org.mpamcheck.spec.Exprs.min;
import static org.mpamcheck.spec.Exprs.not;
import static org.mpamcheck.spec.Exprs.or;
import static org.mpamcheck.spec.Exprs.ref;
import static org.mpamcheck.spec.Exprs.setOf;
import static org.mpamcheck.spec.Exprs.union;

import java.util.function.Function;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.Value;

/**
 * mkdir and rmdir of control and monitor groups, and the limbo worker (fs/resctrl/rdtgroup.c,
 * fs/resctrl/monitor.c). rmdir is two steps: relabel and IPI under rdtgroup_mutex, then, once
 * every IPI is delivered, free the ids; the mutex is held between them ({@link
 * ResctrlState#mutexFree}), so a dying group's ids are never handed out again meanwhile.
 */
final class GroupOperations {

    private GroupOperations() {
    }

    static void register(StepCatalog steps, ResctrlState s) {
        steps.add(new Step(CoreSteps.MKDIR_CTRL, "mkdir of a control group: the lowest free "
                + s.arch.controlName() + " and a free " + s.arch.monitorName(),
                "fs/resctrl/rdtgroup.c rdtgroup_mkdir_ctrl_mon", GroupOperations::mkdirCtrl,
                v -> {
                    int p = v.changedIndex(v.model().ctrlState);
                    return "mkdir /sys/fs/resctrl/g" + p + "   (" + v.arch().controlName() + " "
                            + p + ", " + v.arch().monitorName() + " " + v.arg(0) + ")";
                }));
        steps.add(new Step(CoreSteps.RMDIR_CTRL, "rmdir of a control group: its tasks and CPUs "
                + "(and those of its monitor groups) go to the default group",
                "fs/resctrl/rdtgroup.c rdtgroup_rmdir_ctrl", GroupOperations::rmdirCtrl,
                v -> "rmdir " + Narration.groupDir(v.arg(0))));
        steps.add(new Step(CoreSteps.RMDIR_CTRL_DONE, "rmdir of a control group completes: its "
                + s.arch.controlName() + " is free and its " + s.arch.monitorName()
                + "s enter limbo", "fs/resctrl/rdtgroup.c rdtgroup_rmdir_ctrl: closid_free, "
                + "free_rmid", GroupOperations::rmdirCtrlDone,
                v -> "  ... rmdir returns: " + v.arch().controlName() + " " + v.arg(0)
                        + " is free, its monitor ids enter limbo"));
        s.monitors.ifPresent(mg -> {
            steps.add(new Step(CoreSteps.MKDIR_MON, "mkdir of a monitor group under a control "
                    + "group's mon_groups: the parent's " + s.arch.controlName() + " and a free "
                    + s.arch.monitorName(), "fs/resctrl/rdtgroup.c rdtgroup_mkdir_mon",
                    (st, step) -> mkdirMon(st, step, mg),
                    v -> "mkdir " + Narration.monDir(((Value.Atom) v.arg(0)).intValue(),
                            v.arg(1).toString()) + "   (" + v.arch().monitorName() + " "
                            + v.arg(2) + ")"));
            steps.add(new Step(CoreSteps.RMDIR_MON, "rmdir of a monitor group: its tasks and "
                    + "CPUs go to the parent control group", "fs/resctrl/rdtgroup.c "
                    + "rdtgroup_rmdir_mon", (st, step) -> rmdirMon(st, step, mg),
                    v -> "rmdir " + v.monDir(v.arg(0))));
            steps.add(new Step(CoreSteps.RMDIR_MON_DONE, "rmdir of a monitor group completes: "
                    + "its " + s.arch.monitorName() + " enters limbo", "fs/resctrl/rdtgroup.c "
                    + "rdtgroup_rmdir_mon: free_rmid", (st, step) -> rmdirMonDone(st, step, mg),
                    v -> "  ... rmdir returns: " + v.arch().monitorName() + " "
                            + v.before(mg.pmg(), ((Value.Atom) v.arg(0)).index())
                            + " enters limbo"));
        });
        s.monitors.ifPresent(mg -> steps.add(new Step(CoreSteps.RENAME_MON,
                s.arch.monitorsScopedByControl()
                        ? "mv of a monitor group to another control group's mon_groups: the "
                        + "group takes the new PARTID, its tasks keep theirs (is_rmid_match "
                        + "compares the new PARTID) and its rmid entry stays the old PARTID's"
                        : "mv of a monitor group to another control group's mon_groups: its "
                        + "tasks take the new parent's CLOSID, its RMID stays",
                "fs/resctrl/rdtgroup.c rdtgroup_rename -> mongrp_reparent",
                (st, step) -> renameMon(st, step, mg), v -> "mv " + v.monDir(v.arg(0)) + " "
                        + Narration.monDir(((Value.Atom) v.arg(1)).intValue(),
                        v.arg(0).toString()))));
        steps.add(new Step(CoreSteps.LIMBO_DRAIN, "the limbo worker finds an id's occupancy "
                + "below the threshold and makes it free again", "fs/resctrl/monitor.c "
                + "cqm_handle_limbo", GroupOperations::limboDrain,
                v -> "limbo worker: " + (v.arch().monitorsScopedByControl()
                        ? v.arch().controlName() + " " + v.arg(0) + " " : "")
                        + v.arch().monitorName() + " " + v.arg(1) + " is clean again"));
    }

    /**
     * The id closid_alloc hands out: on x86 the first set bit of closid_free_map; on MPAM (with
     * RESCTRL_RMID_DEPENDS_ON_CLOSID and llc_occupancy monitored, as the model's limbo assumes)
     * resctrl_find_cleanest_closid: the free id with the fewest monitor ids in limbo, the lowest
     * among equals.
     */
    private static Expr allocatedPartid(ResctrlState s) {
        Param p = new Param("pf", s.partid);
        Expr free = s.is(s.ctrlState, ref(p), GroupStatus.FREE);
        if (!s.arch.monitorsScopedByControl()) {
            return min(filter(p, free));
        }
        Param q = new Param("qf", s.partid);
        return min(filter(p, and(free, forall(q, implies(s.is(s.ctrlState, ref(q),
                GroupStatus.FREE), le(card(s.limbo.at(ref(p))), card(s.limbo.at(ref(q)))))))));
    }

    private static Action mkdirCtrl(ResctrlState s, Step step) {
        Param x = new Param("x", s.pmg);
        Param p = new Param("pe", s.partid);
        Expr next = allocatedPartid(s);
        Action.Builder b = step.action()
                .param(x)
                .refuse("ENOSPC", not(exists(p, s.is(s.ctrlState, ref(p), GroupStatus.FREE))),
                        "closid_alloc / resctrl_find_cleanest_closid: no free CLOSID")
                .refuse("EBUSY", and(not(s.someMonitorIdFree(next)), s.monitorIdsOnlyInLimbo()),
                        "resctrl_find_free_rmid: rmid_free_lru empty, rmid_limbo_count > 0")
                .refuse("ENOSPC", not(s.someMonitorIdFree(next)),
                        "resctrl_find_free_rmid: no free RMID (\"Out of RMIDs\")")
                .when(s.mutexFree(), "rdtgroup_mkdir runs under rdtgroup_mutex")
                .when(s.monitorIdFree(next, ref(x)),
                        "alloc_rmid(closid): an unused id of this CLOSID's rmid index, not in limbo")
                .set(s.ctrlState.becomesAt(next, s.status(GroupStatus.LIVE),
                        "rdtgroup_mkdir_ctrl_mon"))
                .set(s.ctrlPmg.becomesAt(next, ref(x), "mkdir_rdt_prepare_rmid_alloc"));
        s.rmidFreeLru.ifPresent(f -> b.set(f.becomesAt(next, diff(f.at(next),
                setOf(s.pmg, ref(x))), "alloc_rmid: list_del(&entry->list)")));
        return b.build();
    }

    private static Action mkdirMon(ResctrlState s, Step step, MonitorGroups mg) {
        Param p = new Param("p", s.partid);
        Param m = new Param("m", mg.sort());
        Param x = new Param("x", s.pmg);
        Action.Builder b = step.action()
                .param(p).param(m).param(x)
                .refuse("EBUSY", and(s.isLive(s.ctrlState, ref(p)),
                                not(s.someMonitorIdFree(ref(p))), s.monitorIdsOnlyInLimbo()),
                        "resctrl_find_free_rmid: rmid_free_lru empty, rmid_limbo_count > 0")
                .refuse("ENOSPC", and(s.isLive(s.ctrlState, ref(p)),
                                not(s.someMonitorIdFree(ref(p)))),
                        "resctrl_find_free_rmid: no free RMID (\"Out of RMIDs\")")
                .when(s.mutexFree(), "rdtgroup_mkdir runs under rdtgroup_mutex")
                .when(s.isLive(s.ctrlState, ref(p)), "the parent directory exists")
                .when(s.is(mg.state(), ref(m), GroupStatus.FREE), "a new directory")
                .when(s.monitorIdFree(ref(p), ref(x)), "alloc_rmid(prgrp->closid)")
                .set(mg.state().becomesAt(ref(m), s.status(GroupStatus.LIVE), "rdtgroup_mkdir_mon"))
                .set(mg.partid().becomesAt(ref(m), ref(p),
                        "rdtgroup_mkdir_mon: rdtgrp->closid = prgrp->closid"))
                .set(mg.pmg().becomesAt(ref(m), ref(x), "mkdir_rdt_prepare_rmid_alloc"));
        s.rmidFreeLru.ifPresent(f -> b.set(f.becomesAt(ref(p), diff(f.at(ref(p)),
                setOf(s.pmg, ref(x))), "alloc_rmid: list_del(&entry->list)")));
        return b.build();
    }

    /**
     * rdtgroup_rmdir_ctrl up to its IPI: the tasks are relabelled (each then checked with
     * task_curr, {@link CoreSteps#CHECK_TASK_CURR}), the CPUs in the group's cpu_mask return to
     * the default group and get the default label as their arch default, and those CPUs are
     * interrupted. A CPU that went offline meanwhile is in no cpu_mask (resctrl_offline_cpu)
     * and keeps whatever default the architecture left it.
     */
    private static Action rmdirCtrl(ResctrlState s, Step step) {
        Param p = new Param("p", s.partid);
        Function<Expr, Expr> taskInGroup = t -> eq(s.taskPartid.at(t), ref(p));
        Function<Expr, Expr> cpuInGroup = c -> s.inCpuMask(c, ref(p));
        Action.Builder b = step.underMutex(s, "rdtgroup_rmdir: rdtgroup_kn_lock_live takes "
                        + "cpus_read_lock and rdtgroup_mutex")
                .param(p)
                .refuse("EPERM", eq(ref(p), s.partid(0)),
                        "rdtgroup_rmdir: the default group cannot be removed")
                .when(s.isLive(s.ctrlState, ref(p)), "the directory exists")
                .set(s.ctrlState.becomesAt(ref(p), s.status(GroupStatus.DYING),
                        "rdtgroup_rmdir_ctrl: the group is dead to every other operation"));
        s.monitors.ifPresent(mg -> {
            Param m = new Param("m", mg.sort());
            b.set(mg.state().becomes(fn(m, ite(and(s.isLive(mg.state(), ref(m)),
                            eq(mg.partid().at(ref(m)), ref(p))), s.status(GroupStatus.DYING),
                            mg.state().at(ref(m)))),
                    "free_all_child_rdtgrp: the monitor groups go with their parent"));
        });
        Param t = new Param("t", s.task);
        Param c = new Param("c", s.cpu);
        Param u = new Param("tu", s.task);
        return b.set(s.taskPartid.becomes(fn(t, ite(taskInGroup.apply(ref(t)), s.partid(0),
                                s.taskPartid.at(ref(t)))),
                        "rdt_move_group_tasks(rdtgrp, &rdtgroup_default): closid 0"))
                .set(s.taskPmg.becomes(fn(t, ite(taskInGroup.apply(ref(t)), s.pmg(0),
                                s.taskPmg.at(ref(t)))),
                        "rdt_move_group_tasks: rmid 0, also for tasks of child monitor groups"))
                .set(s.uncheckedMoves.becomes(union(s.uncheckedMoves.ref(),
                                filter(u, taskInGroup.apply(ref(u)))),
                        "rdt_move_group_tasks: smp_mb(), then task_curr() of each moved task"))
                .set(s.cpuGroupPartid.becomes(fn(c, ite(cpuInGroup.apply(ref(c)), s.partid(0),
                                s.cpuGroupPartid.at(ref(c)))),
                        "rdtgroup_rmdir_ctrl: cpumask_or(&rdtgroup_default.cpu_mask, rdtgrp)"))
                .set(s.cpuGroupPmg.becomes(fn(c, ite(cpuInGroup.apply(ref(c)), s.pmg(0),
                                s.cpuGroupPmg.at(ref(c)))), "the default group's own RMID"))
                .set(s.cpuDefaultPartid.becomes(fn(c, ite(cpuInGroup.apply(ref(c)),
                                s.partid(0), s.cpuDefaultPartid.at(ref(c)))),
                        "for_each_cpu(rdtgrp->cpu_mask) resctrl_arch_set_cpu_default_closid_rmid"
                                + "(cpu, 0, 0)"))
                .set(s.cpuDefaultPmg.becomes(fn(c, ite(cpuInGroup.apply(ref(c)), s.pmg(0),
                                s.cpuDefaultPmg.at(ref(c)))),
                        "resctrl_arch_set_cpu_default_closid_rmid(cpu, 0, 0)"))
                .set(s.ipiPending.becomes(union(s.ipiPending.ref(), s.cpusWhere(cpuInGroup)),
                        "update_closid_rmid(tmpmask | rdtgrp->cpu_mask)"))
                .build();
    }

    /** The ids of a dying group and its monitor groups, once every IPI is delivered. */
    private static Action rmdirCtrlDone(ResctrlState s, Step step) {
        Param p = new Param("p", s.partid);
        Param x = new Param("xl", s.pmg);
        Action.Builder b = step.action()
                .param(p)
                .when(s.is(s.ctrlState, ref(p), GroupStatus.DYING), "an rmdir in progress")
                .when(and(isEmpty(s.ipiPending.ref()), isEmpty(s.uncheckedMoves.ref())),
                        "update_closid_rmid waits for every IPI (on_each_cpu_mask, wait=1)")
                .set(s.ctrlState.becomesAt(ref(p), s.status(GroupStatus.FREE),
                        "closid_free: CLOSIDs have no limbo"))
                .set(s.ctrlPmg.becomesAt(ref(p), s.pmg(0), "a free slot holds no id"));
        Expr dyingMonitorIds = eq(ref(x), s.ctrlPmg.at(ref(p)));
        if (s.monitors.isPresent()) {
            MonitorGroups mg = s.monitors.get();
            Param m = new Param("m", mg.sort());
            Param mx = new Param("mx", mg.sort());
            Expr child = and(s.is(mg.state(), ref(m), GroupStatus.DYING),
                    eq(mg.partid().at(ref(m)), ref(p)));
            dyingMonitorIds = or(dyingMonitorIds, exists(mx, and(
                    s.is(mg.state(), ref(mx), GroupStatus.DYING),
                    eq(mg.partid().at(ref(mx)), ref(p)), eq(mg.pmg().at(ref(mx)), ref(x)))));
            b.set(mg.state().becomes(fn(m, ite(child, s.status(GroupStatus.FREE),
                            mg.state().at(ref(m)))), "free_all_child_rdtgrp"))
                    .set(mg.partid().becomes(fn(m, ite(child, s.partid(0),
                            mg.partid().at(ref(m)))), "a free slot holds no id"))
                    .set(mg.pmg().becomes(fn(m, ite(child, s.pmg(0), mg.pmg().at(ref(m)))),
                            "a free slot holds no id"));
        }
        Expr row = s.rmidIndex(ref(p));
        return b.set(s.limbo.becomesAt(row, union(s.limbo.at(row), filter(x, dyingMonitorIds)),
                        "free_rmid -> add_rmid_to_limbo (llc_occupancy is monitored)"))
                .build();
    }

    private static Action rmdirMon(ResctrlState s, Step step, MonitorGroups mg) {
        Param m = new Param("m", mg.sort());
        Expr parentPmg = s.ctrlPmg.at(mg.partid().at(ref(m)));
        Function<Expr, Expr> taskInGroup = t -> s.taskLabel(t).sameAs(mg.label(ref(m)));
        Function<Expr, Expr> cpuInGroup = c -> and(s.isOnline(c),
                s.cpuGroup(c).sameAs(mg.label(ref(m))));
        Param t = new Param("t", s.task);
        Param u = new Param("tu", s.task);
        Param c = new Param("c", s.cpu);
        return step.underMutex(s, "rdtgroup_rmdir: rdtgroup_kn_lock_live takes cpus_read_lock "
                        + "and rdtgroup_mutex")
                .param(m)
                .when(s.isLive(mg.state(), ref(m)), "the directory exists")
                .set(mg.state().becomesAt(ref(m), s.status(GroupStatus.DYING),
                        "rdtgroup_rmdir_mon"))
                .set(s.taskPmg.becomes(fn(t, ite(taskInGroup.apply(ref(t)), parentPmg,
                                s.taskPmg.at(ref(t)))),
                        "rdt_move_group_tasks(rdtgrp, prdtgrp): the parent's rmid, same closid"))
                .set(s.uncheckedMoves.becomes(union(s.uncheckedMoves.ref(),
                                filter(u, taskInGroup.apply(ref(u)))),
                        "rdt_move_group_tasks: smp_mb(), then task_curr() of each moved task"))
                .set(s.cpuGroupPmg.becomes(fn(c, ite(cpuInGroup.apply(ref(c)), parentPmg,
                                s.cpuGroupPmg.at(ref(c)))),
                        "rdtgroup_rmdir_mon: the CPUs are already in the parent's cpu_mask"))
                .set(s.cpuDefaultPartid.becomes(fn(c, ite(cpuInGroup.apply(ref(c)),
                                mg.partid().at(ref(m)), s.cpuDefaultPartid.at(ref(c)))),
                        "resctrl_arch_set_cpu_default_closid_rmid sets the CLOSID too: a stale "
                                + "arm64 default is reset to the parent's"))
                .set(s.cpuDefaultPmg.becomes(fn(c, ite(cpuInGroup.apply(ref(c)), parentPmg,
                                s.cpuDefaultPmg.at(ref(c)))),
                        "for_each_cpu(rdtgrp->cpu_mask) resctrl_arch_set_cpu_default_closid_rmid"
                                + "(cpu, parent closid, parent rmid)"))
                .set(s.ipiPending.becomes(union(s.ipiPending.ref(), s.cpusWhere(cpuInGroup)),
                        "update_closid_rmid(tmpmask | rdtgrp->cpu_mask)"))
                .build();
    }

    private static Action rmdirMonDone(ResctrlState s, Step step, MonitorGroups mg) {
        Param m = new Param("m", mg.sort());
        Expr row = s.rmidIndex(mg.partid().at(ref(m)));
        Expr freed = setOf(s.pmg, mg.pmg().at(ref(m)));
        if (s.rmidFreeLru.isPresent()) {
            // free_rmid returns early for idx(RESCTRL_RESERVED_CLOSID, RESCTRL_RESERVED_RMID),
            // which an MPAM monitor group reaches only by a rename into the default group.
            freed = ite(mg.label(ref(m)).sameAs(s.defaultLabel()), lit(Value.emptySet(s.pmg)),
                    freed);
        }
        return step.action()
                .param(m)
                .when(s.is(mg.state(), ref(m), GroupStatus.DYING), "an rmdir in progress")
                .when(and(isEmpty(s.ipiPending.ref()), isEmpty(s.uncheckedMoves.ref())),
                        "update_closid_rmid waits for every IPI")
                .set(mg.state().becomesAt(ref(m), s.status(GroupStatus.FREE),
                        "rdtgroup_rmdir_mon"))
                .set(mg.partid().becomesAt(ref(m), s.partid(0), "a free slot holds no id"))
                .set(mg.pmg().becomesAt(ref(m), s.pmg(0), "a free slot holds no id"))
                .set(s.limbo.becomesAt(row, union(s.limbo.at(row), freed),
                        "free_rmid -> add_rmid_to_limbo"))
                .build();
    }

    /**
     * rdtgroup_rename -> mongrp_reparent (fs/resctrl/rdtgroup.c, tip 2c10b3fa): rdtgrp->closid
     * and mon.parent change first, then rdt_move_group_tasks(rdtgrp, rdtgrp, cpus) stores the
     * new CLOSID into every task is_rmid_match selects, evaluated with the new parent's CLOSID.
     * x86's resctrl_arch_match_rmid ignores the CLOSID, so the group's tasks are found; MPAM's
     * ({@link #renameMonMpam}) does not.
     */
    private static Action renameMon(ResctrlState s, Step step, MonitorGroups mg) {
        if (s.arch.monitorsScopedByControl()) {
            return renameMonMpam(s, step, mg);
        }
        Param m = new Param("m", mg.sort());
        Param p = new Param("p", s.partid);
        Param t = new Param("t", s.task);
        Param u = new Param("tu", s.task);
        Function<Expr, Expr> taskInGroup = x -> s.taskLabel(x).sameAs(mg.label(ref(m)));
        return renameGuards(s, step, mg, m, p)
                .set(mg.partid().becomesAt(ref(m), ref(p),
                        "mongrp_reparent: rdtgrp->closid = new_prdtgrp->closid"))
                .set(s.taskPartid.becomes(fn(t, ite(taskInGroup.apply(ref(t)), ref(p),
                                s.taskPartid.at(ref(t)))),
                        "rdt_move_group_tasks(rdtgrp, rdtgrp, cpus): the new CLOSID, same RMID"))
                .set(s.uncheckedMoves.becomes(union(s.uncheckedMoves.ref(),
                                filter(u, taskInGroup.apply(ref(u)))),
                        "rdt_move_group_tasks: smp_mb(), then task_curr() of each moved task"))
                .build();
    }

    /**
     * mongrp_reparent on MPAM: is_rmid_match is resctrl_arch_match_rmid(t, new closid, rmid),
     * which compares the task's PARTID and PMG (drivers/resctrl/mpam_resctrl.c, torvalds
     * fb481ec0). Only tasks already labelled (new PARTID, PMG) match, and they are stored
     * unchanged; the group's own tasks keep the old PARTID. The group's rmid entry,
     * idx(old PARTID, PMG), stays off rmid_free_lru; rmdir later frees idx(new PARTID, PMG).
     */
    private static Action renameMonMpam(ResctrlState s, Step step, MonitorGroups mg) {
        Param m = new Param("m", mg.sort());
        Param p = new Param("p", s.partid);
        Param u = new Param("tu", s.task);
        Label after = new Label(ref(p), mg.pmg().at(ref(m)));
        return renameGuards(s, step, mg, m, p)
                .set(mg.partid().becomesAt(ref(m), ref(p),
                        "mongrp_reparent: rdtgrp->closid = new_prdtgrp->closid"))
                .set(s.uncheckedMoves.becomes(union(s.uncheckedMoves.ref(),
                                filter(u, s.taskLabel(ref(u)).sameAs(after))),
                        "rdt_move_group_tasks: is_rmid_match -> resctrl_arch_match_rmid(t, "
                                + "mon.parent->closid, rmid) after the parent changed: only tasks "
                                + "already on (new PARTID, PMG), stored unchanged; smp_mb(), then "
                                + "task_curr()"))
                .build();
    }

    /** rdtgroup_rename's refusal and the source and destination it accepts, in kernel order. */
    private static Action.Builder renameGuards(ResctrlState s, Step step, MonitorGroups mg,
            Param m, Param p) {
        Param c = new Param("cm", s.cpu);
        Expr monitorsCpus = exists(c, and(s.isOnline(ref(c)),
                s.cpuGroup(ref(c)).sameAs(mg.label(ref(m)))));
        return step.underMutex(s, "rdtgroup_rename takes rdtgroup_mutex")
                .param(m).param(p)
                .refuse("EPERM", and(s.isLive(mg.state(), ref(m)), s.isLive(s.ctrlState, ref(p)),
                                not(eq(mg.partid().at(ref(m)), ref(p))), monitorsCpus),
                        "rdtgroup_rename: \"Cannot move a MON group that monitors CPUs\"")
                .when(s.isLive(mg.state(), ref(m)), "the source is a live MON group")
                .when(s.isLive(s.ctrlState, ref(p)), "the destination's mon_groups exists")
                .when(not(eq(mg.partid().at(ref(m)), ref(p))), "a new parent");
    }

    private static Action limboDrain(ResctrlState s, Step step) {
        Param p = new Param("p", s.partid);
        Param x = new Param("x", s.pmg);
        Action.Builder b = step.action()
                .param(p).param(x)
                .when(s.mutexFree(), "cqm_handle_limbo takes rdtgroup_mutex")
                .when(in(ref(x), s.limbo.at(ref(p))), "__check_limbo: the id is busy")
                .set(s.limbo.becomesAt(ref(p), diff(s.limbo.at(ref(p)), setOf(s.pmg, ref(x))),
                        "limbo_release_entry"));
        s.rmidFreeLru.ifPresent(f -> b.set(f.becomesAt(ref(p), union(f.at(ref(p)),
                setOf(s.pmg, ref(x))), "limbo_release_entry: list_add_tail(&entry->list, "
                + "&rmid_free_lru)")));
        return b.build();
    }
}
