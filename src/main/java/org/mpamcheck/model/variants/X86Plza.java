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
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.Label;
import org.mpamcheck.model.Narration;
import org.mpamcheck.model.ResctrlState;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.ActionInstance;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Update;
import org.mpamcheck.spec.Value;
import org.mpamcheck.spec.Variable;

/**
 * AMD PLZA as in Babu Moger's v4 series (kernel-facts §3.2): {@code info/kernel_mode} binds one
 * control group (the default allowed); PLZA_ASSOC carries its CLOSID, and its RMID when the mode
 * assigns monitoring, identically on all CPUs (written synchronously by on_each_cpu_mask);
 * {@code kmode_cpus} sets PLZA_EN per CPU. CPL 0 on an enabled CPU uses PLZA_ASSOC. Binding
 * enables every online CPU (an assumption: v4's initial kmode_cpu_mask is unverified).
 */
public final class X86Plza implements KernelModePolicy {

    private static final String BOUND = "kmodeBound";
    private static final String CLOSID = "kmodeClosid";
    private static final String RMID = "kmodeRmid";
    private static final String ASSIGN_MON = "kmodeAssignMon";
    private static final String ENABLED = "plzaEnabled";

    public String id() {
        return "x86-plza";
    }

    public String description() {
        return "AMD PLZA (v4): info/kernel_mode binds one group; CPL 0 on kmode_cpus uses its "
                + "CLOSID.";
    }

    public Architecture architecture() {
        return Architecture.X86;
    }

    public boolean hasKernelRegister() {
        return true;
    }

    public List<PolicyVariable> variables(ResctrlState s) {
        return List.of(
                new PolicyVariable(new Variable(BOUND, Type.BOOL,
                        "info/kernel_mode binds a group (FALSE: group=uninitialized)"),
                        Value.bool(false)),
                new PolicyVariable(new Variable(CLOSID, Type.of(s.partid),
                        "the bound group's CLOSID"), s.partid.of(0)),
                new PolicyVariable(new Variable(RMID, Type.of(s.pmg), "the bound group's RMID"),
                        s.pmg.of(0)),
                new PolicyVariable(new Variable(ASSIGN_MON, Type.BOOL,
                        "the mode assigns monitoring too (RMID_EN)"), Value.bool(false)),
                new PolicyVariable(new Variable(ENABLED, new Type.SetOf(s.cpu),
                        "kmode_cpus: the CPUs with PLZA_EN set"), Value.emptySet(s.cpu)));
    }

    /** CPL 0 with PLZA_EN uses PLZA_ASSOC's CLOSID, and its RMID only when RMID_EN is set. */
    public Label kernelLabel(ResctrlState s, Expr cpu) {
        Expr enabled = in(cpu, s.var(ENABLED));
        Label pqr = s.userRegister(cpu);
        Label plza = s.kernelRegister(cpu);
        return new Label(ite(enabled, plza.partid(), pqr.partid()),
                ite(and(enabled, s.var(ASSIGN_MON)), plza.pmg(), pqr.pmg()));
    }

    public Expr designatedKernelGroup(ResctrlState s, Expr partid) {
        return and(s.var(BOUND), eq(partid, s.var(CLOSID)));
    }

    public Label kernelRegisterOnOnline(ResctrlState s, Expr cpu) {
        return new Label(s.var(CLOSID), s.var(RMID));
    }

    public List<Action> actions(ResctrlState s) {
        return List.of(bind(s), unbind(s), kmodeCpusAdd(s), kmodeCpusDrop(s));
    }

    private Action bind(ResctrlState s) {
        Param p = new Param("p", s.partid);
        Param assign = new Param("assignMon", Sort.BOOL);
        Param c = new Param("c", s.cpu);
        String plza = "plza";
        return Action.builder("KmodeBind", "echo global_assign_ctrl_{inherit|assign}_mon_per_cpu"
                        + ":group=G// > info/kernel_mode")
                .param(p).param(assign)
                .when(s.mutexFree(), "a resctrl file write takes rdtgroup_mutex")
                .when(s.isLive("ctrlState", ref(p)), "a CTRL_MON group, the default allowed")
                .when(not(and(s.var(BOUND), eq(s.var(CLOSID), ref(p)),
                        eq(s.var(ASSIGN_MON), ref(assign)))), "a change")
                .set(s.variable(BOUND), TRUE, "the binding")
                .set(s.variable(CLOSID), ref(p), "the bound group's CLOSID")
                .set(s.variable(RMID), s.at("ctrlPmg", ref(p)), "the bound group's RMID")
                .set(s.variable(ASSIGN_MON), ref(assign), "rmid_en = assign_mon")
                .set(s.variable(plza + "Partid"), fn(c, ref(p)),
                        "resctrl_arch_configure_kmode: identical on all CPUs")
                .set(s.variable(plza + "Pmg"), fn(c, s.at("ctrlPmg", ref(p))),
                        "resctrl_arch_configure_kmode")
                .set(s.variable(ENABLED), s.var("online"), "kmode_cpu_mask starts as all online")
                .build();
    }

