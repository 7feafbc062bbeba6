package org.mpamcheck.model;

import static org.mpamcheck.spec.Exprs.FALSE;
import static org.mpamcheck.spec.Exprs.card;
import static org.mpamcheck.spec.Exprs.diff;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.exists;
import static org.mpamcheck.spec.Exprs.forall;
import static org.mpamcheck.spec.Exprs.ge;
import static org.mpamcheck.spec.Exprs.in;
import static org.mpamcheck.spec.Exprs.ite;
import static org.mpamcheck.spec.Exprs.not;
import static org.mpamcheck.spec.Exprs.num;
import static org.mpamcheck.spec.Exprs.or;
import static org.mpamcheck.spec.Exprs.ref;
import static org.mpamcheck.spec.Exprs.setOf;
import static org.mpamcheck.spec.Exprs.some;
import static org.mpamcheck.spec.Exprs.union;

import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Param;

/**
 * What CPUs do on their own: context switches, IPI delivery, kernel and interrupt entry and exit,
 * kernel locks, hotplug. Every step that loads the label registers goes through {@link
 * LabelLoad}, so the variant decides the kernel register in one place.
 */
final class CpuEvents {

    private CpuEvents() {
    }

    static void register(StepCatalog steps, ResctrlState s) {
        String sched = s.arch == Architecture.X86
                ? "arch/x86/include/asm/resctrl.h __resctrl_sched_in"
                : "arch/arm64/include/asm/mpam.h mpam_thread_switch";
        steps.add(new Step(CoreSteps.SWITCH, "context switch: the CPU picks up a task that is "
                + "not running", sched, CpuEvents::contextSwitch,
                v -> v.onCpu(0) + "switch to task " + v.pid(1)));
        steps.add(new Step(CoreSteps.DELIVER_IPI, "the update IPI runs on the CPU: "
                + "resctrl_arch_sched_in(current)", "fs/resctrl/rdtgroup.c update_cpu_closid_rmid",
                CpuEvents::deliverIpi, CpuEvents::tellIpi));
        steps.add(new Step(CoreSteps.DELIVER_IPI_IDLE, "the update IPI runs on an idle CPU: the "
                + "idle task is in the default group, so the CPU default applies",
                "fs/resctrl/rdtgroup.c update_cpu_closid_rmid", CpuEvents::deliverIpiIdle,
                CpuEvents::tellIpi));
        steps.add(new Step(CoreSteps.KERNEL_ENTER, "the running task enters the kernel (syscall "
                + "or fault): EL0 -> EL1, CPL 3 -> 0", "arch/arm64/kernel/entry-common.c el0_svc",
                CpuEvents::kernelEnter,
                v -> v.onCpu(0) + "task " + v.pid(1) + " enters the kernel (syscall)"));
        steps.add(new Step(CoreSteps.KERNEL_EXIT, "the task returns to user mode",
                "ERET / SYSRET", CpuEvents::kernelExit,
                v -> v.onCpu(0) + "task " + v.pid(1) + " returns to user space"));
        steps.add(new Step(CoreSteps.IRQ_ENTER, "an interrupt is taken on the CPU",
                "interrupt entry at EL1 / CPL 0", CpuEvents::irqEnter,
                v -> v.onCpu(0) + "interrupt"));
        steps.add(new Step(CoreSteps.IRQ_EXIT, "the interrupt handler returns",
                "interrupt exit", CpuEvents::irqExit,
                v -> v.onCpu(0) + "interrupt handler returns"));
        s.locks.ifPresent(locks -> KernelLockSteps.register(steps, s, locks));
        if (s.cpu.size() > 1) {
            steps.add(new Step(CoreSteps.CPU_OFFLINE, "a CPU goes offline; its task migrates "
                    + "away", "fs/resctrl/rdtgroup.c resctrl_offline_cpu",
                    CpuEvents::cpuOffline, v -> "echo 0 > /sys/devices/system/cpu/"
                            + Narration.cpuName(v.arg(0)) + "/online"));
            steps.add(new Step(CoreSteps.CPU_ONLINE, "a CPU comes online in the default group "
                    + "with its label registers reset", "fs/resctrl/rdtgroup.c "
                    + "resctrl_online_cpu", CpuEvents::cpuOnline,
                    v -> "echo 1 > /sys/devices/system/cpu/" + Narration.cpuName(v.arg(0))
                            + "/online"));
        }
    }

