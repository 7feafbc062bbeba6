package org.mpamcheck.model;

import static org.mpamcheck.spec.Exprs.and;
import static org.mpamcheck.spec.Exprs.apply;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mpamcheck.spec.EnumSort;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Exprs;
import org.mpamcheck.spec.OptionSort;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.SymmetricSort;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Value;
import org.mpamcheck.spec.Variable;

/**
 * The state of the model (sorts and variables with their values after mount) and the expressions
 * over it that operations, properties and variants share. The kernel keeps no group pointer in a
 * task or CPU, only ids (task_struct closid/rmid, thread_info.mpam_partid_pmg, the per-CPU
 * defaults), so neither does the model: membership is id equality, as in is_closid_match.
 */
public final class ResctrlState {

    public final Scope scope;
    public final Architecture arch;
    public final KernelModePolicy policy;
    public final SymmetricSort cpu;
    public final SymmetricSort task;
    public final SymmetricSort mon;
    public final SymmetricSort lock;
    public final RangeSort partid;
    public final RangeSort pmg;
    public final EnumSort status = EnumSort.of("Status", "free", "live", "dying");
    public final EnumSort context =
            EnumSort.of("Context", "user", "kernel", "irqFromUser", "irqFromKernel");
    public final OptionSort taskOrNone;
    private final Map<String, Variable> variables = new LinkedHashMap<>();
    private final Map<String, Value> init = new LinkedHashMap<>();

    public ResctrlState(KernelModePolicy policy, Scope scope) {
        this.scope = scope;
        this.policy = policy;
        this.arch = policy.architecture();
        cpu = SymmetricSort.of("Cpu", "cpu", scope.cpus());
        task = SymmetricSort.of("Task", "t", scope.tasks());
        mon = scope.monitors() > 0 ? SymmetricSort.of("MonGroup", "m", scope.monitors()) : null;
        lock = scope.locks() > 0 ? SymmetricSort.of("Lock", "lock", scope.locks()) : null;
        partid = new RangeSort(arch.controlSort(), 0, scope.partids() - 1);
        pmg = new RangeSort(arch.monitorSort(), 0, scope.pmgs() - 1);
        taskOrNone = new OptionSort(task);
        declareVariables();
        for (KernelModePolicy.PolicyVariable v : policy.variables(this)) {
            declare(v.variable(), v.initial());
        }
    }

    private void declareVariables() {
        Value live = status.value("live");
        Value free = status.value("free");
        List<Value> groups = new ArrayList<>();
        for (int p = 0; p < partid.size(); p++) {
            groups.add(p == 0 ? live : free);
        }
        declare(fn("ctrlState", partid, Type.of(status),
                "each control group, named by its " + arch.controlName()
                        + ": 0 is the default group (always live)"),
                new Value.FnVal(new Type.FnOf(partid, Type.of(status)), groups));
        declare(fn("ctrlPmg", partid, Type.of(pmg),
                "the " + arch.monitorName() + " of each control group's own monitoring"),
                constant(partid, pmg.of(0)));
        if (mon != null) {
            declare(fn("monState", mon, Type.of(status), "each monitor-group slot"),
                    constant(mon, free));
            declare(fn("monPartid", mon, Type.of(partid),
                    "the parent's " + arch.controlName() + " (rdtgroup_mkdir_mon)"),
                    constant(mon, partid.of(0)));
            declare(fn("monPmg", mon, Type.of(pmg), "the monitor group's own "
                    + arch.monitorName()), constant(mon, pmg.of(0)));
        }
        declare(fn("limbo", partid, new Type.SetOf(pmg), arch.monitorName()
                        + "s freed but still dirty (add_rmid_to_limbo), by rmid index"),
                constant(partid, Value.emptySet(pmg)));
        declare(fn("taskPartid", task, Type.of(partid), "task_struct " + arch.controlName()),
                constant(task, partid.of(0)));
        declare(fn("taskPmg", task, Type.of(pmg), "task_struct " + arch.monitorName()),
                constant(task, pmg.of(0)));
        declare(new Variable("online", new Type.SetOf(cpu), "the online CPUs"),
                new Value.SetVal(cpu, (1L << cpu.size()) - 1));
        declare(fn("running", cpu, Type.of(taskOrNone), "the task each CPU runs (none: idle)"),
                constant(cpu, taskOrNone.none()));
        declare(fn("context", cpu, Type.of(context), "what each CPU executes now"),
                constant(cpu, context.value("user")));
        declare(fn("cpuDefaultPartid", cpu, Type.of(partid),
                "per-CPU default " + arch.controlName() + " from the cpus files"),
                constant(cpu, partid.of(0)));
        declare(fn("cpuDefaultPmg", cpu, Type.of(pmg),
                "per-CPU default " + arch.monitorName() + " from the cpus files"),
                constant(cpu, pmg.of(0)));
        declare(new Variable("ipiPending", new Type.SetOf(cpu),
                "CPUs with an update_closid_rmid IPI decided but not yet delivered"),
                Value.emptySet(cpu));
        String user = registerVariable(arch.userRegister());
        declare(fn(user + "Partid", cpu, Type.of(partid), arch.userRegister() + " "
                + arch.controlName()), constant(cpu, partid.of(0)));
        declare(fn(user + "Pmg", cpu, Type.of(pmg), arch.userRegister() + " "
                + arch.monitorName()), constant(cpu, pmg.of(0)));
        if (policy.hasKernelRegister()) {
            String kernel = registerVariable(arch.kernelRegister());
            declare(fn(kernel + "Partid", cpu, Type.of(partid), arch.kernelRegister() + " "
                    + arch.controlName()), constant(cpu, partid.of(0)));
            declare(fn(kernel + "Pmg", cpu, Type.of(pmg), arch.kernelRegister() + " "
                    + arch.monitorName()), constant(cpu, pmg.of(0)));
        }
        if (lock != null) {
            declare(fn("lockHolder", lock, Type.of(taskOrNone), "the task holding each lock"),
                    constant(lock, taskOrNone.none()));
            declare(fn("lockWaiters", lock, new Type.SetOf(task), "tasks waiting for each lock"),
                    constant(lock, Value.emptySet(task)));
        }
    }

