package org.mpamcheck.model;

import static org.mpamcheck.spec.Exprs.and;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.exists;
import static org.mpamcheck.spec.Exprs.filter;
import static org.mpamcheck.spec.Exprs.forall;
import static org.mpamcheck.spec.Exprs.in;
import static org.mpamcheck.spec.Exprs.isEmpty;
import static org.mpamcheck.spec.Exprs.lit;
import static org.mpamcheck.spec.Exprs.neq;
import static org.mpamcheck.spec.Exprs.not;
import static org.mpamcheck.spec.Exprs.or;
import static org.mpamcheck.spec.Exprs.ref;
import static org.mpamcheck.spec.Exprs.some;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.EnumSort;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.OptionSort;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.SymmetricSort;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Value;
import org.mpamcheck.spec.Variable;

/**
 * The state of the model (sorts and variables as typed handles, with their values after mount)
 * and the expressions over it that steps, properties and variants share. The kernel keeps no
 * group pointer in a task or CPU, only ids (task_struct closid/rmid, thread_info.mpam_partid_pmg,
 * the per-CPU defaults), so neither does the model: membership is id equality, as in
 * is_closid_match.
 */
public final class ResctrlState {

    public final Scope scope;
    public final Architecture arch;
    public final KernelModePolicy policy;
    public final SymmetricSort cpu;
    public final SymmetricSort task;
    public final RangeSort partid;
    public final RangeSort pmg;
    public final EnumSort status = EnumSort.of("Status", "free", "live", "dying");
    /** The CPU contexts; the guest ones only at a scope with guests (so others are unchanged). */
    public final EnumSort context;
    public final OptionSort taskOrNone;

    /** Each control group, named by its control id: 0 is the default group (always live). */
    public final StateVar ctrlState;
    public final StateVar ctrlPmg;
    public final Optional<MonitorGroups> monitors;
    public final StateVar limbo;
    /**
     * MPAM with monitor groups only: rmid_free_lru by rmid index (the (PARTID, PMG) entries
     * alloc_rmid may hand out). Elsewhere the free list is what no allocated group holds and
     * limbo does not; on MPAM a monitor-group rename (mongrp_reparent) changes the group's
     * PARTID but not the entry it took, so the list is state of its own there.
     */
    public final Optional<StateVar> rmidFreeLru;
    public final StateVar taskPartid;
    public final StateVar taskPmg;
    public final StateVar online;
    public final StateVar running;
    public final StateVar cpuContext;
    /** resctrl's view: the group whose cpu_mask holds the CPU (rdtgroup->cpu_mask). */
    public final StateVar cpuGroupPartid;
    public final StateVar cpuGroupPmg;
    /**
     * The architecture's per-CPU default (x86 pqr_state default_closid/rmid, arm64
     * arm64_mpam_default), which the context switch substitutes for default-group tasks.
     */
    public final StateVar cpuDefaultPartid;
    public final StateVar cpuDefaultPmg;
    public final StateVar ipiPending;
    /** Tasks switched out in kernel mode (preempted, or asleep on a lock): they resume there. */
    public final StateVar preemptedInKernel;
    /**
     * Tasks whose new label is stored but whose task_curr() check has not run yet (between
     * the smp_mb() and update_task_closid_rmid); the writer holds rdtgroup_mutex meanwhile.
     */
    public final StateVar uncheckedMoves;
    /**
     * The tasks that are kernel threads, up to the scope's {@code kthreads}: a task slot becomes
     * one by {@link CoreSteps#KTHREAD_CREATE}, so the initial state stays symmetric.
     */
    public final Optional<StateVar> kernelThreads;
    /** The register user mode runs with: MPAM0_EL1 or PQR_ASSOC. */
    public final Register userRegister;
    /** The second register, for variants that have one: MPAM1_EL1 or PLZA_ASSOC. */
    public final Optional<Register> kernelRegister;
    /**
     * VHE only: the guest's MPAM1_EL1 (written through MPAM1_EL12), which __mpam_guest_load
     * copies from MPAM0_EL1 at vcpu_load; the host kernel's label is MPAM2_EL2 there, which the
     * model calls MPAM1_EL1 like every other host kernel label.
     */
    public final Optional<Register> guestRegister;
    public final Optional<KernelLocks> locks;
    /** CPU offline events so far, when the scope bounds them ({@code hotplug=N}). */
    public final Optional<StateVar> offlines;
    public final Optional<RangeSort> offlineCount;

