package org.mpamcheck.model;

import static org.mpamcheck.spec.Exprs.and;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.except;
import static org.mpamcheck.spec.Exprs.filter;
import static org.mpamcheck.spec.Exprs.fn;
import static org.mpamcheck.spec.Exprs.in;
import static org.mpamcheck.spec.Exprs.ite;
import static org.mpamcheck.spec.Exprs.neq;
import static org.mpamcheck.spec.Exprs.not;
import static org.mpamcheck.spec.Exprs.notIn;
import static org.mpamcheck.spec.Exprs.or;
import static org.mpamcheck.spec.Exprs.ref;
import static org.mpamcheck.spec.Exprs.setOf;
import static org.mpamcheck.spec.Exprs.union;

import java.util.ArrayList;
import java.util.List;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Param;

/**
 * Writes to a group's {@code tasks} and {@code cpus} files (rdtgroup_tasks_write,
 * rdtgroup_cpus_write). Each stores the new ids and marks an IPI pending for the CPUs it
 * affects; the IPIs are delivered in later steps while other CPUs keep running.
 */
final class FileWrites {

    private final ResctrlState s;

    FileWrites(ResctrlState s) {
        this.s = s;
    }

    List<Action> actions() {
        List<Action> all = new ArrayList<>();
        all.add(moveTask());
        all.add(cpusAdd());
        all.add(cpusDrop());
        if (s.mon != null) {
            all.add(moveTaskToMon());
            all.add(cpusAddMon());
            all.add(cpusDropMon());
        }
        return all;
    }

    /** The CPU running {@code t}, if any: __rdtgroup_move_task's IPI target. */
    private Expr cpuRunning(Expr t) {
        Param c = new Param("ct", s.cpu);
        return filter(c, s.runs(ref(c), t));
    }

    private Action moveTask() {
        Param t = new Param("t", s.task);
        Param p = new Param("p", s.partid);
        return Action.builder("MoveTask", "echo PID > tasks of a control group (the default "
                        + "group's at /sys/fs/resctrl/tasks)")
                .param(t).param(p)
                .when(s.mutexFree(), "rdtgroup_tasks_write takes rdtgroup_mutex")
                .when(s.isLive("ctrlState", ref(p)), "the directory exists")
                .when(not(s.taskLabel(ref(t)).sameAs(s.ctrlLabel(ref(p)))),
                        "task_in_rdtgroup: a task already in the group is a no-op")
                .set(s.variable("taskPartid"), except(s.var("taskPartid"), ref(t), ref(p)),
                        "resctrl_arch_set_closid_rmid: the CLOSID and the group's own RMID")
                .set(s.variable("taskPmg"), except(s.var("taskPmg"), ref(t),
                                s.at("ctrlPmg", ref(p))),
                        "__rdtgroup_move_task: the task leaves any monitor group")
                .set(s.variable("ipiPending"), union(s.var("ipiPending"), cpuRunning(ref(t))),
                        "smp_mb(); update_task_closid_rmid: IPI if task_curr, else next switch")
                .build();
    }

    private Action moveTaskToMon() {
        Param t = new Param("t", s.task);
        Param m = new Param("m", s.mon);
        return Action.builder("MoveTaskToMon", "echo PID > tasks of a monitor group")
                .param(t).param(m)
                .refuse("EINVAL", and(s.isLive("monState", ref(m)),
                                neq(s.at("taskPartid", ref(t)), s.at("monPartid", ref(m)))),
                        "__rdtgroup_move_task: \"Can't move task to different control group\"")
                .when(s.mutexFree(), "rdtgroup_tasks_write takes rdtgroup_mutex")
                .when(s.isLive("monState", ref(m)), "the directory exists")
                .when(neq(s.at("taskPmg", ref(t)), s.at("monPmg", ref(m))),
                        "task_in_rdtgroup: a task already in the group is a no-op")
                .set(s.variable("taskPmg"), except(s.var("taskPmg"), ref(t),
                                s.at("monPmg", ref(m))),
                        "resctrl_arch_set_closid_rmid: only the RMID changes")
                .set(s.variable("ipiPending"), union(s.var("ipiPending"), cpuRunning(ref(t))),
                        "update_task_closid_rmid")
                .build();
    }

