package org.mpamcheck.tla;

import static org.mpamcheck.spec.Exprs.TRUE;
import static org.mpamcheck.spec.Exprs.and;
import static org.mpamcheck.spec.Exprs.apply;
import static org.mpamcheck.spec.Exprs.card;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.except;
import static org.mpamcheck.spec.Exprs.exists;
import static org.mpamcheck.spec.Exprs.filter;
import static org.mpamcheck.spec.Exprs.fn;
import static org.mpamcheck.spec.Exprs.forall;
import static org.mpamcheck.spec.Exprs.implies;
import static org.mpamcheck.spec.Exprs.in;
import static org.mpamcheck.spec.Exprs.inter;
import static org.mpamcheck.spec.Exprs.ite;
import static org.mpamcheck.spec.Exprs.le;
import static org.mpamcheck.spec.Exprs.lit;
import static org.mpamcheck.spec.Exprs.lt;
import static org.mpamcheck.spec.Exprs.min;
import static org.mpamcheck.spec.Exprs.minus;
import static org.mpamcheck.spec.Exprs.neq;
import static org.mpamcheck.spec.Exprs.not;
import static org.mpamcheck.spec.Exprs.num;
import static org.mpamcheck.spec.Exprs.or;
import static org.mpamcheck.spec.Exprs.plus;
import static org.mpamcheck.spec.Exprs.ref;
import static org.mpamcheck.spec.Exprs.setOf;
import static org.mpamcheck.spec.Exprs.union;
import static org.mpamcheck.spec.Exprs.var;

import java.util.ArrayList;
import java.util.List;
import org.mpamcheck.model.examples.Examples;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.EnumSort;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.OptionSort;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.SymmetricSort;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Value;
import org.mpamcheck.spec.Variable;

/**
 * The examples plus a spec that uses every expression node and every way TLC prints a value
 * (records for enum domains, tuples for 1..n domains, negative integers, option "none" model
 * values, nested functions), with invariants that hold and invariants broken at different depths.
 */
final class TlaTestSpecs {

    private TlaTestSpecs() {
    }

    static List<Spec> all() {
        List<Spec> out = new ArrayList<>(Examples.all());
        out.add(kitchen());
        return out;
    }