    private final Map<Variable, Value> init = new LinkedHashMap<>();
    private final Map<VarDecl, StateVar> declared = new IdentityHashMap<>();
    private final List<StateVar> policyVariables = new ArrayList<>();
    private final List<Expr> mutexHeld = new ArrayList<>();
    private final List<Sort> policySorts = new ArrayList<>();

    public ResctrlState(KernelModePolicy policy, Scope scope) {
        this.scope = scope;
        this.policy = policy;
        this.arch = policy.architecture();
        cpu = SymmetricSort.of("Cpu", "cpu", scope.cpus());
        task = SymmetricSort.of("Task", "t", scope.tasks());
        partid = new RangeSort(arch.controlSort(), 0, scope.partids() - 1);
        pmg = new RangeSort(arch.monitorSort(), 0, scope.pmgs() - 1);
        taskOrNone = new OptionSort(task);
        context = scope.guests() == 0
                ? EnumSort.of("Context", "user", "kernel", "irqFromUser", "irqFromKernel")
                : EnumSort.of("Context", "user", "kernel", "irqFromUser", "irqFromKernel",
                        "guestKernel", "guestUser");
        Value free = value(GroupStatus.FREE);
        List<Value> groups = new ArrayList<>();
        for (int p = 0; p < partid.size(); p++) {
            groups.add(p == 0 ? value(GroupStatus.LIVE) : free);
        }
        ctrlState = declare(fn("ctrlState", partid, Type.of(status), "each control group, named "
                + "by its " + arch.controlName() + ": 0 is the default group (always live)"),
                new Value.FnVal(new Type.FnOf(partid, Type.of(status)), groups));
        ctrlPmg = declare(fn("ctrlPmg", partid, Type.of(pmg), "the " + arch.monitorName()
                + " of each control group's own monitoring"), constant(partid, pmg.of(0)));
        monitors = scope.monitors() == 0 ? Optional.empty() : Optional.of(monitorGroups(free));
        limbo = declare(fn("limbo", partid, new Type.SetOf(pmg), arch.monitorName()
                        + "s freed but still dirty (add_rmid_to_limbo), by rmid index"),
                constant(partid, Value.emptySet(pmg)));
        rmidFreeLru = monitors.isPresent() && arch.monitorsScopedByControl()
                ? Optional.of(declare(fn("rmidFreeLru", partid, new Type.SetOf(pmg),
                        "rmid_free_lru: the " + arch.monitorName() + "s alloc_rmid may hand out, "
                        + "by rmid index"), initialFreeList()))
                : Optional.empty();
        taskPartid = declare(fn("taskPartid", task, Type.of(partid), "task_struct "
                + arch.controlName()), constant(task, partid.of(0)));
        taskPmg = declare(fn("taskPmg", task, Type.of(pmg), "task_struct " + arch.monitorName()),
                constant(task, pmg.of(0)));
        online = declare(new Variable("online", new Type.SetOf(cpu), "the online CPUs"),
                new Value.SetVal(cpu, (1L << cpu.size()) - 1));
        running = declare(fn("running", cpu, Type.of(taskOrNone),
                "the task each CPU runs (none: idle)"), constant(cpu, taskOrNone.none()));
        cpuContext = declare(fn("context", cpu, Type.of(context), "what each CPU executes now"),
                constant(cpu, value(CpuContext.USER)));
        cpuGroupPartid = declare(fn("cpuGroupPartid", cpu, Type.of(partid), "the "
                + arch.controlName() + " of the group whose cpus file holds the CPU"),
                constant(cpu, partid.of(0)));
        cpuGroupPmg = declare(fn("cpuGroupPmg", cpu, Type.of(pmg), "the " + arch.monitorName()
                + " of the group whose cpus file holds the CPU"), constant(cpu, pmg.of(0)));
        cpuDefaultPartid = declare(fn("cpuDefaultPartid", cpu, Type.of(partid), "the arch's "
                + "per-CPU default " + arch.controlName()), constant(cpu, partid.of(0)));
        cpuDefaultPmg = declare(fn("cpuDefaultPmg", cpu, Type.of(pmg), "the arch's per-CPU "
                + "default " + arch.monitorName()), constant(cpu, pmg.of(0)));
        ipiPending = declare(new Variable("ipiPending", new Type.SetOf(cpu),
                "CPUs with an update_closid_rmid IPI decided but not yet delivered"),
                Value.emptySet(cpu));
        preemptedInKernel = declare(new Variable("preemptedInKernel", new Type.SetOf(task),
                "tasks switched out in kernel mode"), Value.emptySet(task));
        uncheckedMoves = declare(new Variable("uncheckedMoves", new Type.SetOf(task),
                "tasks relabelled whose task_curr check is still to run"), Value.emptySet(task));
        kernelThreads = scope.kthreads() == 0 ? Optional.empty() : Optional.of(declare(
                new Variable("kernelThreads", new Type.SetOf(task), "the tasks that are kernel "
                        + "threads (kthreadd's children): they never run in user mode"),
                Value.emptySet(task)));
        userRegister = register(arch.userRegister());
        kernelRegister = policy.hasKernelRegister() ? Optional.of(register(arch.kernelRegister()))
                : Optional.empty();
        guestRegister = scope.guests() == Scope.GUESTS_VHE ? Optional.of(new Register(
                "MPAM1_EL12", declare(fn("guestMpam1Partid", cpu, Type.of(partid), "the guest's "
                        + "MPAM1_EL1 PARTID (__mpam_guest_load)"), constant(cpu, partid.of(0))),
                declare(fn("guestMpam1Pmg", cpu, Type.of(pmg), "the guest's MPAM1_EL1 PMG"),
                        constant(cpu, pmg.of(0))))) : Optional.empty();
        locks = scope.locks() == 0 ? Optional.empty() : Optional.of(kernelLocks());
        offlineCount = scope.hotplug() > 0 ? Optional.of(new RangeSort("Offlines", 0,
                scope.hotplug())) : Optional.empty();
        offlines = offlineCount.map(r -> declare(new Variable("offlines", Type.of(r),
                "CPU offline events so far (the scope's hotplug bound)"), r.of(0)));
        policy.declare(this);
    }

