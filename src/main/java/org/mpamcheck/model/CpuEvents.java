package org.mpamcheck.model;

import static org.mpamcheck.spec.Exprs.and;
import static org.mpamcheck.spec.Exprs.card;
import static org.mpamcheck.spec.Exprs.diff;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.except;
import static org.mpamcheck.spec.Exprs.exists;
import static org.mpamcheck.spec.Exprs.forall;
import static org.mpamcheck.spec.Exprs.ge;
import static org.mpamcheck.spec.Exprs.in;
import static org.mpamcheck.spec.Exprs.ite;
import static org.mpamcheck.spec.Exprs.neq;
import static org.mpamcheck.spec.Exprs.not;
import static org.mpamcheck.spec.Exprs.notIn;
import static org.mpamcheck.spec.Exprs.num;
import static org.mpamcheck.spec.Exprs.ref;
import static org.mpamcheck.spec.Exprs.setOf;
import static org.mpamcheck.spec.Exprs.some;
import static org.mpamcheck.spec.Exprs.union;

import java.util.ArrayList;
import java.util.List;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.Update;

/**
 * What CPUs do on their own: context switches, IPI delivery, kernel and interrupt entry and exit,
 * kernel locks, hotplug. Every step that loads the label registers goes through {@link #load}, so
 * the variant decides the kernel register in one place.
 */
final class CpuEvents {

    private final ResctrlState s;

    CpuEvents(ResctrlState s) {
        this.s = s;
    }

    List<Action> actions() {
        List<Action> all = new ArrayList<>(List.of(contextSwitch(), deliverIpi(), deliverIpiIdle(),
                kernelEnter(), kernelExit(), irqEnter(), irqExit()));
        if (s.lock != null) {
            all.addAll(List.of(lockTake(), lockWait(), lockRelease()));
        }
        if (s.cpu.size() > 1) {
            all.add(cpuOffline());
            all.add(cpuOnline());
        }
        return all;
    }

    /** The register writes of resctrl_arch_sched_in: the user label and the variant's kernel one. */
    private Action.Builder load(Action.Builder b, Expr c, Label user, String cite) {
        b.set(s.variable(ResctrlState.registerVariable(s.arch.userRegister()) + "Partid"),
                except(s.var(ResctrlState.registerVariable(s.arch.userRegister()) + "Partid"), c,
                        user.partid()), cite);
        b.set(s.variable(ResctrlState.registerVariable(s.arch.userRegister()) + "Pmg"),
                except(s.var(ResctrlState.registerVariable(s.arch.userRegister()) + "Pmg"), c,
                        user.pmg()), cite);
        return setKernelRegister(b, c, s.policy.kernelRegisterOnLoad(s, c, user), cite);
    }

    private Action.Builder setKernelRegister(Action.Builder b, Expr c, Label k, String cite) {
        if (k == null) {
            return b;
        }
        String r = ResctrlState.registerVariable(s.arch.kernelRegister());
        return b.set(s.variable(r + "Partid"), except(s.var(r + "Partid"), c, k.partid()), cite)
                .set(s.variable(r + "Pmg"), except(s.var(r + "Pmg"), c, k.pmg()), cite);
    }

    private Expr notRunningAnywhere(Expr t) {
        Param c = new Param("cn", s.cpu);
        return forall(c, not(s.runs(ref(c), t)));
    }

    private Expr holdsOrWaits(Expr t) {
        if (s.lock == null) {
            return org.mpamcheck.spec.Exprs.FALSE;
        }
        Param l = new Param("lh", s.lock);
        return exists(l, org.mpamcheck.spec.Exprs.or(
                eq(s.at("lockHolder", ref(l)), some(s.taskOrNone, t)),
                in(t, s.at("lockWaiters", ref(l)))));
    }

    private Action contextSwitch() {
        Param c = new Param("c", s.cpu);
        Param t = new Param("t", s.task);
        Action.Builder b = Action.builder("Switch", "context switch: the CPU picks up a task "
                        + "that is not running")
                .param(c).param(t)
                .when(in(ref(c), s.var("online")), "an online CPU")
                .when(s.inContext(ref(c), "user"), "the outgoing task was preempted in user mode")
                .when(notRunningAnywhere(ref(t)), "a task runs on one CPU at a time")
                .set(s.variable("running"), except(s.var("running"), ref(c),
                        some(s.taskOrNone, ref(t))), "__switch_to");
        return load(b, ref(c), s.assigned(ref(t), ref(c)), s.arch == Architecture.X86
                ? "resctrl_arch_sched_in -> __resctrl_sched_in" : "mpam_thread_switch").build();
    }