    static Spec kitchen() {
        SymmetricSort cpu = SymmetricSort.of("Cpu", "cpu", 2);
        EnumSort mode = EnumSort.of("Mode", "user", "kernel");
        RangeSort slot = new RangeSort("Slot", 1, 2);
        RangeSort level = new RangeSort("Level", -1, 1);
        OptionSort cpuOrNone = new OptionSort(cpu);
        OptionSort modeOrNone = new OptionSort(mode);
        OptionSort levelOrNone = new OptionSort(level);
        Variable modeV = new Variable("mode", new Type.FnOf(cpu, Type.of(mode)), "each CPU's mode");
        Variable owner = new Variable("owner", new Type.FnOf(slot, Type.of(cpuOrNone)),
                "who owns each slot");
        Variable flags = new Variable("flags", new Type.FnOf(mode, Type.BOOL), "modes flagged");
        Variable grid = new Variable("grid", new Type.FnOf(cpu, new Type.FnOf(slot, Type.BOOL)),
                "slots each CPU marked in kernel mode");
        Variable last = new Variable("last", Type.of(modeOrNone), "the last mode entered");
        Variable lvl = new Variable("level", Type.of(level), "a counter from -1 to 1");
        Variable memo = new Variable("memo", Type.of(levelOrNone), "a remembered level");
        Variable seen = new Variable("seen", new Type.SetOf(mode), "modes seen");
        Param c = new Param("c", cpu);
        Param d = new Param("d", cpu);
        Param s = new Param("s", slot);
        Param t = new Param("t", slot);
        Param o = new Param("o", cpuOrNone);
        Param m = new Param("m", mode);
        Expr user = lit(mode.value("user"));
        Expr kernel = lit(mode.value("kernel"));
        Expr noCpu = lit(cpuOrNone.none());
        Expr modeC = apply(var(modeV), ref(c));
        Expr ownerS = apply(var(owner), ref(s));
        Value.FnVal noMarks = Value.FnVal.constant(slot, Value.bool(false));
        return Spec.builder("Kitchen", "every expression node and value shape, for the TLA+ back end")
                .sort(cpu).sort(mode).sort(slot).sort(level)
                .variable(modeV, Value.FnVal.constant(cpu, mode.value("user")))
                .variable(owner, Value.FnVal.constant(slot, cpuOrNone.none()))
                .variable(flags, new Value.FnVal(new Type.FnOf(mode, Type.BOOL),
                        List.of(Value.bool(true), Value.bool(false))))
                .variable(grid, Value.FnVal.constant(cpu, noMarks))
                .variable(last, modeOrNone.none())
                .variable(lvl, level.of(0))
                .variable(memo, levelOrNone.none())
                .variable(seen, Value.emptySet(mode))
                .action(Action.builder("Enter", "user to kernel").param(c)
                        .when(eq(modeC, user), "entry")
                        .set(modeV, except(var(modeV), ref(c), kernel), "")
                        .set(last, lit(modeOrNone.some(1)), "")
                        .set(seen, union(var(seen), setOf(mode, kernel)), "")
                        .set(flags, except(var(flags), kernel, TRUE), "")
                        .build())
                .action(Action.builder("Exit", "kernel to user").param(c)
                        .when(eq(modeC, kernel), "")
                        .set(modeV, except(var(modeV), ref(c), user), "")
                        .set(flags, fn(m, eq(ref(m), user)), "")
                        .set(seen, inter(var(seen), setOf(mode, user)), "")
                        .set(grid, except(var(grid), ref(c), lit(noMarks)), "")
                        .set(last, ite(eq(var(last), lit(modeOrNone.none())),
                                lit(modeOrNone.none()), lit(modeOrNone.some(0))), "")
                        .build())
                .action(Action.builder("Take", "the lowest free slot").param(s).param(o)
                        .refuse("EBUSY", neq(ownerS, noCpu), "taken")
                        .when(neq(ref(o), noCpu), "")
                        .when(eq(ref(s), min(filter(t, eq(apply(var(owner), ref(t)), noCpu)))), "")
                        .set(owner, except(var(owner), ref(s), ref(o)), "")
                        .build())
                .action(Action.builder("Drop", "free a slot").param(s)
                        .when(neq(ownerS, noCpu), "")
                        .set(owner, except(var(owner), ref(s), noCpu), "")
                        .build())
                .action(Action.builder("Mark", "mark a slot").param(c).param(s)
                        .when(eq(modeC, kernel), "")
                        .when(not(apply(var(grid), ref(c), ref(s))), "")
                        .set(grid, except(var(grid), ref(c),
                                except(apply(var(grid), ref(c)), ref(s), TRUE)), "")
                        .build())
                .action(Action.builder("Bump", "count up").when(le(plus(var(lvl), num(1)), num(1)), "")
                        .set(lvl, plus(var(lvl), num(1)), "")
                        .set(memo, ite(eq(var(lvl), num(0)), lit(levelOrNone.some(1)),
                                lit(levelOrNone.none())), "")
                        .build())
                .action(Action.builder("Sink", "count down").when(lt(num(-1), var(lvl)), "")
                        .set(lvl, minus(var(lvl), num(1)), "")
                        .build())
                .invariant(new Invariant("slots-distinct", "no CPU owns two slots",
                        forall(s, forall(t, implies(and(neq(ref(s), ref(t)), neq(ownerS, noCpu)),
                                neq(ownerS, apply(var(owner), ref(t))))))))
                .invariant(new Invariant("level-bounded", "the counter stays in range",
                        and(le(num(-1), var(lvl)), le(var(lvl), num(1)))))
                .invariant(new Invariant("seen-kernel", "kernel seen only while a CPU is in it",
                        implies(in(kernel, var(seen)), exists(c, eq(modeC, kernel)))))
                .invariant(new Invariant("grid-kernel", "marks only in kernel mode",
                        forall(c, forall(s, implies(apply(var(grid), ref(c), ref(s)),
                                eq(modeC, kernel))))))
                .invariant(new Invariant("few-marks", "at most one CPU marks slot 1",
                        le(card(filter(d, apply(var(grid), ref(d), num(1)))), num(1))))
                .invariant(new Invariant("last-known", "a mode entered is still visible",
                        or(eq(var(last), lit(modeOrNone.none())), in(kernel, var(seen)),
                                exists(c, eq(modeC, user)), eq(var(flags), lit(new Value.FnVal(
                                        new Type.FnOf(mode, Type.BOOL), List.of(Value.bool(false),
                                        Value.bool(false))))))))
                .invariant(new Invariant("flags-user", "the user flag never drops",
                        eq(apply(var(flags), user), TRUE)))
                .build();
    }
}