    private static String tellIpi(StepView v) {
        return v.onCpu(0) + "update IPI arrives (resctrl_arch_sched_in)";
    }

    private static Expr notRunningAnywhere(ResctrlState s, Expr t) {
        Param c = new Param("cn", s.cpu);
        return forall(c, not(s.runs(ref(c), t)));
    }

    /** The task holds or waits for a kernel lock (no lock at the scope: never). */
    static Expr holdsOrWaits(ResctrlState s, Expr t) {
        return s.locks.map(locks -> {
            Param l = new Param("lh", locks.sort());
            return exists(l, or(eq(locks.holder().at(ref(l)), some(s.taskOrNone, t)),
                    in(t, locks.waiters().at(ref(l)))));
        }).orElse(FALSE);
    }

    private static Action contextSwitch(ResctrlState s, Step step) {
        Param c = new Param("c", s.cpu);
        Param t = new Param("t", s.task);
        Action.Builder b = step.action()
                .param(c).param(t)
                .when(s.isOnline(ref(c)), "an online CPU")
                .when(s.inContext(ref(c), CpuContext.USER),
                        "the outgoing task was preempted in user mode")
                .when(notRunningAnywhere(s, ref(t)), "a task runs on one CPU at a time")
                .set(s.running.becomesAt(ref(c), some(s.taskOrNone, ref(t)), "__switch_to"));
        return LabelLoad.load(s, b, ref(c), s.assigned(ref(t), ref(c)), s.arch == Architecture.X86
                ? "resctrl_arch_sched_in -> __resctrl_sched_in" : "mpam_thread_switch").build();
    }

    private static Action deliverIpi(ResctrlState s, Step step) {
        Param c = new Param("c", s.cpu);
        Param t = new Param("t", s.task);
        Action.Builder b = step.action()
                .param(c).param(t)
                .when(in(ref(c), s.ipiPending.ref()), "an IPI is pending")
                .when(not(s.inIrq(ref(c))), "interrupts are masked while a handler runs")
                .when(s.runs(ref(c), ref(t)), "the current task")
                .set(s.ipiPending.becomes(diff(s.ipiPending.ref(), setOf(s.cpu, ref(c))),
                        "resctrl_arch_sync_cpu_closid_rmid"));
        return LabelLoad.load(s, b, ref(c), s.assigned(ref(t), ref(c)),
                "resctrl_arch_sched_in(current)").build();
    }

    private static Action deliverIpiIdle(ResctrlState s, Step step) {
        Param c = new Param("c", s.cpu);
        Action.Builder b = step.action()
                .param(c)
                .when(in(ref(c), s.ipiPending.ref()), "an IPI is pending")
                .when(s.idle(ref(c)), "the CPU is idle")
                .set(s.ipiPending.becomes(diff(s.ipiPending.ref(), setOf(s.cpu, ref(c))),
                        "resctrl_arch_sync_cpu_closid_rmid"));
        return LabelLoad.load(s, b, ref(c), s.cpuDefault(ref(c)), "resctrl_arch_sched_in(idle)")
                .build();
    }

    private static Action kernelEnter(ResctrlState s, Step step) {
        Param c = new Param("c", s.cpu);
        Param t = new Param("t", s.task);
        return step.action()
                .param(c).param(t)
                .when(s.runs(ref(c), ref(t)), "the running task")
                .when(s.inContext(ref(c), CpuContext.USER), "from user mode")
                .set(s.cpuContext.becomesAt(ref(c), s.context(CpuContext.KERNEL),
                        "el0_svc; no register is written on entry"))
                .build();
    }

