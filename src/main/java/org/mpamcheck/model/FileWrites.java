package org.mpamcheck.model;

import static org.mpamcheck.spec.Exprs.and;
import static org.mpamcheck.spec.Exprs.diff;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.filter;
import static org.mpamcheck.spec.Exprs.fn;
import static org.mpamcheck.spec.Exprs.in;
import static org.mpamcheck.spec.Exprs.ite;
import static org.mpamcheck.spec.Exprs.neq;
import static org.mpamcheck.spec.Exprs.not;
import static org.mpamcheck.spec.Exprs.or;
import static org.mpamcheck.spec.Exprs.ref;
import static org.mpamcheck.spec.Exprs.setOf;
import static org.mpamcheck.spec.Exprs.union;

import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.Value;

/**
 * Writes to a group's {@code tasks} and {@code cpus} files (rdtgroup_tasks_write,
 * rdtgroup_cpus_write). Each stores the new ids and marks an IPI pending for the CPUs it
 * affects; the IPIs are delivered in later steps while other CPUs keep running.
 */
final class FileWrites {

    private FileWrites() {
    }

    static void register(StepCatalog steps, ResctrlState s) {
        steps.add(new Step(CoreSteps.MOVE_TASK, "echo PID > tasks of a control group (the "
                + "default group's at /sys/fs/resctrl/tasks)", "fs/resctrl/rdtgroup.c "
                + "rdtgroup_tasks_write -> __rdtgroup_move_task", FileWrites::moveTask,
                v -> "echo " + v.pid(0) + " > " + Narration.groupDir(v.arg(1)) + "/tasks"));
        steps.add(new Step(CoreSteps.CHECK_TASK_CURR, "after smp_mb(), the writer checks "
                + "whether a relabelled task is running and interrupts its CPU",
                "fs/resctrl/rdtgroup.c __rdtgroup_move_task, rdt_move_group_tasks",
                FileWrites::checkTaskCurr, v -> "  ... task_curr(" + v.pid(0) + "): "
                        + v.interrupted()));
        steps.add(new Step(CoreSteps.CPUS_ADD, "echo CPUS > cpus of a control group, adding one "
                + "CPU", "fs/resctrl/rdtgroup.c rdtgroup_cpus_write -> cpus_ctrl_write",
                FileWrites::cpusAdd, FileWrites::tellCpusOfCtrl));
        steps.add(new Step(CoreSteps.CPUS_DROP, "echo CPUS > cpus of a control group, leaving "
                + "one CPU out: it returns to the default group", "fs/resctrl/rdtgroup.c "
                + "cpus_ctrl_write", FileWrites::cpusDrop, FileWrites::tellCpusOfCtrl));
        s.monitors.ifPresent(mg -> {
            steps.add(new Step(CoreSteps.MOVE_TASK_TO_MON, "echo PID > tasks of a monitor group",
                    "fs/resctrl/rdtgroup.c __rdtgroup_move_task",
                    (st, step) -> moveTaskToMon(st, step, mg),
                    v -> "echo " + v.pid(0) + " > " + v.monDir(v.arg(1)) + "/tasks"));
            steps.add(new Step(CoreSteps.CPUS_ADD_MON, "echo CPUS > cpus of a monitor group, "
                    + "adding one CPU", "fs/resctrl/rdtgroup.c cpus_mon_write",
                    (st, step) -> cpusAddMon(st, step, mg), FileWrites::tellCpusOfMon));
            steps.add(new Step(CoreSteps.CPUS_DROP_MON, "echo CPUS > cpus of a monitor group, "
                    + "leaving one CPU out: it returns to the parent", "fs/resctrl/rdtgroup.c "
                    + "cpus_mon_write", (st, step) -> cpusDropMon(st, step, mg),
                    FileWrites::tellCpusOfMon));
        });
    }

    private static String tellCpusOfCtrl(StepView v) {
        return "echo " + v.cpusOfCtrl(((Value.Atom) v.arg(0)).intValue()) + " > "
                + Narration.groupDir(v.arg(0)) + "/cpus_list";
    }

    private static String tellCpusOfMon(StepView v) {
        return "echo " + v.cpusOfMon(((Value.Atom) v.arg(0)).index()) + " > "
                + v.monDir(v.arg(0)) + "/cpus_list";
    }

    /** The CPU running {@code t}, if any: __rdtgroup_move_task's IPI target. */
    private static Expr cpuRunning(ResctrlState s, Expr t) {
        Param c = new Param("ct", s.cpu);
        return filter(c, s.runs(ref(c), t));
    }

    /**
     * The second half of a move: after the store and smp_mb(), task_curr(t) and task_cpu(t)
     * decide the IPI (update_task_closid_rmid; wait=1, so the writer holds the mutex until it is
     * delivered). The barrier pairs with the one between rq->curr and resctrl_arch_sched_in in
     * the context switch: a task switched in after the store loads the new label, one running
     * before it is interrupted.
     */
    private static Action checkTaskCurr(ResctrlState s, Step step) {
        Param t = new Param("t", s.task);
        return step.action()
                .param(t)
                .when(in(ref(t), s.uncheckedMoves.ref()), "a relabelled task not yet checked")
                .set(s.ipiPending.becomes(union(s.ipiPending.ref(), cpuRunning(s, ref(t))),
                        "update_task_closid_rmid: smp_call_function_single(task_cpu(t)) if "
                                + "task_curr(t)"))
                .set(s.uncheckedMoves.becomes(diff(s.uncheckedMoves.ref(), setOf(s.task,
                        ref(t))), "checked"))
                .build();
    }