    /**
     * Adding one CPU to a control group's cpus (the default group's included): cpus_ctrl_write
     * takes it from its owner and clears the group's monitor groups' masks, so every CPU of the
     * group gets the group's own label.
     */
    private Action cpusAdd() {
        Param p = new Param("p", s.partid);
        Param c = new Param("c", s.cpu);
        Param c2 = new Param("c2", s.cpu);
        Expr changes = or(eq(ref(c2), ref(c)), eq(s.at("cpuDefaultPartid", ref(c2)), ref(p)));
        Param c3 = new Param("c3", s.cpu);
        Expr affected = filter(c3, and(or(eq(ref(c3), ref(c)),
                        eq(s.at("cpuDefaultPartid", ref(c3)), ref(p))),
                not(s.cpuDefault(ref(c3)).sameAs(s.ctrlLabel(ref(p))))));
        return Action.builder("CpusAdd", "echo CPUS > cpus of a control group, adding one CPU")
                .param(p).param(c)
                .refuse("EINVAL", notIn(ref(c), s.var("online")),
                        "rdtgroup_cpus_write: \"Can only assign online CPUs\"")
                .when(s.mutexFree(), "rdtgroup_cpus_write takes rdtgroup_mutex")
                .when(s.isLive("ctrlState", ref(p)), "the directory exists")
                .when(not(s.cpuDefault(ref(c)).sameAs(s.ctrlLabel(ref(p)))),
                        "a CPU already in the group changes nothing")
                .set(s.variable("cpuDefaultPartid"), fn(c2, ite(changes, ref(p),
                                s.at("cpuDefaultPartid", ref(c2)))),
                        "cpus_ctrl_write: the CPU leaves its previous owner")
                .set(s.variable("cpuDefaultPmg"), fn(c2, ite(changes, s.at("ctrlPmg", ref(p)),
                                s.at("cpuDefaultPmg", ref(c2)))),
                        "cpus_ctrl_write: child monitor groups' cpu_mask are cleared")
                .set(s.variable("ipiPending"), union(s.var("ipiPending"), affected),
                        "update_closid_rmid(tmpmask, rdtgrp)")
                .build();
    }

    private Action cpusDrop() {
        Param p = new Param("p", s.partid);
        Param c = new Param("c", s.cpu);
        return Action.builder("CpusDrop", "echo CPUS > cpus of a control group, leaving one "
                        + "CPU out: it returns to the default group")
                .param(p).param(c)
                .refuse("EINVAL", and(eq(ref(p), s.partid(0)),
                                eq(s.at("cpuDefaultPartid", ref(c)), s.partid(0))),
                        "cpus_ctrl_write: CPUs cannot be dropped from the default group")
                .when(s.mutexFree(), "rdtgroup_cpus_write takes rdtgroup_mutex")
                .when(s.isLive("ctrlState", ref(p)), "the directory exists")
                .when(eq(s.at("cpuDefaultPartid", ref(c)), ref(p)), "the CPU is in the group")
                .set(s.variable("cpuDefaultPartid"), except(s.var("cpuDefaultPartid"), ref(c),
                                s.partid(0)),
                        "cpus_ctrl_write: dropped CPUs go back to the default group")
                .set(s.variable("cpuDefaultPmg"), except(s.var("cpuDefaultPmg"), ref(c), s.pmg(0)),
                        "resctrl_arch_set_cpu_default_closid_rmid(cpu, 0, 0)")
                .set(s.variable("ipiPending"), union(s.var("ipiPending"), setOf(s.cpu, ref(c))),
                        "update_closid_rmid")
                .build();
    }

    private Action cpusAddMon() {
        Param m = new Param("m", s.mon);
        Param c = new Param("c", s.cpu);
        return Action.builder("CpusAddMon", "echo CPUS > cpus of a monitor group, adding one CPU")
                .param(m).param(c)
                .refuse("EINVAL", notIn(ref(c), s.var("online")),
                        "rdtgroup_cpus_write: \"Can only assign online CPUs\"")
                .refuse("EINVAL", and(s.isLive("monState", ref(m)),
                                neq(s.at("cpuDefaultPartid", ref(c)), s.at("monPartid", ref(m)))),
                        "cpus_mon_write: the CPUs must be a subset of the parent's")
                .when(s.mutexFree(), "rdtgroup_cpus_write takes rdtgroup_mutex")
                .when(s.isLive("monState", ref(m)), "the directory exists")
                .when(neq(s.at("cpuDefaultPmg", ref(c)), s.at("monPmg", ref(m))),
                        "a CPU already in the group changes nothing")
                .set(s.variable("cpuDefaultPmg"), except(s.var("cpuDefaultPmg"), ref(c),
                                s.at("monPmg", ref(m))),
                        "cpus_mon_write: the CPU leaves its previous monitor group")
                .set(s.variable("ipiPending"), union(s.var("ipiPending"), setOf(s.cpu, ref(c))),
                        "update_closid_rmid")
                .build();
    }

    private Action cpusDropMon() {
        Param m = new Param("m", s.mon);
        Param c = new Param("c", s.cpu);
        return Action.builder("CpusDropMon", "echo CPUS > cpus of a monitor group, leaving one "
                        + "CPU out: it returns to the parent")
                .param(m).param(c)
                .when(s.mutexFree(), "rdtgroup_cpus_write takes rdtgroup_mutex")
                .when(s.isLive("monState", ref(m)), "the directory exists")
                .when(s.cpuDefault(ref(c)).sameAs(s.monLabel(ref(m))), "the CPU is in the group")
                .when(in(ref(c), s.var("online")), "only online CPUs are in a group")
                .set(s.variable("cpuDefaultPmg"), except(s.var("cpuDefaultPmg"), ref(c),
                                s.at("ctrlPmg", s.at("monPartid", ref(m)))),
                        "cpus_mon_write: dropped CPUs go back to the parent")
                .set(s.variable("ipiPending"), union(s.var("ipiPending"), setOf(s.cpu, ref(c))),
                        "update_closid_rmid")
                .build();
    }
}