    private MonitorGroups monitorGroups(Value free) {
        SymmetricSort mon = SymmetricSort.of("MonGroup", "m", scope.monitors());
        return new MonitorGroups(mon,
                declare(fn("monState", mon, Type.of(status), "each monitor-group slot"),
                        constant(mon, free)),
                declare(fn("monPartid", mon, Type.of(partid), "the parent's "
                        + arch.controlName() + " (rdtgroup_mkdir_mon)"),
                        constant(mon, partid.of(0))),
                declare(fn("monPmg", mon, Type.of(pmg), "the monitor group's own "
                        + arch.monitorName()), constant(mon, pmg.of(0))));
    }

    /** Every rmid index but the default group's (0, 0) (dom_data_init takes it off the list). */
    private Value initialFreeList() {
        long all = (1L << pmg.size()) - 1;
        List<Value> rows = new ArrayList<>();
        for (int p = 0; p < partid.size(); p++) {
            rows.add(new Value.SetVal(pmg, p == 0 ? all & ~1L : all));
        }
        return new Value.FnVal(new Type.FnOf(partid, new Type.SetOf(pmg)), rows);
    }

    private KernelLocks kernelLocks() {
        SymmetricSort lock = SymmetricSort.of("Lock", "lock", scope.locks());
        return new KernelLocks(lock,
                declare(fn("lockHolder", lock, Type.of(taskOrNone), "the task holding each lock"),
                        constant(lock, taskOrNone.none())),
                declare(fn("lockWaiters", lock, new Type.SetOf(task),
                        "tasks waiting for each lock"), constant(lock, Value.emptySet(task))));
    }

