package org.mpamcheck.model;

import static org.mpamcheck.spec.Exprs.and;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.filter;
import static org.mpamcheck.spec.Exprs.fn;
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

    private static Action moveTask(ResctrlState s, Step step) {
        Param t = new Param("t", s.task);
        Param p = new Param("p", s.partid);
        return step.underMutex(s, "rdtgroup_tasks_write takes rdtgroup_mutex")
                .param(t).param(p)
                .when(s.isLive(s.ctrlState, ref(p)), "the directory exists")
                .when(not(s.taskLabel(ref(t)).sameAs(s.ctrlLabel(ref(p)))),
                        "task_in_rdtgroup: a task already in the group is a no-op")
                .set(s.taskPartid.becomesAt(ref(t), ref(p),
                        "resctrl_arch_set_closid_rmid: the CLOSID and the group's own RMID"))
                .set(s.taskPmg.becomesAt(ref(t), s.ctrlPmg.at(ref(p)),
                        "__rdtgroup_move_task: the task leaves any monitor group"))
                .set(s.ipiPending.becomes(union(s.ipiPending.ref(), cpuRunning(s, ref(t))),
                        "smp_mb(); update_task_closid_rmid: IPI if task_curr, else next switch"))
                .build();
    }

    private static Action moveTaskToMon(ResctrlState s, Step step, MonitorGroups mg) {
        Param t = new Param("t", s.task);
        Param m = new Param("m", mg.sort());
        return step.underMutex(s, "rdtgroup_tasks_write takes rdtgroup_mutex")
                .param(t).param(m)
                .refuse("EINVAL", and(s.isLive(mg.state(), ref(m)),
                                neq(s.taskPartid.at(ref(t)), mg.partid().at(ref(m)))),
                        "__rdtgroup_move_task: \"Can't move task to different control group\"")
                .when(s.isLive(mg.state(), ref(m)), "the directory exists")
                .when(neq(s.taskPmg.at(ref(t)), mg.pmg().at(ref(m))),
                        "task_in_rdtgroup: a task already in the group is a no-op")
                .set(s.taskPmg.becomesAt(ref(t), mg.pmg().at(ref(m)),
                        "resctrl_arch_set_closid_rmid: only the RMID changes"))
                .set(s.ipiPending.becomes(union(s.ipiPending.ref(), cpuRunning(s, ref(t))),
                        "update_task_closid_rmid"))
                .build();
    }

    /**
     * Adding one CPU to a control group's cpus (the default group's included): cpus_ctrl_write
     * takes it from its owner and clears the group's monitor groups' masks, so every CPU of the
     * group gets the group's own label.
     */
    private static Action cpusAdd(ResctrlState s, Step step) {
        Param p = new Param("p", s.partid);
        Param c = new Param("c", s.cpu);
        Param c2 = new Param("c2", s.cpu);
        Expr changes = or(eq(ref(c2), ref(c)), eq(s.cpuDefaultPartid.at(ref(c2)), ref(p)));
        Param c3 = new Param("c3", s.cpu);
        Expr affected = filter(c3, and(or(eq(ref(c3), ref(c)),
                        eq(s.cpuDefaultPartid.at(ref(c3)), ref(p))),
                not(s.cpuDefault(ref(c3)).sameAs(s.ctrlLabel(ref(p))))));
        return step.underMutex(s, "rdtgroup_cpus_write takes rdtgroup_mutex")
                .param(p).param(c)
                .refuse("EINVAL", not(s.isOnline(ref(c))),
                        "rdtgroup_cpus_write: \"Can only assign online CPUs\"")
                .when(s.isLive(s.ctrlState, ref(p)), "the directory exists")
                .when(not(s.cpuDefault(ref(c)).sameAs(s.ctrlLabel(ref(p)))),
                        "a CPU already in the group changes nothing")
                .set(s.cpuDefaultPartid.becomes(fn(c2, ite(changes, ref(p),
                                s.cpuDefaultPartid.at(ref(c2)))),
                        "cpus_ctrl_write: the CPU leaves its previous owner"))
                .set(s.cpuDefaultPmg.becomes(fn(c2, ite(changes, s.ctrlPmg.at(ref(p)),
                                s.cpuDefaultPmg.at(ref(c2)))),
                        "cpus_ctrl_write: child monitor groups' cpu_mask are cleared"))
                .set(s.ipiPending.becomes(union(s.ipiPending.ref(), affected),
                        "update_closid_rmid(tmpmask, rdtgrp)"))
                .build();
    }

    private static Action cpusDrop(ResctrlState s, Step step) {
        Param p = new Param("p", s.partid);
        Param c = new Param("c", s.cpu);
        return step.underMutex(s, "rdtgroup_cpus_write takes rdtgroup_mutex")
                .param(p).param(c)
                .refuse("EINVAL", and(eq(ref(p), s.partid(0)),
                                eq(s.cpuDefaultPartid.at(ref(c)), s.partid(0))),
                        "cpus_ctrl_write: CPUs cannot be dropped from the default group")
                .when(s.isLive(s.ctrlState, ref(p)), "the directory exists")
                .when(eq(s.cpuDefaultPartid.at(ref(c)), ref(p)), "the CPU is in the group")
                .set(s.cpuDefaultPartid.becomesAt(ref(c), s.partid(0),
                        "cpus_ctrl_write: dropped CPUs go back to the default group"))
                .set(s.cpuDefaultPmg.becomesAt(ref(c), s.pmg(0),
                        "resctrl_arch_set_cpu_default_closid_rmid(cpu, 0, 0)"))
                .set(s.ipiPending.becomes(union(s.ipiPending.ref(), setOf(s.cpu, ref(c))),
                        "update_closid_rmid"))
                .build();
    }

    private static Action cpusAddMon(ResctrlState s, Step step, MonitorGroups mg) {
        Param m = new Param("m", mg.sort());
        Param c = new Param("c", s.cpu);
        return step.underMutex(s, "rdtgroup_cpus_write takes rdtgroup_mutex")
                .param(m).param(c)
                .refuse("EINVAL", not(s.isOnline(ref(c))),
                        "rdtgroup_cpus_write: \"Can only assign online CPUs\"")
                .refuse("EINVAL", and(s.isLive(mg.state(), ref(m)),
                                neq(s.cpuDefaultPartid.at(ref(c)), mg.partid().at(ref(m)))),
                        "cpus_mon_write: the CPUs must be a subset of the parent's")
                .when(s.isLive(mg.state(), ref(m)), "the directory exists")
                .when(neq(s.cpuDefaultPmg.at(ref(c)), mg.pmg().at(ref(m))),
                        "a CPU already in the group changes nothing")
                .set(s.cpuDefaultPmg.becomesAt(ref(c), mg.pmg().at(ref(m)),
                        "cpus_mon_write: the CPU leaves its previous monitor group"))
                .set(s.ipiPending.becomes(union(s.ipiPending.ref(), setOf(s.cpu, ref(c))),
                        "update_closid_rmid"))
                .build();
    }

    private static Action cpusDropMon(ResctrlState s, Step step, MonitorGroups mg) {
        Param m = new Param("m", mg.sort());
        Param c = new Param("c", s.cpu);
        return step.underMutex(s, "rdtgroup_cpus_write takes rdtgroup_mutex")
                .param(m).param(c)
                .when(s.isLive(mg.state(), ref(m)), "the directory exists")
                .when(s.cpuDefault(ref(c)).sameAs(mg.label(ref(m))), "the CPU is in the group")
                .when(s.isOnline(ref(c)), "only online CPUs are in a group")
                .set(s.cpuDefaultPmg.becomesAt(ref(c), s.ctrlPmg.at(mg.partid().at(ref(m))),
                        "cpus_mon_write: dropped CPUs go back to the parent"))
                .set(s.ipiPending.becomes(union(s.ipiPending.ref(), setOf(s.cpu, ref(c))),
                        "update_closid_rmid"))
                .build();
    }
}
