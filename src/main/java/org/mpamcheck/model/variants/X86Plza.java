package org.mpamcheck.model.variants;

import static org.mpamcheck.spec.Exprs.FALSE;
import static org.mpamcheck.spec.Exprs.TRUE;
import static org.mpamcheck.spec.Exprs.and;
import static org.mpamcheck.spec.Exprs.diff;
import static org.mpamcheck.spec.Exprs.empty;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.fn;
import static org.mpamcheck.spec.Exprs.forall;
import static org.mpamcheck.spec.Exprs.implies;
import static org.mpamcheck.spec.Exprs.in;
import static org.mpamcheck.spec.Exprs.isEmpty;
import static org.mpamcheck.spec.Exprs.ite;
import static org.mpamcheck.spec.Exprs.not;
import static org.mpamcheck.spec.Exprs.notIn;
import static org.mpamcheck.spec.Exprs.ref;
import static org.mpamcheck.spec.Exprs.setOf;
import static org.mpamcheck.spec.Exprs.union;

import java.util.List;
import org.mpamcheck.model.Architecture;
import org.mpamcheck.model.Claim;
import org.mpamcheck.model.CoreSteps;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.Label;
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
 * AMD PLZA as in Babu Moger's v4 series (kernel-facts §3.2): {@code info/kernel_mode} binds one
 * control group (the default allowed); PLZA_ASSOC carries its CLOSID, and its RMID when the mode
 * assigns monitoring, identically on all CPUs (written synchronously by on_each_cpu_mask);
 * {@code kmode_cpus} sets PLZA_EN per CPU. CPL 0 on an enabled CPU uses PLZA_ASSOC. Binding
 * enables every online CPU (an assumption: v4's initial kmode_cpu_mask is unverified).
 */
public class X86Plza implements KernelModePolicy {

    public static final VarDecl BOUND = new VarDecl("kmodeBound", s -> Type.BOOL,
            "info/kernel_mode binds a group (FALSE: group=uninitialized)",
            s -> Value.bool(false));
    public static final VarDecl CLOSID = new VarDecl("kmodeClosid", s -> Type.of(s.partid),
            "the bound group's CLOSID", s -> s.partid.of(0));
    public static final VarDecl RMID = new VarDecl("kmodeRmid", s -> Type.of(s.pmg),
            "the bound group's RMID", s -> s.pmg.of(0));
    public static final VarDecl ASSIGN_MON = new VarDecl("kmodeAssignMon", s -> Type.BOOL,
            "the mode assigns monitoring too (RMID_EN)", s -> Value.bool(false));
    public static final VarDecl ENABLED = new VarDecl("plzaEnabled", s -> new Type.SetOf(s.cpu),
            "kmode_cpus: the CPUs with PLZA_EN set", s -> Value.emptySet(s.cpu));

    public static final StepId BIND = StepId.of("KmodeBind");
    public static final StepId UNBIND = StepId.of("KmodeUnbind");
    public static final StepId KMODE_CPUS_ADD = StepId.of("KmodeCpusAdd");
    public static final StepId KMODE_CPUS_DROP = StepId.of("KmodeCpusDrop");

    /** The binding, the registers and PLZA_EN move together (resctrl_arch_configure_kmode). */
    private static final Claim BINDING_LIVE = Claim.lemma("kmode-binding-live", "A bound group "
            + "is live and PLZA_ASSOC carries its ids on every online CPU.", s -> {
                Param c = new Param("c", s.cpu);
                Expr closid = s.get(CLOSID).ref();
                Expr rmid = s.get(RMID).ref();
                return implies(s.get(BOUND).ref(), and(s.isLive(s.ctrlState, closid),
                        eq(rmid, s.ctrlPmg.at(closid)), forall(c, implies(s.isOnline(ref(c)),
                                s.kernelRegister().on(ref(c)).sameAs(new Label(closid, rmid))))));
            });
    private static final Claim UNBOUND_CLEAN = Claim.lemma("kmode-unbound-clean", "Without a "
            + "binding no CPU has PLZA_EN and the binding's fields are reset.",
            s -> implies(not(s.get(BOUND).ref()), and(isEmpty(s.get(ENABLED).ref()),
                    eq(s.get(CLOSID).ref(), s.partid(0)), eq(s.get(RMID).ref(), s.pmg(0)),
                    not(s.get(ASSIGN_MON).ref()))));

    @Override
    public String id() {
        return "x86-plza";
    }

    @Override
    public String description() {
        return "AMD PLZA (v4): info/kernel_mode binds one group; CPL 0 on kmode_cpus uses its "
                + "CLOSID.";
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

    @Override
    public Expr designatedKernelGroup(ResctrlState s, Expr partid) {
        return and(s.get(BOUND).ref(), eq(partid, s.get(CLOSID).ref()));
    }

    @Override
    public void steps(StepCatalog steps, ResctrlState s) {
        steps.add(new Step(BIND, "echo global_assign_ctrl_{inherit|assign}_mon_per_cpu:group=G// "
                + "> info/kernel_mode", "PLZA v4: resctrl_kernel_mode_write, "
                + "resctrl_arch_configure_kmode", X86Plza::bind, v -> "echo global_assign_ctrl_"
                        + (v.arg(1).equals(Value.bool(true)) ? "assign" : "inherit")
                        + "_mon_per_cpu:group=" + Narration.groupPath(v.arg(0))
                        + " > /sys/fs/resctrl/info/kernel_mode"));
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
        if (steps.has(CoreSteps.CPU_ONLINE)) {
            steps.wrap(CoreSteps.CPU_ONLINE, X86Plza::onlineJoins);
        }
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
                .set(plza.partid().becomes(fn(c, ref(p)),
                        "resctrl_arch_configure_kmode: identical on all CPUs"))
                .set(plza.pmg().becomes(fn(c, s.ctrlPmg.at(ref(p))),
                        "resctrl_arch_configure_kmode"))
                .set(s.get(ENABLED).becomes(s.online.ref(), "kmode_cpu_mask starts as all online"))
                .build();
    }

    private static Action unbind(ResctrlState s, Step step) {
        return step.underMutex(s, "a resctrl file write takes rdtgroup_mutex")
                .when(s.get(BOUND).ref(), "a group is bound")
                .set(s.get(BOUND).becomes(FALSE, "group=uninitialized"))
                .set(s.get(ENABLED).becomes(empty(s.cpu), "PLZA_EN cleared on every CPU"))
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
                .when(in(ref(c), enabled.ref()), "a change")
                .set(enabled.becomes(diff(enabled.ref(), setOf(s.cpu, ref(c))),
                        "PLZA_EN=0 on that CPU"))
                .build();
    }

    /** Removing the bound group resets the binding (v4). */
    private static Action rmdirResetsBinding(ResctrlState s, Action rmdir) {
        Expr partid = ref(rmdir.params().get(0));
        StateVar bound = s.get(BOUND);
        StateVar enabled = s.get(ENABLED);
        StateVar closid = s.get(CLOSID);
        StateVar rmid = s.get(RMID);
        StateVar assignMon = s.get(ASSIGN_MON);
        Expr boundHere = and(bound.ref(), eq(closid.ref(), partid));
        return rmdir.toBuilder()
                .set(bound.becomes(and(bound.ref(), not(boundHere)),
                        "removing the bound group resets the binding"))
                .set(enabled.becomes(ite(boundHere, empty(s.cpu), enabled.ref()),
                        "PLZA_EN cleared with the binding"))
                .set(closid.becomes(ite(boundHere, s.partid(0), closid.ref()), "no group is bound"))
                .set(rmid.becomes(ite(boundHere, s.pmg(0), rmid.ref()), "no group is bound"))
                .set(assignMon.becomes(and(assignMon.ref(), not(boundHere)), "no group is bound"))
                .build();
    }

    /**
     * A CPU coming online gets the binding's PLZA_ASSOC (identical on all CPUs) and joins
     * kmode_cpu_mask when a group is bound (v4).
     */
    private static Action onlineJoins(ResctrlState s, Action online) {
        Expr cpu = ref(online.params().get(0));
        StateVar enabled = s.get(ENABLED);
        Register plza = s.kernelRegister();
        Label binding = new Label(s.get(CLOSID).ref(), s.get(RMID).ref());
        return online
                .withUpdate(plza.partid().becomesAt(cpu, binding.partid(), "CPU online"))
                .withUpdate(plza.pmg().becomesAt(cpu, binding.pmg(), "CPU online"))
                .withUpdate(enabled.becomes(ite(s.get(BOUND).ref(),
                        union(enabled.ref(), setOf(s.cpu, cpu)), enabled.ref()),
                        "hotplugged CPUs join kmode_cpu_mask"));
    }

    @Override
    public List<Claim> lemmas() {
        return List.of(BINDING_LIVE, UNBOUND_CLEAN);
    }
}