    /** {@code MPAM0_EL1 -> mpam0}, {@code PQR_ASSOC -> pqr}. */
    static String registerVariable(String register) {
        return register.toLowerCase().replace("_el1", "").replace("_assoc", "");
    }

    private static Variable fn(String name, Sort domain, Type range, String description) {
        return new Variable(name, new Type.FnOf(domain, range), description);
    }

    private static Value constant(Sort domain, Value v) {
        return Value.FnVal.constant(domain, v);
    }

    private void declare(Variable v, Value initial) {
        variables.put(v.name(), v);
        init.put(v.name(), initial);
    }

    public List<Variable> variables() {
        return List.copyOf(variables.values());
    }

    public Value initial(Variable v) {
        return init.get(v.name());
    }

    public Variable variable(String name) {
        Variable v = variables.get(name);
        if (v == null) {
            throw new IllegalStateException("the model has no variable " + name);
        }
        return v;
    }

    public boolean has(String name) {
        return variables.containsKey(name);
    }

    public Expr var(String name) {
        return Exprs.var(variable(name));
    }

    public Expr at(String name, Expr arg) {
        return apply(var(name), arg);
    }

    public Expr partid(int i) {
        return lit(partid.of(i));
    }

    public Expr pmg(int i) {
        return lit(pmg.of(i));
    }

    public Expr status(String s) {
        return lit(status.value(s));
    }

    public Expr context(String c) {
        return lit(context.value(c));
    }

    public Expr noTask() {
        return lit(taskOrNone.none());
    }

    /** The label register user mode runs with (MPAM0_EL1, PQR_ASSOC). */
    public Label userRegister(Expr c) {
        String r = registerVariable(arch.userRegister());
        return new Label(at(r + "Partid", c), at(r + "Pmg", c));
    }

    /** The second register (MPAM1_EL1, PLZA_ASSOC); only for variants that have one. */
    public Label kernelRegister(Expr c) {
        String r = registerVariable(arch.kernelRegister());
        return new Label(at(r + "Partid", c), at(r + "Pmg", c));
    }

    public Label cpuDefault(Expr c) {
        return new Label(at("cpuDefaultPartid", c), at("cpuDefaultPmg", c));
    }

    public Label taskLabel(Expr t) {
        return new Label(at("taskPartid", t), at("taskPmg", t));
    }

    /** A control group's own label: its id and the monitor id of its own monitoring. */
    public Label ctrlLabel(Expr p) {
        return new Label(p, at("ctrlPmg", p));
    }

    public Label monLabel(Expr m) {
        return new Label(at("monPartid", m), at("monPmg", m));
    }

    public Label defaultLabel() {
        return new Label(partid(0), pmg(0));
    }