    private static Action moveTask(ResctrlState s, Step step) {
        Param t = new Param("t", s.task);
        Param p = new Param("p", s.partid);
        return step.underMutex(s, "rdtgroup_tasks_write: rdtgroup_kn_lock_live")
                .param(t).param(p)
                .when(s.isLive(s.ctrlState, ref(p)), "the directory exists")
                .when(not(s.taskLabel(ref(t)).sameAs(s.ctrlLabel(ref(p)))),
                        "task_in_rdtgroup: a task already in the group is a no-op")
                .set(s.taskPartid.becomesAt(ref(t), ref(p),
                        "resctrl_arch_set_closid_rmid: the CLOSID and the group's own RMID"))
                .set(s.taskPmg.becomesAt(ref(t), s.ctrlPmg.at(ref(p)),
                        "__rdtgroup_move_task: the task leaves any monitor group"))
                .set(s.uncheckedMoves.becomes(union(s.uncheckedMoves.ref(), setOf(s.task,
                        ref(t))), "smp_mb(): the task_curr check follows"))
                .build();
    }

    private static Action moveTaskToMon(ResctrlState s, Step step, MonitorGroups mg) {
        Param t = new Param("t", s.task);
        Param m = new Param("m", mg.sort());
        return step.underMutex(s, "rdtgroup_tasks_write: rdtgroup_kn_lock_live")
                .param(t).param(m)
                .refuse("EINVAL", and(s.isLive(mg.state(), ref(m)),
                                neq(s.taskPartid.at(ref(t)), mg.partid().at(ref(m)))),
                        "__rdtgroup_move_task: \"Can't move task to different control group\"")
                .when(s.isLive(mg.state(), ref(m)), "the directory exists")
                .when(neq(s.taskPmg.at(ref(t)), mg.pmg().at(ref(m))),
                        "task_in_rdtgroup: a task already in the group is a no-op")
                .set(s.taskPmg.becomesAt(ref(t), mg.pmg().at(ref(m)),
                        "resctrl_arch_set_closid_rmid: only the RMID changes"))
                .set(s.uncheckedMoves.becomes(union(s.uncheckedMoves.ref(), setOf(s.task,
                        ref(t))), "smp_mb(): the task_curr check follows"))
                .build();
    }

    /**
     * Adding one CPU to a control group's cpus (the default group's included). cpus_ctrl_write
     * takes it from its owner, and every write to a control group's cpus empties the cpu_mask of
     * each of its monitor groups (update_closid_rmid(rdtgrp->cpu_mask & child->cpu_mask),
     * cpumask_clear), so every CPU of the group gets the group's own label, in resctrl's view and
     * as the arch default (set by the IPI, resctrl_arch_sync_cpu_closid_rmid).
     */
    private static Action cpusAdd(ResctrlState s, Step step) {
        Param p = new Param("p", s.partid);
        Param c = new Param("c", s.cpu);
        Param c2 = new Param("c2", s.cpu);
        Expr joins = or(eq(ref(c2), ref(c)), s.inCpuMask(ref(c2), ref(p)));
        Param c3 = new Param("c3", s.cpu);
        Expr interrupted = filter(c3, or(eq(ref(c3), ref(c)), and(s.inCpuMask(ref(c3), ref(p)),
                neq(s.cpuGroupPmg.at(ref(c3)), s.ctrlPmg.at(ref(p))))));
        return step.underMutex(s, "rdtgroup_cpus_write: rdtgroup_kn_lock_live")
                .param(p).param(c)
                .refuse("EINVAL", not(s.isOnline(ref(c))),
                        "rdtgroup_cpus_write: \"Can only assign online CPUs\"")
                .when(s.isLive(s.ctrlState, ref(p)), "the directory exists")
                .when(not(s.inCpuMask(ref(c), ref(p))),
                        "added = new & ~old: a CPU already in the group is not added")
                .set(s.cpuGroupPartid.becomes(fn(c2, ite(joins, ref(p),
                                s.cpuGroupPartid.at(ref(c2)))),
                        "cpus_ctrl_write: cpumask_rdtgrp_clear(r, added) for its owner"))
                .set(s.cpuGroupPmg.becomes(fn(c2, ite(joins, s.ctrlPmg.at(ref(p)),
                                s.cpuGroupPmg.at(ref(c2)))),
                        "cpus_ctrl_write: cpumask_clear(&child->cpu_mask) for each monitor group"))
                .set(s.cpuDefaultPartid.becomes(fn(c2, ite(joins, ref(p),
                                s.cpuDefaultPartid.at(ref(c2)))),
                        "update_closid_rmid(added, rdtgrp): the arch default"))
                .set(s.cpuDefaultPmg.becomes(fn(c2, ite(joins, s.ctrlPmg.at(ref(p)),
                                s.cpuDefaultPmg.at(ref(c2)))),
                        "resctrl_arch_set_cpu_default_closid_rmid"))
                .set(s.ipiPending.becomes(union(s.ipiPending.ref(), interrupted),
                        "update_closid_rmid: the added CPUs and the children's"))
                .build();
    }