    private Action deliverIpi() {
        Param c = new Param("c", s.cpu);
        Param t = new Param("t", s.task);
        Action.Builder b = Action.builder("DeliverIpi", "the update IPI runs on the CPU: "
                        + "resctrl_arch_sched_in(current)")
                .param(c).param(t)
                .when(in(ref(c), s.var("ipiPending")), "an IPI is pending")
                .when(not(s.inIrq(ref(c))), "interrupts are masked while a handler runs")
                .when(s.runs(ref(c), ref(t)), "the current task")
                .set(s.variable("ipiPending"), diff(s.var("ipiPending"), setOf(s.cpu, ref(c))),
                        "resctrl_arch_sync_cpu_closid_rmid");
        return load(b, ref(c), s.assigned(ref(t), ref(c)), "resctrl_arch_sched_in(current)")
                .build();
    }

    private Action deliverIpiIdle() {
        Param c = new Param("c", s.cpu);
        Action.Builder b = Action.builder("DeliverIpiIdle", "the update IPI runs on an idle "
                        + "CPU: the idle task is in the default group, so the CPU default applies")
                .param(c)
                .when(in(ref(c), s.var("ipiPending")), "an IPI is pending")
                .when(s.idle(ref(c)), "the CPU is idle")
                .set(s.variable("ipiPending"), diff(s.var("ipiPending"), setOf(s.cpu, ref(c))),
                        "resctrl_arch_sync_cpu_closid_rmid");
        return load(b, ref(c), s.cpuDefault(ref(c)), "resctrl_arch_sched_in(idle)").build();
    }

    private Action kernelEnter() {
        Param c = new Param("c", s.cpu);
        Param t = new Param("t", s.task);
        return Action.builder("KernelEnter", "the running task enters the kernel (syscall or "
                        + "fault): EL0 -> EL1, CPL 3 -> 0")
                .param(c).param(t)
                .when(s.runs(ref(c), ref(t)), "the running task")
                .when(s.inContext(ref(c), "user"), "from user mode")
                .set(s.variable("context"), except(s.var("context"), ref(c), s.context("kernel")),
                        "el0_svc; no register is written on entry")
                .build();
    }

    private Action kernelExit() {
        Param c = new Param("c", s.cpu);
        Param t = new Param("t", s.task);
        return Action.builder("KernelExit", "the task returns to user mode")
                .param(c).param(t)
                .when(s.runs(ref(c), ref(t)), "the running task")
                .when(s.inContext(ref(c), "kernel"), "in the kernel")
                .when(not(holdsOrWaits(ref(t))), "no kernel lock is held or awaited across return")
                .set(s.variable("context"), except(s.var("context"), ref(c), s.context("user")),
                        "ERET to EL0")
                .build();
    }

    private Action irqEnter() {
        Param c = new Param("c", s.cpu);
        Action.Builder b = Action.builder("IrqEnter", "an interrupt is taken on the CPU")
                .param(c)
                .when(not(s.idle(ref(c))), "a task is interrupted")
                .when(s.inContext(ref(c), "user", "kernel"), "interrupts do not nest here")
                .set(s.variable("context"), except(s.var("context"), ref(c),
                                ite(s.inContext(ref(c), "user"), s.context("irqFromUser"),
                                        s.context("irqFromKernel"))),
                        "interrupts run at EL1 / CPL 0");
        return setKernelRegister(b, ref(c), s.policy.kernelRegisterOnIrqEntry(s, ref(c)),
                "interrupt entry").build();
    }

    private Action irqExit() {
        Param c = new Param("c", s.cpu);
        Action.Builder b = Action.builder("IrqExit", "the interrupt handler returns")
                .param(c)
                .when(s.inIrq(ref(c)), "in an interrupt")
                .set(s.variable("context"), except(s.var("context"), ref(c),
                                ite(s.inContext(ref(c), "irqFromUser"), s.context("user"),
                                        s.context("kernel"))),
                        "return to the interrupted context");
        return setKernelRegister(b, ref(c), s.policy.kernelRegisterOnIrqExit(s, ref(c)),
                "interrupt exit").build();
    }

    /** The parameters of a lock step: a CPU, the task it runs in kernel context, a lock. */
    private record LockStep(Param c, Param t, Param l) {
    }

    private Action.Builder lockAction(String name, String description, LockStep p) {
        return Action.builder(name, description)
                .param(p.c()).param(p.t()).param(p.l())
                .when(s.runs(ref(p.c()), ref(p.t())), "the running task")
                .when(s.inContext(ref(p.c()), "kernel"), "kernel locks are used in kernel context");
    }

