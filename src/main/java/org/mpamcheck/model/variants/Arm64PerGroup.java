package org.mpamcheck.model.variants;

import static org.mpamcheck.spec.Exprs.and;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.forall;
import static org.mpamcheck.spec.Exprs.implies;
import static org.mpamcheck.spec.Exprs.ite;
import static org.mpamcheck.spec.Exprs.lit;
import static org.mpamcheck.spec.Exprs.neq;
import static org.mpamcheck.spec.Exprs.not;
import static org.mpamcheck.spec.Exprs.or;
import static org.mpamcheck.spec.Exprs.ref;
import static org.mpamcheck.spec.Exprs.union;

import java.util.List;
import java.util.Optional;
import org.mpamcheck.model.Claim;
import org.mpamcheck.model.CoreSteps;
import org.mpamcheck.model.Label;
import org.mpamcheck.model.Narration;
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
 * Zeng Heng's suggestion in the seed thread: each control group chooses, through a new
 * {@code kernel_mode} file, whether kernel mode follows the group's label or uses the default
 * group's; the context switch writes MPAM1_EL1 accordingly. A new group starts at {@code follow},
 * the merged behaviour.
 */
public class Arm64PerGroup extends Arm64Policy {

    public static final VarDecl FOLLOWS = new VarDecl("kernelFollows",
            s -> new Type.FnOf(s.partid, Type.BOOL),
            "each control group's kernel_mode file: follow (TRUE) or default (FALSE)",
            s -> Value.FnVal.constant(s.partid, Value.bool(true)));

    public static final StepId SET_KERNEL_MODE = StepId.of("SetKernelMode");

    private static final Claim MPAM1_FOLLOWS_OR_DEFAULT = Claim.lemma("mpam1-follows-or-default",
            "MPAM1_EL1 holds MPAM0_EL1's value or the default label.", s -> {
                Param c = new Param("c", s.cpu);
                Label k = s.kernelRegister().on(ref(c));
                return forall(c, or(k.sameAs(s.userRegister.on(ref(c))),
                        k.sameAs(s.defaultLabel())));
            });

    private static final Claim REMOVED_GROUPS_FOLLOW = Claim.lemma("removed-groups-follow",
            "A removed group's kernel_mode is reset to follow.", s -> {
                Param p = new Param("p", s.partid);
                return forall(p, implies(not(s.isLive(s.ctrlState, ref(p))),
                        s.get(FOLLOWS).at(ref(p))));
            });

    @Override
    public String id() {
        return "arm64-per-group";
    }

    @Override
    public String description() {
        return "Each control group chooses: kernel mode follows its label or uses the default's.";
    }

    @Override
    public void declare(ResctrlState s) {
        s.declare(FOLLOWS);
    }

    /** The group of the label being loaded decides. */
    @Override
    public Optional<Label> kernelRegisterOnLoad(ResctrlState s, Expr cpu, Label user) {
        Expr follows = s.get(FOLLOWS).at(user.partid());
        return Optional.of(new Label(ite(follows, user.partid(), s.partid(0)),
                ite(follows, user.pmg(), s.pmg(0))));
    }

    @Override
    public void steps(StepCatalog steps, ResctrlState s) {
        steps.add(new Step(SET_KERNEL_MODE, "echo follow|default > kernel_mode of a control "
                + "group", "the proposed per-group kernel_mode file (seed thread, Zeng Heng)",
                Arm64PerGroup::setKernelMode, v -> "echo " + (v.arg(1).equals(Value.bool(true))
                        ? "follow" : "default") + " > " + Narration.groupDir(v.arg(0))
                        + "/kernel_mode"));
        steps.wrap(CoreSteps.RMDIR_CTRL, (st, a) -> a.withUpdate(st.get(FOLLOWS).becomesAt(
                ref(a.params().get(0)), lit(Value.bool(true)),
                "the file goes with the group; a new group follows")));
    }

    private static Action setKernelMode(ResctrlState s, Step step) {
        Param p = new Param("p", s.partid);
        Param follow = new Param("follow", Sort.BOOL);
        StateVar follows = s.get(FOLLOWS);
        return step.underMutex(s, "a resctrl file write takes rdtgroup_mutex")
                .param(p).param(follow)
                .when(and(s.isLive(s.ctrlState, ref(p)), neq(ref(p), s.partid(0))),
                        "the file exists in each control group but the default")
                .when(neq(follows.at(ref(p)), ref(follow)), "a change")
                .set(follows.becomesAt(ref(p), ref(follow),
                        "the proposed per-group kernel_mode file"))
                .set(s.ipiPending.becomes(union(s.ipiPending.ref(),
                                s.cpusWhere(c -> and(s.isOnline(c),
                                        eq(s.userRegister.on(c).partid(), ref(p))))),
                        "update_closid_rmid to the online CPUs running with the group's label"))
                .build();
    }

    @Override
    public List<Claim> lemmas() {
        return List.of(MPAM1_FOLLOWS_OR_DEFAULT, REMOVED_GROUPS_FOLLOW);
    }
}