    /** {@code MPAM0_EL1 -> mpam0Partid, mpam0Pmg}; {@code PQR_ASSOC -> pqrPartid, pqrPmg}. */
    private Register register(String hardwareName) {
        String base = hardwareName.toLowerCase().replace("_el1", "").replace("_assoc", "");
        return new Register(hardwareName,
                declare(fn(base + "Partid", cpu, Type.of(partid), hardwareName + " "
                        + arch.controlName()), constant(cpu, partid.of(0))),
                declare(fn(base + "Pmg", cpu, Type.of(pmg), hardwareName + " "
                        + arch.monitorName()), constant(cpu, pmg.of(0))));
    }

    private static Variable fn(String name, Sort domain, Type range, String description) {
        return new Variable(name, new Type.FnOf(domain, range), description);
    }

    private static Value constant(Sort domain, Value v) {
        return Value.FnVal.constant(domain, v);
    }

    private StateVar declare(Variable v, Value initial) {
        init.put(v, initial);
        return new StateVar(v);
    }

    /**
     * Declares a variant's own variable (from {@link KernelModePolicy#declare}); later calls
     * with the same declaration return the same handle.
     */
    public StateVar declare(VarDecl d) {
        return declared.computeIfAbsent(d, k -> {
            StateVar v = declare(new Variable(d.name(), d.type().apply(this), d.description()),
                    d.initial().apply(this));
            policyVariables.add(v);
            return v;
        });
    }

    /** Declares a sort of the variant's own (the values of a new file, say); once each. */
    public void declare(Sort sort) {
        if (!policySorts.contains(sort)) {
            policySorts.add(sort);
        }
    }

    /** The sorts the variant declared, for the spec. */
    public List<Sort> policySorts() {
        return List.copyOf(policySorts);
    }

    /** The handle of a variant's own variable. */
    public StateVar get(VarDecl d) {
        StateVar v = declared.get(d);
        if (v == null) {
            throw new IllegalStateException("variable " + d.name() + " was not declared by "
                    + policy.id() + " (declare it in KernelModePolicy.declare)");
        }
        return v;
    }

    /**
     * Declares that rdtgroup_mutex is held while {@code held} is true: a variant's write that
     * spans several steps keeps every other resctrl operation out meanwhile.
     */
    public void holdMutexWhile(Expr held) {
        mutexHeld.add(held);
    }

    /** Every variable with its value after mount, in declaration order. */
    public Map<Variable, Value> initialValues() {
        return java.util.Collections.unmodifiableMap(init);
    }

    /** The variant's own variables, for the narrator's tables. */
    public List<StateVar> policyVariables() {
        return List.copyOf(policyVariables);
    }

    public Expr partid(int i) {
        return lit(partid.of(i));
    }

    public Expr pmg(int i) {
        return lit(pmg.of(i));
    }

    public Value value(GroupStatus st) {
        return status.value(st.specName());
    }

    public Expr status(GroupStatus st) {
        return lit(value(st));
    }

    public Value value(CpuContext c) {
        return context.value(c.specName());
    }

    public Expr context(CpuContext c) {
        return lit(value(c));
    }

    public Expr noTask() {
        return lit(taskOrNone.none());
    }

    /** The kernel register; only variants that have one may ask. */
    public Register kernelRegister() {
        return kernelRegister.orElseThrow(() -> new IllegalStateException(policy.id()
                + " has no kernel register (hasKernelRegister() is false)"));
    }

    /** The arch's per-CPU default of {@code c}. */
    public Label cpuDefault(Expr c) {
        return new Label(cpuDefaultPartid.at(c), cpuDefaultPmg.at(c));
    }

    /** The label of the group whose cpus file holds {@code c} (resctrl's view). */
    public Label cpuGroup(Expr c) {
        return new Label(cpuGroupPartid.at(c), cpuGroupPmg.at(c));
    }

    /** {@code c} is online and in control group {@code p}'s cpu_mask (or one of its children's). */
    public Expr inCpuMask(Expr c, Expr p) {
        return and(isOnline(c), eq(cpuGroupPartid.at(c), p));
    }