    private LockStep lockStep() {
        return new LockStep(new Param("c", s.cpu), new Param("t", s.task), new Param("l", s.lock));
    }

    private Action lockTake() {
        LockStep p = lockStep();
        Expr l = ref(p.l());
        return lockAction("LockTake", "the task takes a free kernel lock", p)
                .when(eq(s.at("lockHolder", l), s.noTask()), "the lock is free")
                .set(s.variable("lockHolder"), except(s.var("lockHolder"), l,
                        some(s.taskOrNone, ref(p.t()))), "mutex_lock")
                .set(s.variable("lockWaiters"), except(s.var("lockWaiters"), l,
                        diff(s.at("lockWaiters", l), setOf(s.task, ref(p.t())))),
                        "a waiter stops waiting when it gets the lock")
                .build();
    }

    private Action lockWait() {
        LockStep p = lockStep();
        Expr l = ref(p.l());
        return lockAction("LockWait", "the task waits for a kernel lock another task holds", p)
                .when(neq(s.at("lockHolder", l), s.noTask()), "the lock is held")
                .when(neq(s.at("lockHolder", l), some(s.taskOrNone, ref(p.t()))),
                        "by another task")
                .when(not(holdsOrWaits(ref(p.t()))), "one lock at a time")
                .set(s.variable("lockWaiters"), except(s.var("lockWaiters"), l,
                        union(s.at("lockWaiters", l), setOf(s.task, ref(p.t())))),
                        "mutex_lock: optimistic spinning on the owner")
                .build();
    }

    private Action lockRelease() {
        LockStep p = lockStep();
        Expr l = ref(p.l());
        return lockAction("LockRelease", "the task releases a kernel lock", p)
                .when(eq(s.at("lockHolder", l), some(s.taskOrNone, ref(p.t()))), "the holder")
                .set(s.variable("lockHolder"), except(s.var("lockHolder"), l, s.noTask()),
                        "mutex_unlock")
                .build();
    }

    private Action cpuOffline() {
        Param c = new Param("c", s.cpu);
        return Action.builder("CpuOffline", "a CPU goes offline; its task migrates away")
                .param(c)
                .when(in(ref(c), s.var("online")), "an online CPU")
                .when(ge(card(s.var("online")), num(2)), "one CPU always stays online")
                .when(s.inContext(ref(c), "user"), "tasks migrate from user mode")
                .when(s.mutexFree(), "resctrl_offline_cpu takes rdtgroup_mutex")
                .set(s.variable("online"), diff(s.var("online"), setOf(s.cpu, ref(c))),
                        "cpuhp teardown")
                .set(s.variable("running"), except(s.var("running"), ref(c), s.noTask()),
                        "migrate_tasks")
                .set(s.variable("cpuDefaultPartid"), except(s.var("cpuDefaultPartid"), ref(c),
                        s.partid(0)), "resctrl_offline_cpu: cleared from its group's cpu_mask")
                .set(s.variable("cpuDefaultPmg"), except(s.var("cpuDefaultPmg"), ref(c),
                        s.pmg(0)), "resctrl_offline_cpu")
                .build();
    }

    private Action cpuOnline() {
        Param c = new Param("c", s.cpu);
        Action.Builder b = Action.builder("CpuOnline", "a CPU comes online in the default "
                        + "group with its label registers reset")
                .param(c)
                .when(notIn(ref(c), s.var("online")), "an offline CPU")
                .when(s.mutexFree(), "resctrl_online_cpu takes rdtgroup_mutex")
                .set(s.variable("online"), union(s.var("online"), setOf(s.cpu, ref(c))),
                        "resctrl_online_cpu: added to rdtgroup_default.cpu_mask");
        String user = ResctrlState.registerVariable(s.arch.userRegister());
        b.set(s.variable(user + "Partid"), except(s.var(user + "Partid"), ref(c), s.partid(0)),
                        "cpu_enable_mpam / clear_closid_rmid: the default label")
                .set(s.variable(user + "Pmg"), except(s.var(user + "Pmg"), ref(c), s.pmg(0)),
                        "cpu_enable_mpam / clear_closid_rmid");
        if (s.policy.hasKernelRegister()) {
            Label k = s.policy.kernelRegisterOnOnline(s, ref(c));
            setKernelRegister(b, ref(c), k == null ? s.defaultLabel() : k, "CPU online");
        }
        for (Update u : s.policy.onCpuOnline(s, ref(c))) {
            b.set(u.variable(), u.value(), u.cite());
        }
        return b.build();
    }
}
