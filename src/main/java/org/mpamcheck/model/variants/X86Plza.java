package org.mpamcheck.model.variants;

import static org.mpamcheck.spec.Exprs.FALSE;
import static org.mpamcheck.spec.Exprs.TRUE;
import static org.mpamcheck.spec.Exprs.and;
import static org.mpamcheck.spec.Exprs.diff;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.exists;
import static org.mpamcheck.spec.Exprs.fn;
import static org.mpamcheck.spec.Exprs.forall;
import static org.mpamcheck.spec.Exprs.implies;
import static org.mpamcheck.spec.Exprs.in;
import static org.mpamcheck.spec.Exprs.isEmpty;
import static org.mpamcheck.spec.Exprs.ite;
import static org.mpamcheck.spec.Exprs.not;
import static org.mpamcheck.spec.Exprs.notIn;
import static org.mpamcheck.spec.Exprs.or;
import static org.mpamcheck.spec.Exprs.ref;
import static org.mpamcheck.spec.Exprs.setOf;
import static org.mpamcheck.spec.Exprs.union;

import java.util.List;
import org.mpamcheck.model.Architecture;
import org.mpamcheck.model.Claim;
import org.mpamcheck.model.CoreSteps;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.Label;
import org.mpamcheck.model.MonitorGroups;
import org.mpamcheck.model.Narration;
import org.mpamcheck.model.Register;
import org.mpamcheck.model.ResctrlState;
import org.mpamcheck.model.StateVar;
import org.mpamcheck.model.Step;
import org.mpamcheck.model.StepCatalog;
import org.mpamcheck.model.StepId;
import org.mpamcheck.model.VarDecl;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Value;

/**
 * AMD PLZA as in Babu Moger's v4 series (kernel-facts §3.2; RESEND v4, 2026-07-07):
 * {@code info/kernel_mode} binds one control group (the default allowed); PLZA_ASSOC carries its
 * CLOSID, and its RMID when the mode assigns monitoring (RMID_EN), on the CPUs of kmode_cpu_mask,
 * written synchronously by on_each_cpu_mask, which calls online CPUs only (v4 05/15
 * resctrl_arch_configure_kmode); {@code kmode_cpus} sets PLZA_EN per CPU. CPL 0 on an enabled CPU
 * uses PLZA_ASSOC. A new binding starts with every online CPU (v4 13/15 rdtgroup_config_kmode).
 * {@link Config} fixes what the administrator does with {@code info/kernel_mode}, so the matrix
 * shows each configuration apart.
 */
public class X86Plza implements KernelModePolicy {

    /** What the administrator does with info/kernel_mode. */
    public enum Config {
        /** Any kernel_mode and kmode_cpus writes, any time: the v4 interface whole. */
        DYNAMIC("", "info/kernel_mode and kmode_cpus written at will", false, false),
        /** global_assign_ctrl_inherit_mon_per_cpu:group=// written at mount, never changed. */
        BOUND_INHERIT_MON("/bound-inherit-mon", "bound for good to the default group, "
                + "monitoring inherited from the task (RMID_EN=0)", true, false),
        /** global_assign_ctrl_assign_mon_per_cpu:group=// written at mount, never changed. */
        BOUND_ASSIGN_MON("/bound-assign-mon", "bound for good to the default group, "
                + "monitoring assigned to it (RMID_EN=1)", true, true),
        /** inherit_ctrl_and_mon, never changed: PLZA present but unused. */
        UNBOUND("/unbound", "never bound (inherit_ctrl_and_mon): PQR_ASSOC at every level",
                false, false);

        final String suffix;
        final String text;
        final boolean boundAtMount;
        final boolean assignMonAtMount;

        Config(String suffix, String text, boolean boundAtMount, boolean assignMonAtMount) {
            this.suffix = suffix;
            this.text = text;
            this.boundAtMount = boundAtMount;
            this.assignMonAtMount = assignMonAtMount;
        }
    }

