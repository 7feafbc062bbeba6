package org.mpamcheck.model;

import static org.mpamcheck.spec.Exprs.FALSE;
import static org.mpamcheck.spec.Exprs.and;
import static org.mpamcheck.spec.Exprs.card;
import static org.mpamcheck.spec.Exprs.diff;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.exists;
import static org.mpamcheck.spec.Exprs.filter;
import static org.mpamcheck.spec.Exprs.forall;
import static org.mpamcheck.spec.Exprs.ge;
import static org.mpamcheck.spec.Exprs.in;
import static org.mpamcheck.spec.Exprs.ite;
import static org.mpamcheck.spec.Exprs.lt;
import static org.mpamcheck.spec.Exprs.not;
import static org.mpamcheck.spec.Exprs.or;
import static org.mpamcheck.spec.Exprs.num;
import static org.mpamcheck.spec.Exprs.plus;
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
                + "not running, from user or kernel context (preemption, a task that sleeps)",
                sched, CpuEvents::contextSwitch,
                v -> v.onCpu(0) + "switch to task " + v.pid(1)));
        steps.add(new Step(CoreSteps.SWITCH_TO_IDLE, "context switch to the idle task (its label "
                + "is the default group's, so the CPU default applies)", sched,
                CpuEvents::switchToIdle, v -> v.onCpu(0) + "switch to idle"));
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
        s.kernelThreads.ifPresent(k -> steps.add(new Step(CoreSteps.KTHREAD_CREATE, "a task "
                + "exits and kthreadd forks a kernel thread in its place, with kthreadd's label",
                "kernel/kthread.c kthreadd -> create_kthread; kernel/fork.c copy_process",
                (st, step) -> kthreadCreate(st, step, k), v -> "task " + v.pid(0) + " exits; "
                        + "kthreadd forks kernel thread " + v.pid(0) + " (PID reused)")));
        s.locks.ifPresent(locks -> KernelLockSteps.register(steps, s, locks));
        if (s.scope.guests() != 0 && s.arch == Architecture.ARM64) {
            GuestSteps.register(steps, s);
        }
        if (s.cpu.size() > 1 && s.scope.hotplug() != 0) {
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

    /**
     * The task {@code c} runs now, if it is in kernel mode: it resumes there when switched back
     * in (its kernel stack and saved registers; the label is reloaded by the next switch).
     */
    private static Expr savedInKernel(ResctrlState s, Expr c) {
        Param t0 = new Param("tk", s.task);
        return filter(t0, and(s.runs(c, ref(t0)), s.inContext(c, CpuContext.KERNEL)));
    }

    /**
     * __schedule -> context_switch -> __switch_to, on every switch the scheduler makes: from user
     * mode, preempting kernel work, or a task that sleeps (a lock waiter); never inside an
     * interrupt handler (preemption happens on its exit).
     */
    private static Action contextSwitch(ResctrlState s, Step step) {
        Param c = new Param("c", s.cpu);
        Param t = new Param("t", s.task);
        Action.Builder b = step.action()
                .param(c).param(t)
                .when(s.isOnline(ref(c)), "an online CPU")
                .when(s.inContext(ref(c), CpuContext.USER, CpuContext.KERNEL),
                        "not inside an interrupt handler")
                .when(notRunningAnywhere(s, ref(t)), "a task runs on one CPU at a time")
                .set(s.running.becomesAt(ref(c), some(s.taskOrNone, ref(t)), "__switch_to"))
                .set(s.cpuContext.becomesAt(ref(c), ite(s.inOrKernelThread(ref(t),
                                s.preemptedInKernel.ref()),
                        s.context(CpuContext.KERNEL), s.context(CpuContext.USER)),
                        "the task resumes where it was switched out; a kernel thread runs at "
                                + "EL1 / CPL 0 only"))
                .set(s.preemptedInKernel.becomes(union(diff(s.preemptedInKernel.ref(),
                        setOf(s.task, ref(t))), savedInKernel(s, ref(c))),
                        "the outgoing task keeps its kernel context"));
        return LabelLoad.load(s, b, ref(c), s.loaded(ref(t), ref(c)), s.arch == Architecture.X86
                ? "resctrl_arch_sched_in -> __resctrl_sched_in" : "mpam_thread_switch").build();
    }

    /** The idle task: pid 0, never on a tasks file, label (0, 0), so the CPU default. */
    private static Action switchToIdle(ResctrlState s, Step step) {
        Param c = new Param("c", s.cpu);
        Action.Builder b = step.action()
                .param(c)
                .when(not(s.idle(ref(c))), "a task runs")
                .when(s.inContext(ref(c), CpuContext.USER, CpuContext.KERNEL),
                        "not inside an interrupt handler")
                .set(s.running.becomesAt(ref(c), s.noTask(), "__switch_to(prev, idle)"))
                .set(s.cpuContext.becomesAt(ref(c), s.context(CpuContext.USER),
                        "the idle loop (no task's kernel work)"))
                .set(s.preemptedInKernel.becomes(union(s.preemptedInKernel.ref(),
                        savedInKernel(s, ref(c))), "the outgoing task keeps its kernel context"));
        return LabelLoad.load(s, b, ref(c), s.cpuDefault(ref(c)),
                "mpam_thread_switch(idle) / __resctrl_sched_in(idle): the CPU default").build();
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
        return LabelLoad.load(s, b, ref(c), s.loaded(ref(t), ref(c)),
                "resctrl_arch_sched_in(current)").build();
    }

    private static Action deliverIpiIdle(ResctrlState s, Step step) {
        Param c = new Param("c", s.cpu);
        Action.Builder b = step.action()
                .param(c)
                .when(in(ref(c), s.ipiPending.ref()), "an IPI is pending")
                .when(s.idle(ref(c)), "the CPU is idle")
                .when(not(s.inIrq(ref(c))), "interrupts are masked while a handler runs")
                .set(s.ipiPending.becomes(diff(s.ipiPending.ref(), setOf(s.cpu, ref(c))),
                        "resctrl_arch_sync_cpu_closid_rmid"));
        return LabelLoad.load(s, b, ref(c), s.cpuDefault(ref(c)), "resctrl_arch_sched_in(idle)")
                .build();
    }

    /**
     * A kernel thread copies kthreadd's task_struct (x86 closid/rmid) or thread_info (arm64
     * mpam_partid_pmg): no resctrl hook runs at fork, so it is in the default group unless
     * someone wrote kthreadd to a tasks file (not modelled: kthreadd stays in the default group).
     */
    private static Action kthreadCreate(ResctrlState s, Step step, StateVar kthreads) {
        Param t = new Param("t", s.task);
        return step.action()
                .param(t)
                .when(lt(card(kthreads.ref()), num(s.scope.kthreads())),
                        "the scope's bound on kernel threads")
                .when(not(in(ref(t), kthreads.ref())), "a user task's slot")
                .when(notRunningAnywhere(s, ref(t)), "the exited task runs nowhere")
                .when(not(in(ref(t), s.preemptedInKernel.ref())), "nor sleeps mid-syscall")
                .when(not(in(ref(t), s.uncheckedMoves.ref())), "nor is being moved")
                .when(not(holdsOrWaits(s, ref(t))), "nor holds or awaits a lock")
                .set(kthreads.becomes(union(kthreads.ref(), setOf(s.task, ref(t))),
                        "kthread(): runs threadfn at EL1 / CPL 0 only"))
                .set(s.taskPartid.becomesAt(ref(t), s.partid(0), "dup_task_struct: kthreadd's "
                        + s.arch.controlName()))
                .set(s.taskPmg.becomesAt(ref(t), s.pmg(0), "dup_task_struct: kthreadd's "
                        + s.arch.monitorName()))
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
        Action.Builder b = step.action()
                .param(c).param(t)
                .when(s.runs(ref(c), ref(t)), "the running task")
                .when(s.inContext(ref(c), CpuContext.KERNEL), "in the kernel");
        return s.unlessKernelThread(b, ref(t), "kernel/kthread.c kthread(): a kernel thread "
                        + "runs threadfn and exits; it never returns to user mode")
                .when(not(holdsOrWaits(s, ref(t))),
                        "no kernel lock is held or awaited across return")
                .set(s.cpuContext.becomesAt(ref(c), s.context(CpuContext.USER), "ERET to EL0"))
                .build();
    }

    private static Action irqEnter(ResctrlState s, Step step) {
        Param c = new Param("c", s.cpu);
        Action.Builder b = step.action()
                .param(c)
                .when(s.isOnline(ref(c)), "an online CPU, busy or idle")
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

    /**
     * cpuhp teardown: the CPU's task migrates (keeping a kernel context it had) and
     * resctrl_offline_cpu clears it from its group's cpu_mask. x86 also resets the CPU's default
     * and PQR_ASSOC (clear_closid_rmid); arm64 leaves arm64_mpam_default and the registers.
     */
    private static Action cpuOffline(ResctrlState s, Step step) {
        Param c = new Param("c", s.cpu);
        Action.Builder b = step.underMutex(s, "resctrl_offline_cpu takes rdtgroup_mutex; a "
                        + "resctrl write holds cpus_read_lock, which hotplug waits for")
                .param(c)
                .when(s.isOnline(ref(c)), "an online CPU")
                .when(ge(card(s.online.ref()), num(2)), "one CPU always stays online")
                .when(s.inContext(ref(c), CpuContext.USER, CpuContext.KERNEL),
                        "not inside an interrupt handler")
                .set(s.online.becomes(diff(s.online.ref(), setOf(s.cpu, ref(c))),
                        "cpuhp teardown"))
                .set(s.running.becomesAt(ref(c), s.noTask(), "migrate_tasks"))
                .set(s.cpuContext.becomesAt(ref(c), s.context(CpuContext.USER), "offline"))
                .set(s.preemptedInKernel.becomes(union(s.preemptedInKernel.ref(),
                        savedInKernel(s, ref(c))), "the migrated task keeps its kernel context"))
                .set(s.cpuGroupPartid.becomesAt(ref(c), s.partid(0),
                        "resctrl_offline_cpu: cleared from its group's cpu_mask"))
                .set(s.cpuGroupPmg.becomesAt(ref(c), s.pmg(0),
                        "resctrl_offline_cpu: clear_childcpus"));
        if (s.arch.hotplugResetsCpuDefault()) {
            resetCpu(s, b, ref(c), "resctrl_arch_offline_cpu: clear_closid_rmid");
        }
        s.offlines.ifPresent(n -> b.when(lt(n.ref(), num(s.scope.hotplug())),
                        "the scope's bound on offline events (hotplug=" + s.scope.hotplug() + ")")
                .set(n.becomes(plus(n.ref(), num(1)), "one more offline event")));
        return b.build();
    }

    /**
     * cpuhp bring-up: resctrl_online_cpu adds the CPU to the default group's cpu_mask. x86 resets
     * its default and PQR_ASSOC first (clear_closid_rmid); arm64's cpu_enable_mpam reloads the
     * registers from arm64_mpam_current, the value the CPU last ran with, and nothing resets
     * arm64_mpam_default (mpam_resctrl_online_cpu).
     */
    private static Action cpuOnline(ResctrlState s, Step step) {
        Param c = new Param("c", s.cpu);
        Action.Builder b = step.underMutex(s, "resctrl_online_cpu takes rdtgroup_mutex")
                .param(c)
                .when(not(s.isOnline(ref(c))), "an offline CPU")
                .set(s.online.becomes(union(s.online.ref(), setOf(s.cpu, ref(c))),
                        "resctrl_online_cpu: added to rdtgroup_default.cpu_mask"));
        if (s.arch.hotplugResetsCpuDefault()) {
            return resetCpu(s, b, ref(c), "resctrl_arch_online_cpu: clear_closid_rmid").build();
        }
        return LabelLoad.writeKernel(s, b, ref(c), s.policy.kernelRegisterOnLoad(s, ref(c),
                s.userRegister.on(ref(c))), "cpu_enable_mpam: MPAM1_EL1 from arm64_mpam_current")
                .build();
    }

    /** clear_closid_rmid: the CPU default and the label register back to (0, 0). */
    private static Action.Builder resetCpu(ResctrlState s, Action.Builder b, Expr c,
            String cite) {
        b.set(s.cpuDefaultPartid.becomesAt(c, s.partid(0), cite))
                .set(s.cpuDefaultPmg.becomesAt(c, s.pmg(0), cite));
        s.userRegister.write(b, c, s.defaultLabel(), cite);
        s.kernelRegister.ifPresent(k -> k.write(b, c, s.defaultLabel(), cite));
        return b;
    }
}
