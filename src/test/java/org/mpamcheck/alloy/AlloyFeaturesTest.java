package org.mpamcheck.alloy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpamcheck.spec.Exprs.TRUE;
import static org.mpamcheck.spec.Exprs.and;
import static org.mpamcheck.spec.Exprs.apply;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.except;
import static org.mpamcheck.spec.Exprs.fn;
import static org.mpamcheck.spec.Exprs.forall;
import static org.mpamcheck.spec.Exprs.implies;
import static org.mpamcheck.spec.Exprs.ite;
import static org.mpamcheck.spec.Exprs.lit;
import static org.mpamcheck.spec.Exprs.lt;
import static org.mpamcheck.spec.Exprs.minus;
import static org.mpamcheck.spec.Exprs.neq;
import static org.mpamcheck.spec.Exprs.num;
import static org.mpamcheck.spec.Exprs.plus;
import static org.mpamcheck.spec.Exprs.ref;
import static org.mpamcheck.spec.Exprs.setOf;
import static org.mpamcheck.spec.Exprs.union;
import static org.mpamcheck.spec.Exprs.var;

import edu.mit.csail.sdg.alloy4.A4Reporter;
import edu.mit.csail.sdg.parser.CompUtil;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpamcheck.check.Limits;
import org.mpamcheck.check.Progress;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Result;
import org.mpamcheck.engine.NativeChecker;
import org.mpamcheck.engine.Successors;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.OptionSort;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.EnumSort;
import org.mpamcheck.spec.Trace;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Value;
import org.mpamcheck.spec.Variable;

/**
 * The language features the examples do not use (option sorts over sigs and ranges, functions
 * from a range, nested functions, functions to sets, booleans as values, builders, IF) give
 * modules that parse and verdicts and trace lengths equal to the native engine's.
 */
class AlloyFeaturesTest {

    static Spec features() {
        EnumSort task = EnumSort.of("Task", "t0", "t1");
        RangeSort slot = new RangeSort("Slot", 1, 2);
        OptionSort maybeTask = new OptionSort(task);
        OptionSort maybeSlot = new OptionSort(slot);
        Variable owner = new Variable("owner", new Type.FnOf(slot, Type.of(maybeTask)),
                "the task in each slot, if any");
        Variable last = new Variable("last", Type.of(maybeSlot), "the slot filled last");
        Variable seen = new Variable("seen", new Type.FnOf(task, new Type.SetOf(slot)),
                "the slots each task has held");
        Variable flags = new Variable("flags", new Type.FnOf(task, new Type.FnOf(slot, Type.BOOL)),
                "per task and slot: held now");
        Param t = new Param("t", task);
        Param s = new Param("s", slot);
        Param u = new Param("u", slot);
        Expr0 e = new Expr0();
        return Spec.builder("Features", "every construct of the language once")
                .sort(task).sort(slot)
                .variable(owner, Value.FnVal.constant(slot, maybeTask.none()))
                .variable(last, maybeSlot.none())
                .variable(seen, Value.FnVal.constant(task, Value.emptySet(slot)))
                .variable(flags, Value.FnVal.constant(task, Value.FnVal.constant(slot,
                        Value.bool(false))))
                .action(Action.builder("Take", "a task takes a free slot")
                        .param(t).param(s)
                        .when(eq(apply(var(owner), ref(s)), lit(maybeTask.none())), "free")
                        .set(owner, except(var(owner), ref(s), e.some(maybeTask, t)), "")
                        .set(last, ite(lt(ref(s), num(2)), lit(maybeSlot.some(0)),
                                lit(maybeSlot.some(1))), "")
                        .set(seen, except(var(seen), ref(t), union(apply(var(seen), ref(t)),
                                setOf(slot, ref(s)))), "")
                        .set(flags, except(var(flags), ref(t), fn(u, Type.BOOL,
                                eq(eq(apply(var(owner), ref(u)), e.some(maybeTask, t)),
                                        neq(ref(u), ref(s))))), "")
                        .build())
                .action(Action.builder("Drop", "a slot is emptied and forgotten")
                        .param(s)
                        .when(neq(apply(var(owner), ref(s)), lit(maybeTask.none())), "")
                        .set(owner, except(var(owner), ref(s), lit(maybeTask.none())), "")
                        .set(seen, fn(t, new Type.SetOf(slot), setOf(slot)), "")
                        .set(flags, except(var(flags), apply(e.firstTask(task, slot), num(1)),
                                apply(var(flags), apply(e.firstTask(task, slot), num(1)))), "")
                        .build())
                .invariant(new Invariant("seen-bounded", "Nobody has seen a slot beyond 2.",
                        forall(t, forall(s, implies(eq(apply(apply(var(flags), ref(t)), ref(s)),
                                TRUE), lt(minus(plus(ref(s), num(1)), num(1)), num(3)))))))
                .invariant(new Invariant("never-both", "Not both slots ever filled.",
                        and(neq(apply(var(owner), num(1)), e.some(maybeTask, null)),
                                TRUE)))
                .build();
    }

    /** Small helpers for option values: the option of a parameter's element. */
    private static final class Expr0 {
        org.mpamcheck.spec.Expr some(OptionSort o, Param p) {
            // an option value equal to task t0 when no parameter is given
            if (p == null) {
                return lit(o.some(0));
            }
            org.mpamcheck.spec.Expr out = lit(o.some(0));
            for (int i = 1; i < o.base().size(); i++) {
                out = ite(eq(ref(p), lit(o.base().at(i))), lit(o.some(i)), out);
            }
            return out;
        }

        org.mpamcheck.spec.Expr firstTask(EnumSort task, RangeSort slot) {
            return fn(new Param("z", slot), lit(task.at(0)));
        }
    }

    @Test
    void moduleParsesAndAgreesWithTheNativeEngine() {
        Spec spec = features();
        CompUtil.parseEverything_fromString(new A4Reporter(), AlloyEmitter.temporal(spec, 6));
        CompUtil.parseEverything_fromString(new A4Reporter(),
                AlloyEmitter.induction(spec, List.of(spec.invariants().get(0))));
        Result reference = new NativeChecker().check(spec, Limits.DEFAULT, Progress.NONE);
        int depth = reference.statistics().depth();
        Result alloy = new AlloyChecker().check(spec, Limits.DEFAULT.withSteps(Math.max(6, depth))
                .withDiameter(depth), Progress.NONE);
        Successors successors = new Successors(spec);
        for (PropertyResult expected : reference.properties()) {
            PropertyResult actual = alloy.property(expected.invariant()).orElseThrow();
            assertEquals(expected.verdict(), actual.verdict(), actual.message());
            assertEquals(expected.counterexample().map(Trace::length),
                    actual.counterexample().map(Trace::length));
            actual.counterexample().ifPresent(tr -> assertTrue(successors.replays(tr)));
        }
    }
}