    public static final VarDecl BOUND = new VarDecl("kmodeBound", s -> Type.BOOL,
            "info/kernel_mode binds a group (FALSE: group=uninitialized)",
            s -> Value.bool(config(s).boundAtMount));
    public static final VarDecl CLOSID = new VarDecl("kmodeClosid", s -> Type.of(s.partid),
            "the bound group's CLOSID", s -> s.partid.of(0));
    public static final VarDecl RMID = new VarDecl("kmodeRmid", s -> Type.of(s.pmg),
            "the bound group's RMID", s -> s.pmg.of(0));
    public static final VarDecl ASSIGN_MON = new VarDecl("kmodeAssignMon", s -> Type.BOOL,
            "the mode assigns monitoring too (RMID_EN)",
            s -> Value.bool(config(s).assignMonAtMount));
    public static final VarDecl ENABLED = new VarDecl("plzaEnabled", s -> new Type.SetOf(s.cpu),
            "the CPUs with PLZA_EN set (kmode_cpus while bound; an offline CPU keeps its bit)",
            s -> config(s).boundAtMount ? new Value.SetVal(s.cpu, (1L << s.cpu.size()) - 1)
                    : Value.emptySet(s.cpu));

    public static final StepId BIND = StepId.of("KmodeBind");
    public static final StepId UNBIND = StepId.of("KmodeUnbind");
    public static final StepId BIND_MON = StepId.of("KmodeBindMon");
    public static final StepId KMODE_CPUS_ADD = StepId.of("KmodeCpusAdd");
    public static final StepId KMODE_CPUS_DROP = StepId.of("KmodeCpusDrop");

    /** The binding, the registers and PLZA_EN move together (resctrl_arch_configure_kmode). */
    private static final Claim BINDING_LIVE = Claim.lemma("kmode-binding-live", "A bound group "
            + "is live and PLZA_ASSOC carries its ids on every online CPU.", s -> {
                Param c = new Param("c", s.cpu);
                Expr closid = s.get(CLOSID).ref();
                Expr rmid = s.get(RMID).ref();
                Expr ownRmid = eq(rmid, s.ctrlPmg.at(closid));
                Expr groupRmid = s.monitors.map(mg -> {
                    Param m = new Param("m", mg.sort());
                    return or(ownRmid, exists(m, and(s.isLive(mg.state(), ref(m)),
                            mg.label(ref(m)).sameAs(new Label(closid, rmid)))));
                }).orElse(ownRmid);
                return implies(s.get(BOUND).ref(), and(s.isLive(s.ctrlState, closid),
                        groupRmid, forall(c, implies(s.isOnline(ref(c)),
                                s.kernelRegister().on(ref(c)).sameAs(new Label(closid, rmid))))));
            });
    /**
     * v4 leaves PLZA_EN set on a CPU that was offline when the binding went (the unbind IPI
     * skips it, and an online CPU joins only a live binding), so only the fields are clean.
     */
    private static final Claim UNBOUND_CLEAN = Claim.lemma("kmode-unbound-clean", "Without a "
            + "binding the binding's fields are reset.",
            s -> implies(not(s.get(BOUND).ref()), and(
                    eq(s.get(CLOSID).ref(), s.partid(0)), eq(s.get(RMID).ref(), s.pmg(0)),
                    not(s.get(ASSIGN_MON).ref()))));

    /** v4 13/15: "inherit_mon only a CTRL_MON group"; bindMon sets assign_mon. */
    private static final Claim INHERIT_BINDS_CTRL = Claim.lemma("kmode-inherit-binds-ctrl",
            "Only assign_mon binds a MON group: an inherit_mon binding carries the bound control "
                    + "group's own RMID.", s -> implies(and(s.get(BOUND).ref(),
                            not(s.get(ASSIGN_MON).ref())),
                    eq(s.get(RMID).ref(), s.ctrlPmg.at(s.get(CLOSID).ref()))));

    private final Config config;

    /** The v4 interface whole ({@link Config#DYNAMIC}). */
    public X86Plza() {
        this(Config.DYNAMIC);
    }

    public X86Plza(Config config) {
        this.config = config;
    }

    public Config config() {
        return config;
    }

    /** The configuration of the model's policy ({@link Config#DYNAMIC} for another policy). */
    private static Config config(ResctrlState s) {
        return s.policy instanceof X86Plza p ? p.config : Config.DYNAMIC;
    }

    @Override
    public String id() {
        return "x86-plza" + config.suffix;
    }