    private Action unbind(ResctrlState s) {
        return Action.builder("KmodeUnbind", "echo inherit_ctrl_and_mon > info/kernel_mode")
                .when(s.mutexFree(), "a resctrl file write takes rdtgroup_mutex")
                .when(s.var(BOUND), "a group is bound")
                .set(s.variable(BOUND), FALSE, "group=uninitialized")
                .set(s.variable(ENABLED), empty(s.cpu), "PLZA_EN cleared on every CPU")
                .set(s.variable(CLOSID), s.partid(0), "no group is bound")
                .set(s.variable(RMID), s.pmg(0), "no group is bound")
                .set(s.variable(ASSIGN_MON), FALSE, "no group is bound")
                .build();
    }

    private Action kmodeCpusAdd(ResctrlState s) {
        Param c = new Param("c", s.cpu);
        return Action.builder("KmodeCpusAdd", "echo CPUS > kmode_cpus of the bound group, "
                        + "adding one CPU")
                .param(c)
                .refuse("EINVAL", notIn(ref(c), s.var("online")), "offline CPUs are rejected")
                .when(s.mutexFree(), "a resctrl file write takes rdtgroup_mutex")
                .when(s.var(BOUND), "kmode_cpus is visible only in the bound group")
                .when(notIn(ref(c), s.var(ENABLED)), "a change")
                .set(s.variable(ENABLED), union(s.var(ENABLED), setOf(s.cpu, ref(c))),
                        "PLZA_EN=1 by read-modify-write on that CPU")
                .build();
    }

    private Action kmodeCpusDrop(ResctrlState s) {
        Param c = new Param("c", s.cpu);
        return Action.builder("KmodeCpusDrop", "echo CPUS > kmode_cpus of the bound group, "
                        + "leaving one CPU out")
                .param(c)
                .when(s.mutexFree(), "a resctrl file write takes rdtgroup_mutex")
                .when(in(ref(c), s.var(ENABLED)), "a change")
                .set(s.variable(ENABLED), diff(s.var(ENABLED), setOf(s.cpu, ref(c))),
                        "PLZA_EN=0 on that CPU")
                .build();
    }

    /** Removing the bound group resets the binding (v4). */
    public List<Update> onRmdirCtrl(ResctrlState s, Expr partid) {
        Expr boundHere = and(s.var(BOUND), eq(s.var(CLOSID), partid));
        return List.of(
                new Update(s.variable(BOUND), and(s.var(BOUND), not(boundHere)),
                        "removing the bound group resets the binding"),
                new Update(s.variable(ENABLED), ite(boundHere, empty(s.cpu), s.var(ENABLED)),
                        "PLZA_EN cleared with the binding"),
                new Update(s.variable(CLOSID), ite(boundHere, s.partid(0), s.var(CLOSID)),
                        "no group is bound"),
                new Update(s.variable(RMID), ite(boundHere, s.pmg(0), s.var(RMID)),
                        "no group is bound"),
                new Update(s.variable(ASSIGN_MON), and(s.var(ASSIGN_MON), not(boundHere)),
                        "no group is bound"));
    }

    /** Hotplugged CPUs join kmode_cpu_mask (v4). */
    public List<Update> onCpuOnline(ResctrlState s, Expr cpu) {
        return List.of(new Update(s.variable(ENABLED), ite(s.var(BOUND),
                union(s.var(ENABLED), setOf(s.cpu, cpu)), s.var(ENABLED)),
                "hotplugged CPUs join kmode_cpu_mask"));
    }

    public String narrate(ActionInstance step, Architecture arch) {
        switch (step.action()) {
            case "KmodeBind":
                boolean assign = step.args().get(1).toString().equals("TRUE");
                return "echo global_assign_ctrl_" + (assign ? "assign" : "inherit")
                        + "_mon_per_cpu:group=" + Narration.groupPath(step.args().get(0))
                        + " > /sys/fs/resctrl/info/kernel_mode";
            case "KmodeUnbind":
                return "echo inherit_ctrl_and_mon > /sys/fs/resctrl/info/kernel_mode";
            case "KmodeCpusAdd":
                return "echo +" + Narration.cpuNumber(step.args().get(0))
                        + " > kmode_cpus_list of the bound group";
            default:
                return "echo -" + Narration.cpuNumber(step.args().get(0))
                        + " > kmode_cpus_list of the bound group";
        }
    }

    /** The binding, the registers and PLZA_EN move together (resctrl_arch_configure_kmode). */
    public List<org.mpamcheck.spec.Invariant> lemmas(ResctrlState s) {
        Param c = new Param("c", s.cpu);
        Expr bound = s.var(BOUND);
        return List.of(lemma("kmode-binding-live", "A bound group is live and PLZA_ASSOC "
                        + "carries its ids on every online CPU.", implies(bound, and(
                                s.isLive("ctrlState", s.var(CLOSID)),
                                eq(s.var(RMID), s.at("ctrlPmg", s.var(CLOSID))),
                                forall(c, implies(in(ref(c), s.var("online")),
                                        s.kernelRegister(ref(c)).sameAs(new Label(s.var(CLOSID),
                                                s.var(RMID)))))))),
                lemma("kmode-unbound-clean", "Without a binding no CPU has PLZA_EN and the "
                        + "binding's fields are reset.", implies(not(bound), and(
                                isEmpty(s.var(ENABLED)), eq(s.var(CLOSID), s.partid(0)),
                                eq(s.var(RMID), s.pmg(0)), not(s.var(ASSIGN_MON))))));
    }

    private static org.mpamcheck.spec.Invariant lemma(String name, String description,
            Expr predicate) {
        return new org.mpamcheck.spec.Invariant(name, description, predicate,
                org.mpamcheck.spec.Invariant.Kind.LEMMA);
    }
}