    private static Action kernelExit(ResctrlState s, Step step) {
        Param c = new Param("c", s.cpu);
        Param t = new Param("t", s.task);
        return step.action()
                .param(c).param(t)
                .when(s.runs(ref(c), ref(t)), "the running task")
                .when(s.inContext(ref(c), CpuContext.KERNEL), "in the kernel")
                .when(not(holdsOrWaits(s, ref(t))),
                        "no kernel lock is held or awaited across return")
                .set(s.cpuContext.becomesAt(ref(c), s.context(CpuContext.USER), "ERET to EL0"))
                .build();
    }

    private static Action irqEnter(ResctrlState s, Step step) {
        Param c = new Param("c", s.cpu);
        Action.Builder b = step.action()
                .param(c)
                .when(not(s.idle(ref(c))), "a task is interrupted")
                .when(s.inContext(ref(c), CpuContext.USER, CpuContext.KERNEL),
                        "interrupts do not nest here")
                .set(s.cpuContext.becomesAt(ref(c), ite(s.inContext(ref(c), CpuContext.USER),
                                s.context(CpuContext.IRQ_FROM_USER),
                                s.context(CpuContext.IRQ_FROM_KERNEL)),
                        "interrupts run at EL1 / CPL 0"));
        return LabelLoad.writeKernel(s, b, ref(c), s.policy.kernelRegisterOnIrqEntry(s, ref(c)),
                "interrupt entry").build();
    }

    private static Action irqExit(ResctrlState s, Step step) {
        Param c = new Param("c", s.cpu);
        Action.Builder b = step.action()
                .param(c)
                .when(s.inIrq(ref(c)), "in an interrupt")
                .set(s.cpuContext.becomesAt(ref(c), ite(s.inContext(ref(c),
                                CpuContext.IRQ_FROM_USER), s.context(CpuContext.USER),
                                s.context(CpuContext.KERNEL)),
                        "return to the interrupted context"));
        return LabelLoad.writeKernel(s, b, ref(c), s.policy.kernelRegisterOnIrqExit(s, ref(c)),
                "interrupt exit").build();
    }

    private static Action cpuOffline(ResctrlState s, Step step) {
        Param c = new Param("c", s.cpu);
        return step.underMutex(s, "resctrl_offline_cpu takes rdtgroup_mutex")
                .param(c)
                .when(s.isOnline(ref(c)), "an online CPU")
                .when(ge(card(s.online.ref()), num(2)), "one CPU always stays online")
                .when(s.inContext(ref(c), CpuContext.USER), "tasks migrate from user mode")
                .set(s.online.becomes(diff(s.online.ref(), setOf(s.cpu, ref(c))),
                        "cpuhp teardown"))
                .set(s.running.becomesAt(ref(c), s.noTask(), "migrate_tasks"))
                .set(s.cpuDefaultPartid.becomesAt(ref(c), s.partid(0),
                        "resctrl_offline_cpu: cleared from its group's cpu_mask"))
                .set(s.cpuDefaultPmg.becomesAt(ref(c), s.pmg(0), "resctrl_offline_cpu"))
                .build();
    }

    private static Action cpuOnline(ResctrlState s, Step step) {
        Param c = new Param("c", s.cpu);
        Action.Builder b = step.underMutex(s, "resctrl_online_cpu takes rdtgroup_mutex")
                .param(c)
                .when(not(s.isOnline(ref(c))), "an offline CPU")
                .set(s.online.becomes(union(s.online.ref(), setOf(s.cpu, ref(c))),
                        "resctrl_online_cpu: added to rdtgroup_default.cpu_mask"));
        s.userRegister.write(b, ref(c), s.defaultLabel(),
                "cpu_enable_mpam / clear_closid_rmid: the default label");
        s.kernelRegister.ifPresent(k -> k.write(b, ref(c), s.defaultLabel(), "CPU online"));
        return b.build();
    }
}