    @Override
    public String description() {
        return "AMD PLZA (v4): info/kernel_mode binds one group; CPL 0 on kmode_cpus uses its "
                + "CLOSID; " + config.text + ".";
    }

    @Override
    public Architecture architecture() {
        return Architecture.X86;
    }

    @Override
    public boolean hasKernelRegister() {
        return true;
    }

    @Override
    public void declare(ResctrlState s) {
        List.of(BOUND, CLOSID, RMID, ASSIGN_MON, ENABLED).forEach(s::declare);
    }

    /** CPL 0 with PLZA_EN uses PLZA_ASSOC's CLOSID, and its RMID only when RMID_EN is set. */
    @Override
    public Label kernelLabel(ResctrlState s, Expr cpu) {
        Expr enabled = in(cpu, s.get(ENABLED).ref());
        Label pqr = s.userRegister.on(cpu);
        Label plza = s.kernelRegister().on(cpu);
        return new Label(ite(enabled, plza.partid(), pqr.partid()),
                ite(and(enabled, s.get(ASSIGN_MON).ref()), plza.pmg(), pqr.pmg()));
    }

    /** The bound group; without a binding, the default group's CLOSID 0, as everywhere. */
    @Override
    public Expr designatedKernelGroup(ResctrlState s, Expr partid) {
        return eq(partid, ite(s.get(BOUND).ref(), s.get(CLOSID).ref(), s.partid(0)));
    }

    @Override
    public void steps(StepCatalog steps, ResctrlState s) {
        if (steps.has(CoreSteps.CPU_OFFLINE)) {
            steps.wrap(CoreSteps.CPU_OFFLINE, X86Plza::offlineKeepsPlza);
        }
        if (steps.has(CoreSteps.CPU_ONLINE)) {
            steps.wrap(CoreSteps.CPU_ONLINE, X86Plza::onlineJoins);
        }
        if (config != Config.DYNAMIC) {
            return;
        }
        steps.add(new Step(BIND, "echo global_assign_ctrl_{inherit|assign}_mon_per_cpu:group=G// "
                + "> info/kernel_mode", "PLZA v4: resctrl_kernel_mode_write, "
                + "resctrl_arch_configure_kmode", X86Plza::bind, v -> "echo global_assign_ctrl_"
                        + (v.arg(1).equals(Value.bool(true)) ? "assign" : "inherit")
                        + "_mon_per_cpu:group=" + Narration.groupPath(v.arg(0))
                        + " > /sys/fs/resctrl/info/kernel_mode"));
        s.monitors.ifPresent(mg -> {
            steps.add(new Step(BIND_MON, "echo global_assign_ctrl_assign_mon_per_cpu:group=G/M/ "
                    + "> info/kernel_mode (a MON group: assign_mon only)", "PLZA v4 13/15: "
                    + "resctrl_kernel_mode_write", (st, step) -> bindMon(st, step, mg),
                    v -> "echo global_assign_ctrl_assign_mon_per_cpu:group=<parent>/"
                            + v.arg(0) + "/ > /sys/fs/resctrl/info/kernel_mode"));
            steps.wrap(CoreSteps.RMDIR_MON, (st, a) -> rmdirMonResetsBinding(st, a, mg));
        });
        steps.add(new Step(UNBIND, "echo inherit_ctrl_and_mon > info/kernel_mode",
                "PLZA v4: resctrl_kernel_mode_write", X86Plza::unbind,
                v -> "echo inherit_ctrl_and_mon > /sys/fs/resctrl/info/kernel_mode"));
        steps.add(new Step(KMODE_CPUS_ADD, "echo CPUS > kmode_cpus of the bound group, adding "
                + "one CPU", "PLZA v4: kmode_cpus write", X86Plza::kmodeCpusAdd,
                v -> "echo +" + Narration.cpuNumber(v.arg(0))
                        + " > kmode_cpus_list of the bound group"));
        steps.add(new Step(KMODE_CPUS_DROP, "echo CPUS > kmode_cpus of the bound group, leaving "
                + "one CPU out", "PLZA v4: kmode_cpus write", X86Plza::kmodeCpusDrop,
                v -> "echo -" + Narration.cpuNumber(v.arg(0))
                        + " > kmode_cpus_list of the bound group"));
        steps.wrap(CoreSteps.RMDIR_CTRL, X86Plza::rmdirResetsBinding);
    }