    public Label taskLabel(Expr t) {
        return new Label(taskPartid.at(t), taskPmg.at(t));
    }

    /** A control group's own label: its id and the monitor id of its own monitoring. */
    public Label ctrlLabel(Expr p) {
        return new Label(p, ctrlPmg.at(p));
    }

    public Label defaultLabel() {
        return new Label(partid(0), pmg(0));
    }

    /**
     * The label resctrl assigns {@code t} on {@code c}: what its files say, by the architecture's
     * rule, with the CPU's group from resctrl's own cpu_mask. This is what the properties hold
     * the hardware to.
     */
    public Label assigned(Expr t, Expr c) {
        return arch.resolve(this, taskLabel(t), cpuGroup(c));
    }

    /**
     * The label the context switch loads for {@code t} on {@code c}: the same rule, with the
     * arch's per-CPU default (resctrl_arch_sched_in reads nothing else).
     */
    public Label loaded(Expr t, Expr c) {
        return arch.resolve(this, taskLabel(t), cpuDefault(c));
    }

    public Expr runs(Expr c, Expr t) {
        return eq(running.at(c), some(taskOrNone, t));
    }

    /** {@code b} with the guard that {@code t} is no kernel thread, when the scope has any. */
    public Action.Builder unlessKernelThread(Action.Builder b, Expr t, String cite) {
        return kernelThreads.map(k -> b.when(not(in(t, k.ref())), cite)).orElse(b);
    }

    /** {@code t} is in {@code set} or a kernel thread (just the first without kernel threads). */
    public Expr inOrKernelThread(Expr t, Expr set) {
        return kernelThreads.map(k -> or(in(t, set), in(t, k.ref()))).orElse(in(t, set));
    }

    public Expr idle(Expr c) {
        return eq(running.at(c), noTask());
    }

    public Expr isOnline(Expr c) {
        return in(c, online.ref());
    }

    public Expr is(StateVar slots, Expr slot, GroupStatus st) {
        return eq(slots.at(slot), status(st));
    }

    public Expr isLive(StateVar slots, Expr slot) {
        return is(slots, slot, GroupStatus.LIVE);
    }

    /** The slot holds ids: it is live or dying. */
    public Expr isAllocated(StateVar slots, Expr slot) {
        return neq(slots.at(slot), status(GroupStatus.FREE));
    }

    public Expr inContext(Expr c, CpuContext... contexts) {
        List<Expr> alts = new ArrayList<>();
        for (CpuContext n : contexts) {
            alts.add(eq(cpuContext.at(c), context(n)));
        }
        return or(alts);
    }

    public Expr inIrq(Expr c) {
        return inContext(c, CpuContext.IRQ_FROM_USER, CpuContext.IRQ_FROM_KERNEL);
    }

    /**
     * The label the hardware applies on {@code c} now, by its context. A guest's user space runs
     * with MPAM0_EL1; its kernel with the guest MPAM1_EL1 on VHE and, on nVHE, with the host's
     * MPAM1_EL1 (the glue relies on MPAM0_EL1 and MPAM1_EL1 being programmed the same).
     */
    public Label effective(Expr c) {
        Label user = userRegister.on(c);
        Label kernel = policy.kernelLabel(this, c);
        if (scope.guests() == 0) {
            Expr inUser = inContext(c, CpuContext.USER);
            return new Label(org.mpamcheck.spec.Exprs.ite(inUser, user.partid(), kernel.partid()),
                    org.mpamcheck.spec.Exprs.ite(inUser, user.pmg(), kernel.pmg()));
        }
        Label guest = guestRegister.map(r -> r.on(c)).orElse(kernel);
        Expr inUser = inContext(c, CpuContext.USER, CpuContext.GUEST_USER);
        Expr inGuestKernel = inContext(c, CpuContext.GUEST_KERNEL);
        return new Label(org.mpamcheck.spec.Exprs.ite(inUser, user.partid(),
                org.mpamcheck.spec.Exprs.ite(inGuestKernel, guest.partid(), kernel.partid())),
                org.mpamcheck.spec.Exprs.ite(inUser, user.pmg(),
                        org.mpamcheck.spec.Exprs.ite(inGuestKernel, guest.pmg(), kernel.pmg())));
    }

