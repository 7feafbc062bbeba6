package org.mpamcheck.model.variants;

import static org.mpamcheck.spec.Exprs.and;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.except;
import static org.mpamcheck.spec.Exprs.forall;
import static org.mpamcheck.spec.Exprs.implies;
import static org.mpamcheck.spec.Exprs.in;
import static org.mpamcheck.spec.Exprs.ite;
import static org.mpamcheck.spec.Exprs.lit;
import static org.mpamcheck.spec.Exprs.neq;
import static org.mpamcheck.spec.Exprs.not;
import static org.mpamcheck.spec.Exprs.or;
import static org.mpamcheck.spec.Exprs.ref;
import static org.mpamcheck.spec.Exprs.union;

import java.util.List;
import org.mpamcheck.model.Architecture;
import org.mpamcheck.model.Label;
import org.mpamcheck.model.Narration;
import org.mpamcheck.model.ResctrlState;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.ActionInstance;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Update;
import org.mpamcheck.spec.Value;
import org.mpamcheck.spec.Variable;

/**
 * Zeng Heng's suggestion in the seed thread: each control group chooses, through a new
 * {@code kernel_mode} file, whether kernel mode follows the group's label or uses the default
 * group's; the context switch writes MPAM1_EL1 accordingly. A new group starts at {@code follow},
 * the merged behaviour.
 */
public final class Arm64PerGroup extends Arm64Policy {

    private static final String FOLLOWS = "kernelFollows";

    public String id() {
        return "arm64-per-group";
    }

    public String description() {
        return "Each control group chooses: kernel mode follows its label or uses the default's.";
    }

    public List<PolicyVariable> variables(ResctrlState s) {
        Variable v = new Variable(FOLLOWS, new Type.FnOf(s.partid, Type.BOOL),
                "each control group's kernel_mode file: follow (TRUE) or default (FALSE)");
        return List.of(new PolicyVariable(v, Value.FnVal.constant(s.partid, Value.bool(true))));
    }

    /** The group of the label being loaded decides. */
    public Label kernelRegisterOnLoad(ResctrlState s, Expr cpu, Label user) {
        Expr follows = s.at(FOLLOWS, user.partid());
        return new Label(ite(follows, user.partid(), s.partid(0)),
                ite(follows, user.pmg(), s.pmg(0)));
    }

    public List<Action> actions(ResctrlState s) {
        Param p = new Param("p", s.partid);
        Param follow = new Param("follow", Sort.BOOL);
        return List.of(Action.builder("SetKernelMode", "echo follow|default > kernel_mode of "
                        + "a control group")
                .param(p).param(follow)
                .when(s.mutexFree(), "a resctrl file write takes rdtgroup_mutex")
                .when(and(s.isLive("ctrlState", ref(p)), neq(ref(p), s.partid(0))),
                        "the file exists in each control group but the default")
                .when(neq(s.at(FOLLOWS, ref(p)), ref(follow)), "a change")
                .set(s.variable(FOLLOWS), except(s.var(FOLLOWS), ref(p), ref(follow)),
                        "the proposed per-group kernel_mode file")
                .set(s.variable("ipiPending"), union(s.var("ipiPending"),
                                s.cpusWhere(c -> and(in(c, s.var("online")),
                                        eq(s.userRegister(c).partid(), ref(p))))),
                        "update_closid_rmid to the online CPUs running with the group's label")
                .build());
    }

    public List<Update> onRmdirCtrl(ResctrlState s, Expr partid) {
        return List.of(new Update(s.variable(FOLLOWS), except(s.var(FOLLOWS), partid,
                lit(Value.bool(true))), "the file goes with the group; a new group follows"));
    }

    public String narrate(ActionInstance step, Architecture arch) {
        boolean follow = step.args().get(1).toString().equals("TRUE");
        return "echo " + (follow ? "follow" : "default") + " > " + Narration.groupDir(step.args()
                .get(0)) + "/kernel_mode";
    }

    /** The context switch writes the task's label or the default's, nothing else. */
    public List<Invariant> lemmas(ResctrlState s) {
        Param c = new Param("c", s.cpu);
        Param p = new Param("p", s.partid);
        Label k = s.kernelRegister(ref(c));
        return List.of(
                new Invariant("mpam1-follows-or-default", "MPAM1_EL1 holds MPAM0_EL1's value or "
                        + "the default label.", forall(c, or(k.sameAs(s.userRegister(ref(c))),
                                k.sameAs(s.defaultLabel()))), Invariant.Kind.LEMMA),
                new Invariant("removed-groups-follow", "A removed group's kernel_mode is reset "
                        + "to follow.", forall(p, implies(not(s.isLive("ctrlState", ref(p))),
                                s.at(FOLLOWS, ref(p)))), Invariant.Kind.LEMMA));
    }
}