    private static Action bind(ResctrlState s, Step step) {
        Param p = new Param("p", s.partid);
        Param assign = new Param("assignMon", Sort.BOOL);
        Param c = new Param("c", s.cpu);
        StateVar bound = s.get(BOUND);
        StateVar closid = s.get(CLOSID);
        StateVar assignMon = s.get(ASSIGN_MON);
        Register plza = s.kernelRegister();
        return step.underMutex(s, "a resctrl file write takes rdtgroup_mutex")
                .param(p).param(assign)
                .when(s.isLive(s.ctrlState, ref(p)), "a CTRL_MON group, the default allowed")
                .when(not(and(bound.ref(), eq(closid.ref(), ref(p)),
                        eq(assignMon.ref(), ref(assign)))), "a change")
                .set(bound.becomes(TRUE, "the binding"))
                .set(closid.becomes(ref(p), "the bound group's CLOSID"))
                .set(s.get(RMID).becomes(s.ctrlPmg.at(ref(p)), "the bound group's RMID"))
                .set(assignMon.becomes(ref(assign), "rmid_en = assign_mon"))
                .set(plza.partid().becomes(fn(c, ite(s.isOnline(ref(c)), ref(p),
                                plza.partid().at(ref(c)))),
                        "resctrl_arch_configure_kmode: on_each_cpu_mask calls online CPUs"))
                .set(plza.pmg().becomes(fn(c, ite(s.isOnline(ref(c)), s.ctrlPmg.at(ref(p)),
                                plza.pmg().at(ref(c)))), "resctrl_arch_configure_kmode"))
                .set(s.get(ENABLED).becomes(union(s.online.ref(), s.get(ENABLED).ref()),
                        "kmode_cpu_mask starts as all online; an offline CPU keeps the bit "
                                + "it had"))
                .build();
    }

    /**
     * Binding a MON group: the CLOSID is its parent's, the RMID its own, and only assign_mon may
     * name one (v4 13/15: "inherit_mon only a CTRL_MON group").
     */
    private static Action bindMon(ResctrlState s, Step step, MonitorGroups mg) {
        Param m = new Param("m", mg.sort());
        Param c = new Param("c", s.cpu);
        Label group = mg.label(ref(m));
        Register plza = s.kernelRegister();
        StateVar bound = s.get(BOUND);
        return step.underMutex(s, "a resctrl file write takes rdtgroup_mutex")
                .param(m)
                .when(s.isLive(mg.state(), ref(m)), "a live MON group")
                .when(not(and(bound.ref(), s.get(ASSIGN_MON).ref(),
                        new Label(s.get(CLOSID).ref(), s.get(RMID).ref()).sameAs(group))),
                        "a change")
                .set(bound.becomes(TRUE, "the binding"))
                .set(s.get(CLOSID).becomes(group.partid(), "the parent's CLOSID"))
                .set(s.get(RMID).becomes(group.pmg(), "the MON group's own RMID"))
                .set(s.get(ASSIGN_MON).becomes(TRUE, "rmid_en = assign_mon"))
                .set(plza.partid().becomes(fn(c, ite(s.isOnline(ref(c)), group.partid(),
                                plza.partid().at(ref(c)))),
                        "resctrl_arch_configure_kmode: on_each_cpu_mask calls online CPUs"))
                .set(plza.pmg().becomes(fn(c, ite(s.isOnline(ref(c)), group.pmg(),
                                plza.pmg().at(ref(c)))), "resctrl_arch_configure_kmode"))
                .set(s.get(ENABLED).becomes(union(s.online.ref(), s.get(ENABLED).ref()),
                        "kmode_cpu_mask starts as all online"))
                .build();
    }

    /** rdtgroup_kmode_detach, first in rdtgroup_rmdir_mon (v4 10/15), for the bound group. */
    private static Action rmdirMonResetsBinding(ResctrlState s, Action rmdir, MonitorGroups mg) {
        Expr m = ref(rmdir.params().get(0));
        Expr boundHere = and(s.get(BOUND).ref(), s.get(ASSIGN_MON).ref(),
                new Label(s.get(CLOSID).ref(), s.get(RMID).ref()).sameAs(mg.label(m)));
        return detachWhen(s, rmdir, boundHere);
    }