    private static Action cpusDrop(ResctrlState s, Step step) {
        Param p = new Param("p", s.partid);
        Param c = new Param("c", s.cpu);
        return step.underMutex(s, "rdtgroup_cpus_write: rdtgroup_kn_lock_live")
                .param(p).param(c)
                .refuse("EINVAL", and(eq(ref(p), s.partid(0)), s.inCpuMask(ref(c), s.partid(0))),
                        "cpus_ctrl_write: \"Can't drop CPUs from default group\"")
                .when(s.isLive(s.ctrlState, ref(p)), "the directory exists")
                .when(s.inCpuMask(ref(c), ref(p)), "the CPU is in the group")
                .set(s.cpuGroupPartid.becomesAt(ref(c), s.partid(0),
                        "cpus_ctrl_write: dropped CPUs go back to the default group"))
                .set(s.cpuGroupPmg.becomesAt(ref(c), s.pmg(0), "the default group's RMID"))
                .set(s.cpuDefaultPartid.becomesAt(ref(c), s.partid(0),
                        "update_closid_rmid(dropped, &rdtgroup_default)"))
                .set(s.cpuDefaultPmg.becomesAt(ref(c), s.pmg(0),
                        "resctrl_arch_set_cpu_default_closid_rmid(cpu, 0, 0)"))
                .set(s.ipiPending.becomes(union(s.ipiPending.ref(), setOf(s.cpu, ref(c))),
                        "update_closid_rmid"))
                .build();
    }

    private static Action cpusAddMon(ResctrlState s, Step step, MonitorGroups mg) {
        Param m = new Param("m", mg.sort());
        Param c = new Param("c", s.cpu);
        return step.underMutex(s, "rdtgroup_cpus_write: rdtgroup_kn_lock_live")
                .param(m).param(c)
                .refuse("EINVAL", not(s.isOnline(ref(c))),
                        "rdtgroup_cpus_write: \"Can only assign online CPUs\"")
                .refuse("EINVAL", and(s.isLive(mg.state(), ref(m)),
                                not(s.inCpuMask(ref(c), mg.partid().at(ref(m))))),
                        "cpus_mon_write: \"Can only add CPUs to mongroup that belong to "
                                + "parent\"")
                .when(s.isLive(mg.state(), ref(m)), "the directory exists")
                .when(neq(s.cpuGroupPmg.at(ref(c)), mg.pmg().at(ref(m))),
                        "a CPU already in the group is not added")
                .set(s.cpuGroupPmg.becomesAt(ref(c), mg.pmg().at(ref(m)),
                        "cpus_mon_write: the CPU leaves its sibling monitor group"))
                .set(s.cpuDefaultPartid.becomesAt(ref(c), mg.partid().at(ref(m)),
                        "update_cpu_closid_rmid: resctrl_arch_set_cpu_default_closid_rmid(cpu, "
                                + "r->closid, r->mon.rmid), the parent's CLOSID"))
                .set(s.cpuDefaultPmg.becomesAt(ref(c), mg.pmg().at(ref(m)),
                        "update_closid_rmid(added, rdtgrp): the arch default"))
                .set(s.ipiPending.becomes(union(s.ipiPending.ref(), setOf(s.cpu, ref(c))),
                        "update_closid_rmid"))
                .build();
    }

    private static Action cpusDropMon(ResctrlState s, Step step, MonitorGroups mg) {
        Param m = new Param("m", mg.sort());
        Param c = new Param("c", s.cpu);
        Expr parentPmg = s.ctrlPmg.at(mg.partid().at(ref(m)));
        return step.underMutex(s, "rdtgroup_cpus_write: rdtgroup_kn_lock_live")
                .param(m).param(c)
                .when(s.isLive(mg.state(), ref(m)), "the directory exists")
                .when(and(s.isOnline(ref(c)), s.cpuGroup(ref(c)).sameAs(mg.label(ref(m)))),
                        "the CPU is in the group")
                .set(s.cpuGroupPmg.becomesAt(ref(c), parentPmg,
                        "cpus_mon_write: dropped CPUs go back to the parent"))
                .set(s.cpuDefaultPartid.becomesAt(ref(c), mg.partid().at(ref(m)),
                        "update_cpu_closid_rmid: the parent's CLOSID and RMID"))
                .set(s.cpuDefaultPmg.becomesAt(ref(c), parentPmg,
                        "update_closid_rmid(dropped, parent)"))
                .set(s.ipiPending.becomes(union(s.ipiPending.ref(), setOf(s.cpu, ref(c))),
                        "update_closid_rmid"))
                .build();
    }
}