    /**
     * rdtgroup_mutex is free: no rmdir is waiting for its IPIs, no tasks, cpus or rmdir write is
     * waiting for its synchronous IPI (update_closid_rmid, smp_call_function_single with wait=1,
     * all under the mutex), and no variant step holds it. Every resctrl file operation and CPU
     * hotplug (cpus_read_lock, then the mutex in rdtgroup_kn_lock_live) waits for it.
     */
    public Expr mutexFree() {
        Param p = new Param("pm", partid);
        List<Expr> parts = new ArrayList<>();
        parts.add(isEmpty(ipiPending.ref()));
        parts.add(isEmpty(uncheckedMoves.ref()));
        parts.add(forall(p, not(is(ctrlState, ref(p), GroupStatus.DYING))));
        monitors.ifPresent(mg -> {
            Param m = new Param("mm", mg.sort());
            parts.add(forall(m, not(is(mg.state(), ref(m), GroupStatus.DYING))));
        });
        mutexHeld.forEach(held -> parts.add(not(held)));
        return and(parts);
    }

    /** The row of {@code limbo} a monitor id of control id {@code p} lives in (rmid_idx). */
    public Expr rmidIndex(Expr p) {
        return arch.monitorsScopedByControl() ? p : partid(0);
    }

    /**
     * Whether monitor id {@code x} in the rmid index row {@code row} belongs to an allocated (live
     * or dying) group; the default group's (0, 0) is always in use (dom_data_init).
     */
    public Expr monitorIdInUse(Expr row, Expr x) {
        Param q = new Param("qu", partid);
        Expr byCtrl = exists(q, and(isAllocated(ctrlState, ref(q)), eq(rmidIndex(ref(q)), row),
                eq(ctrlPmg.at(ref(q)), x)));
        return monitors.map(mg -> {
            Param m = new Param("mu", mg.sort());
            return or(byCtrl, exists(m, and(isAllocated(mg.state(), ref(m)),
                    eq(rmidIndex(mg.partid().at(ref(m))), row), eq(mg.pmg().at(ref(m)), x))));
        }).orElse(byCtrl);
    }

    /**
     * Monitor id {@code x} can be allocated under control id {@code p} (resctrl_find_free_rmid:
     * an entry on rmid_free_lru whose index is idx(p, x)).
     */
    public Expr monitorIdFree(Expr p, Expr x) {
        Expr row = rmidIndex(p);
        return rmidFreeLru.map(f -> in(x, f.at(row)))
                .orElseGet(() -> and(not(monitorIdInUse(row, x)), not(in(x, limbo.at(row)))));
    }

    /** Some monitor id under {@code p} is free (else mkdir fails: -EBUSY or -ENOSPC). */
    public Expr someMonitorIdFree(Expr p) {
        Param x = new Param("xf", pmg);
        return exists(x, monitorIdFree(p, ref(x)));
    }

    /**
     * resctrl_find_free_rmid's -EBUSY: the free list is empty (no id of any control id is free)
     * and some id waits in limbo (rmid_limbo_count). Otherwise a failed allocation is -ENOSPC,
     * even on MPAM when ids of this PARTID are in limbo but other PARTIDs' are free.
     */
    public Expr monitorIdsOnlyInLimbo() {
        Param q = new Param("qb", partid);
        return and(not(exists(q, someMonitorIdFree(ref(q)))),
                exists(q, not(isEmpty(limbo.at(ref(q))))));
    }

    /** The CPUs that run a task satisfying {@code which} (rdt_move_group_tasks' tmpmask). */
    public Expr cpusRunning(Function<Expr, Expr> which) {
        Param c = new Param("cr", cpu);
        Param t = new Param("tr", task);
        return filter(c, exists(t, and(runs(ref(c), ref(t)), which.apply(ref(t)))));
    }

    /** The CPUs that satisfy {@code which}. */
    public Expr cpusWhere(Function<Expr, Expr> which) {
        Param c = new Param("cw", cpu);
        return filter(c, which.apply(ref(c)));
    }
}