    private static Action unbind(ResctrlState s, Step step) {
        return step.underMutex(s, "a resctrl file write takes rdtgroup_mutex")
                .when(s.get(BOUND).ref(), "a group is bound")
                .set(s.get(BOUND).becomes(FALSE, "group=uninitialized"))
                .set(s.get(ENABLED).becomes(offlineOnly(s, s.get(ENABLED).ref()),
                        "rdtgroup_config_kmode_reset: the disable IPI skips offline CPUs "
                                + "(v4, acknowledged in review of RESEND v4 11/15)"))
                .set(s.get(CLOSID).becomes(s.partid(0), "no group is bound"))
                .set(s.get(RMID).becomes(s.pmg(0), "no group is bound"))
                .set(s.get(ASSIGN_MON).becomes(FALSE, "no group is bound"))
                .build();
    }

    private static Action kmodeCpusAdd(ResctrlState s, Step step) {
        Param c = new Param("c", s.cpu);
        StateVar enabled = s.get(ENABLED);
        return step.underMutex(s, "a resctrl file write takes rdtgroup_mutex")
                .param(c)
                .refuse("EINVAL", not(s.isOnline(ref(c))), "offline CPUs are rejected")
                .when(s.get(BOUND).ref(), "kmode_cpus is visible only in the bound group")
                .when(notIn(ref(c), enabled.ref()), "a change")
                .set(enabled.becomes(union(enabled.ref(), setOf(s.cpu, ref(c))),
                        "PLZA_EN=1 by read-modify-write on that CPU"))
                .build();
    }

    private static Action kmodeCpusDrop(ResctrlState s, Step step) {
        Param c = new Param("c", s.cpu);
        StateVar enabled = s.get(ENABLED);
        return step.underMutex(s, "a resctrl file write takes rdtgroup_mutex")
                .param(c)
                .when(s.get(BOUND).ref(), "kmode_cpus is visible only in the bound group")
                .when(s.isOnline(ref(c)), "an online CPU (an offline one would leave the mask "
                        + "but keep PLZA_EN; not modelled)")
                .when(in(ref(c), enabled.ref()), "a change")
                .set(enabled.becomes(diff(enabled.ref(), setOf(s.cpu, ref(c))),
                        "PLZA_EN=0 on that CPU"))
                .build();
    }

    /**
     * Removing the bound group resets the binding (v4 10/15). A bound MON group of the removed
     * group goes too: v4 detaches it in free_all_child_rdtgrp, after closid_free but inside the
     * same rdtgroup_mutex section, so one step here (no mkdir can take the CLOSID meanwhile).
     */
    private static Action rmdirResetsBinding(ResctrlState s, Action rmdir) {
        Expr partid = ref(rmdir.params().get(0));
        return detachWhen(s, rmdir, and(s.get(BOUND).ref(), eq(s.get(CLOSID).ref(), partid)));
    }

    /** rdtgroup_kmode_detach when {@code boundHere}: the disable IPI skips offline CPUs. */
    private static Action detachWhen(ResctrlState s, Action rmdir, Expr boundHere) {
        StateVar bound = s.get(BOUND);
        StateVar enabled = s.get(ENABLED);
        StateVar closid = s.get(CLOSID);
        StateVar rmid = s.get(RMID);
        StateVar assignMon = s.get(ASSIGN_MON);
        return rmdir.toBuilder()
                .set(bound.becomes(and(bound.ref(), not(boundHere)),
                        "removing the bound group resets the binding"))
                .set(enabled.becomes(ite(boundHere, offlineOnly(s, enabled.ref()),
                                enabled.ref()), "rdtgroup_kmode_detach, first in rmdir (v4 "
                                + "10/15): the disable IPI skips offline CPUs"))
                .set(closid.becomes(ite(boundHere, s.partid(0), closid.ref()), "no group is bound"))
                .set(rmid.becomes(ite(boundHere, s.pmg(0), rmid.ref()), "no group is bound"))
                .set(assignMon.becomes(and(assignMon.ref(), not(boundHere)), "no group is bound"))
                .build();
    }