    /** The label resctrl assigns {@code t} on {@code c} (the architecture's rule). */
    public Label assigned(Expr t, Expr c) {
        return arch.assigned(this, t, c);
    }

    public Expr runs(Expr c, Expr t) {
        return eq(at("running", c), some(taskOrNone, t));
    }

    public Expr idle(Expr c) {
        return eq(at("running", c), noTask());
    }

    public Expr isLive(String stateVar, Expr slot) {
        return eq(at(stateVar, slot), status("live"));
    }

    public Expr inContext(Expr c, String... names) {
        List<Expr> alts = new ArrayList<>();
        for (String n : names) {
            alts.add(eq(at("context", c), context(n)));
        }
        return or(alts);
    }

    public Expr inIrq(Expr c) {
        return inContext(c, "irqFromUser", "irqFromKernel");
    }

    /** The label the hardware applies on {@code c} now, by its context. */
    public Label effective(Expr c) {
        Label user = userRegister(c);
        Label kernel = policy.kernelLabel(this, c);
        Expr inUser = inContext(c, "user");
        return new Label(Exprs.ite(inUser, user.partid(), kernel.partid()),
                Exprs.ite(inUser, user.pmg(), kernel.pmg()));
    }

    /**
     * rdtgroup_mutex is free: no rmdir is waiting for its IPIs and no tasks, cpus or rmdir write
     * is waiting for its synchronous IPI (update_closid_rmid, smp_call_function_single with
     * wait=1, all under the mutex). Every resctrl file operation and CPU hotplug (which takes
     * cpus_read_lock before the mutex in rdtgroup_kn_lock_live) waits for it.
     */
    public Expr mutexFree() {
        Param p = new Param("pm", partid);
        List<Expr> parts = new ArrayList<>();
        parts.add(isEmpty(var("ipiPending")));
        parts.add(forall(p, neq(at("ctrlState", ref(p)), status("dying"))));
        if (mon != null) {
            Param m = new Param("mm", mon);
            parts.add(forall(m, neq(at("monState", ref(m)), status("dying"))));
        }
        return and(parts);
    }

    /** The row of {@code limbo} a monitor id of control id {@code p} lives in (rmid_idx). */
    public Expr rmidIndex(Expr p) {
        return arch.monitorsScopedByControl() ? p : partid(0);
    }

    /**
     * Whether monitor id {@code x} in the rmid index row {@code row} belongs to an allocated (live or
     * dying) group; the default group's (0, 0) is always in use (dom_data_init).
     */
    public Expr monitorIdInUse(Expr row, Expr x) {
        Param q = new Param("qu", partid);
        Expr byCtrl = exists(q, and(neq(at("ctrlState", ref(q)), status("free")),
                eq(rmidIndex(ref(q)), row), eq(at("ctrlPmg", ref(q)), x)));
        if (mon == null) {
            return byCtrl;
        }
        Param m = new Param("mu", mon);
        return or(byCtrl, exists(m, and(neq(at("monState", ref(m)), status("free")),
                eq(rmidIndex(at("monPartid", ref(m))), row), eq(at("monPmg", ref(m)), x))));
    }

    /** Monitor id {@code x} can be allocated under control id {@code p} (resctrl_find_free_rmid). */
    public Expr monitorIdFree(Expr p, Expr x) {
        Expr row = rmidIndex(p);
        return and(not(monitorIdInUse(row, x)), not(in(x, at("limbo", row))));
    }

    /** Some monitor id under {@code p} is free (else mkdir fails: -EBUSY or -ENOSPC). */
    public Expr someMonitorIdFree(Expr p) {
        Param x = new Param("xf", pmg);
        return exists(x, monitorIdFree(p, ref(x)));
    }

    /** Some monitor id under {@code p} is neither in use nor free: it waits in limbo. */
    public Expr someMonitorIdInLimbo(Expr p) {
        return not(isEmpty(at("limbo", rmidIndex(p))));
    }

    /** The CPUs that run a task satisfying {@code which} (rdt_move_group_tasks' tmpmask). */
    public Expr cpusRunning(Function<Expr, Expr> which) {
        Param c = new Param("cr", cpu);
        Param t = new Param("tr", task);
        return filter(c, exists(t, and(runs(ref(c), ref(t)), which.apply(ref(t)))));
    }

    /** The CPUs whose default satisfies {@code which}. */
    public Expr cpusWhere(Function<Expr, Expr> which) {
        Param c = new Param("cw", cpu);
        return filter(c, which.apply(ref(c)));
    }
}