    /**
     * clear_closid_rmid resets PQR_ASSOC only: v4 leaves MSR_IA32_PQR_PLZA_ASSOC and PLZA_EN as
     * they were on a CPU going offline (resctrl_offline_cpu is unchanged by the series).
     */
    private static Action offlineKeepsPlza(ResctrlState s, Action offline) {
        Expr cpu = ref(offline.params().get(0));
        Register plza = s.kernelRegister();
        return offline
                .withUpdate(plza.partid().becomesAt(cpu, plza.partid().at(cpu),
                        "clear_closid_rmid does not touch PQR_PLZA_ASSOC (v4)"))
                .withUpdate(plza.pmg().becomesAt(cpu, plza.pmg().at(cpu),
                        "clear_closid_rmid does not touch PQR_PLZA_ASSOC (v4)"));
    }

    /** The CPUs of {@code cpus} that are offline: what an IPI to {@code cpus} leaves alone. */
    private static Expr offlineOnly(ResctrlState s, Expr cpus) {
        return diff(cpus, s.online.ref());
    }

    /**
     * resctrl_kmode_online_cpu (v4 11/15): with a group bound, a CPU coming online joins
     * kmode_cpu_mask (even if kmode_cpus had left it out) and gets the binding's PLZA_ASSOC;
     * unbound, it returns early: the CPU keeps whatever PLZA_EN and PLZA_ASSOC it had.
     */
    private static Action onlineJoins(ResctrlState s, Action online) {
        Expr cpu = ref(online.params().get(0));
        StateVar enabled = s.get(ENABLED);
        Register plza = s.kernelRegister();
        Expr bound = s.get(BOUND).ref();
        Label binding = new Label(s.get(CLOSID).ref(), s.get(RMID).ref());
        Label old = plza.on(cpu);
        return online
                .withUpdate(plza.partid().becomesAt(cpu, ite(bound, binding.partid(),
                        old.partid()), "resctrl_kmode_online_cpu: configure(cpumask_of(cpu))"))
                .withUpdate(plza.pmg().becomesAt(cpu, ite(bound, binding.pmg(), old.pmg()),
                        "resctrl_kmode_online_cpu"))
                .withUpdate(enabled.becomes(ite(bound,
                        union(enabled.ref(), setOf(s.cpu, cpu)), enabled.ref()),
                        "resctrl_kmode_online_cpu: joins kmode_cpu_mask when bound"));
    }

    @Override
    public List<Claim> lemmas() {
        return config == Config.DYNAMIC ? List.of(BINDING_LIVE, UNBOUND_CLEAN, INHERIT_BINDS_CTRL)
                : List.of(BINDING_LIVE, UNBOUND_CLEAN, fixedAtMount(config));
    }

    /**
     * A configuration written once at mount has no kernel_mode or kmode_cpus step and no rmdir
     * of the bound default group, so what mount set stays: only online writes PLZA_ASSOC (with
     * the binding's ids) and only a binding sets PLZA_EN.
     */
    private static Claim fixedAtMount(Config config) {
        if (!config.boundAtMount) {
            return Claim.lemma("kmode-never-bound", "Nothing is ever bound: PLZA_EN is clear on "
                    + "every CPU.", s -> and(not(s.get(BOUND).ref()),
                            isEmpty(s.get(ENABLED).ref())));
        }
        return Claim.lemma("kmode-bound-at-mount", "The default group stays bound as mounted "
                + "(RMID_EN " + (config.assignMonAtMount ? "set" : "clear") + "), with PLZA_EN "
                + "and the default group's ids in PLZA_ASSOC on every CPU, online or not.", s -> {
                    Param c = new Param("c", s.cpu);
                    Expr assignMon = s.get(ASSIGN_MON).ref();
                    return and(s.get(BOUND).ref(), eq(s.get(CLOSID).ref(), s.partid(0)),
                            eq(s.get(RMID).ref(), s.pmg(0)),
                            config.assignMonAtMount ? assignMon : not(assignMon),
                            forall(c, and(in(ref(c), s.get(ENABLED).ref()),
                                    s.kernelRegister().on(ref(c)).sameAs(s.defaultLabel()))));
                });
    }
}
