package org.mpamcheck.model.examples;

import static org.mpamcheck.spec.Exprs.FALSE;
import static org.mpamcheck.spec.Exprs.TRUE;
import static org.mpamcheck.spec.Exprs.and;
import static org.mpamcheck.spec.Exprs.apply;
import static org.mpamcheck.spec.Exprs.card;
import static org.mpamcheck.spec.Exprs.diff;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.except;
import static org.mpamcheck.spec.Exprs.exists;
import static org.mpamcheck.spec.Exprs.filter;
import static org.mpamcheck.spec.Exprs.forall;
import static org.mpamcheck.spec.Exprs.implies;
import static org.mpamcheck.spec.Exprs.in;
import static org.mpamcheck.spec.Exprs.isEmpty;
import static org.mpamcheck.spec.Exprs.le;
import static org.mpamcheck.spec.Exprs.lit;
import static org.mpamcheck.spec.Exprs.lt;
import static org.mpamcheck.spec.Exprs.min;
import static org.mpamcheck.spec.Exprs.neq;
import static org.mpamcheck.spec.Exprs.notIn;
import static org.mpamcheck.spec.Exprs.num;
import static org.mpamcheck.spec.Exprs.or;
import static org.mpamcheck.spec.Exprs.plus;
import static org.mpamcheck.spec.Exprs.ref;
import static org.mpamcheck.spec.Exprs.setOf;
import static org.mpamcheck.spec.Exprs.union;
import static org.mpamcheck.spec.Exprs.var;

import java.util.List;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.EnumSort;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.SymmetricSort;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Value;
import org.mpamcheck.spec.Variable;

/**
 * Small specs with known answers: the engines' shared test bed and benchmark load. Each is a
 * miniature of a resctrl concern, so its pinned numbers also document the language.
 */
public final class Examples {

    private Examples() {
    }

    /** The three example families with their usual sizes, for benchmarks and agreement tests. */
    public static List<Spec> all() {
        return List.of(partidAllocator(false, 3, 2), partidAllocator(true, 3, 2), mutex(2, false),
                mutex(2, true), symmetricTokens(5, 4, 2));
    }

    /**
     * Control groups taking the lowest free PARTID at mkdir (closid_alloc) and giving it back at
     * rmdir. The correct free path waits until no CPU still runs with the PARTID (the IPIs of
     * rdtgroup_rmdir_ctrl) before freeing it; the buggy one frees at once, so a CPU can run on a
     * PARTID that is free and is then handed to the next group.
     */
    public static Spec partidAllocator(boolean buggyFree, int partids, int groups) {
        SymmetricSort group = SymmetricSort.of("Group", "g", groups);
        RangeSort partid = new RangeSort("PartId", 0, partids - 1);
        EnumSort status = EnumSort.of("Status", "free", "live", "dying");
        Variable state = new Variable("state", new Type.FnOf(group, Type.of(status)),
                "each group slot: free, live or dying (removed, PARTID not yet released)");
        Variable id = new Variable("partid", new Type.FnOf(group, Type.of(partid)),
                "the PARTID of each allocated group");
        Variable free = new Variable("freeIds", new Type.SetOf(partid), "PARTIDs free to allocate");
        Variable loaded = new Variable("loaded", new Type.SetOf(partid),
                "PARTIDs some CPU still runs with");
        Param g = new Param("g", group);
        Param h = new Param("h", group);
        Param p = new Param("p", partid);
        Expr stateG = apply(var(state), ref(g));
        Expr idG = apply(var(id), ref(g));
        Expr isFree = lit(status.value("free"));
        Expr isLive = lit(status.value("live"));
        Expr isDying = lit(status.value("dying"));
        long allButDefault = ((1L << partids) - 1) & ~1L;
        Action rmdir = Action.builder("Rmdir", "rmdir of a live group")
                .param(g)
                .when(eq(stateG, isLive), "rdtgroup_rmdir_ctrl")
                .set(state, except(var(state), ref(g), buggyFree ? isFree : isDying),
                        buggyFree ? "BUG: frees before the IPIs" : "the group is dying until the IPIs")
                .set(free, buggyFree ? union(var(free), setOf(partid, idG)) : var(free),
                        "closid_free")
                .build();
        Spec.Builder b = Spec.builder(buggyFree ? "PartidAllocatorBuggy" : "PartidAllocator",
                "PARTID allocation and release" + (buggyFree ? " with a premature free" : ""))
                .sort(group).sort(partid).sort(status)
                .variable(state, Value.FnVal.constant(group, status.value("free")))
                .variable(id, Value.FnVal.constant(group, partid.of(0)))
                .variable(free, new Value.SetVal(partid, allButDefault))
                .variable(loaded, Value.emptySet(partid))
                .action(Action.builder("Mkdir", "mkdir: take the lowest free PARTID")
                        .param(g).param(p)
                        .refuse("ENOSPC", isEmpty(var(free)), "closid_alloc: no free CLOSID")
                        .when(eq(stateG, isFree), "a new directory")
                        .when(eq(ref(p), min(var(free))), "closid_alloc: first free bit")
                        .set(state, except(var(state), ref(g), isLive), "")
                        .set(id, except(var(id), ref(g), ref(p)), "")
                        .set(free, diff(var(free), setOf(partid, ref(p))), "")
                        .build())
                .action(Action.builder("Run", "a CPU starts running a task of a live group")
                        .param(g)
                        .when(eq(stateG, isLive), "")
                        .set(loaded, union(var(loaded), setOf(partid, idG)), "")
                        .build())
                .action(Action.builder("Unload", "a CPU stops using a PARTID (switch or IPI)")
                        .param(p)
                        .when(in(ref(p), var(loaded)), "")
                        .set(loaded, diff(var(loaded), setOf(partid, ref(p))), "")
                        .build())
                .action(rmdir);
        if (!buggyFree) {
            b.action(Action.builder("Release", "free the PARTID once no CPU runs with it")
                    .param(g)
                    .when(eq(stateG, isDying), "")
                    .when(notIn(idG, var(loaded)), "update_closid_rmid has completed")
                    .set(state, except(var(state), ref(g), isFree), "")
                    .set(free, union(var(free), setOf(partid, idG)), "closid_free")
                    .build());
        }
        Expr allocated = neq(stateG, isFree);
        Expr allocatedH = neq(apply(var(state), ref(h)), isFree);
        return b.invariant(new Invariant("partid-exclusive",
                        "No two allocated groups share a PARTID, none is free while allocated, and "
                                + "every PARTID a CPU runs with is allocated or the default.",
                        and(forall(g, forall(h, implies(and(neq(ref(g), ref(h)), allocated,
                                        allocatedH), neq(idG, apply(var(id), ref(h)))))),
                                forall(g, implies(allocated, notIn(idG, var(free)))),
                                forall(p, implies(in(ref(p), var(loaded)), or(eq(ref(p), num(0)),
                                        exists(g, and(allocated, eq(idG, ref(p))))))))))
                .build();
    }

    /**
     * Mutual exclusion of a kernel lock between CPUs. The correct acquire tests and sets the lock
     * in one atomic step; the buggy one tests, then sets in a later step, so two CPUs can both
     * pass the test.
     */
    public static Spec mutex(int cpus, boolean splitTestAndSet) {
        SymmetricSort cpu = SymmetricSort.of("Cpu", "cpu", cpus);
        EnumSort pc = EnumSort.of("Pc", "idle", "trying", "tested", "critical");
        Variable at = new Variable("pc", new Type.FnOf(cpu, Type.of(pc)), "each CPU's position");
        Variable lock = new Variable("locked", Type.BOOL, "the lock word");
        Param c = new Param("c", cpu);
        Param d = new Param("d", cpu);
        Expr pcC = apply(var(at), ref(c));
        Expr critical = lit(pc.value("critical"));
        Action acquire = splitTestAndSet
                ? Action.builder("Test", "read the lock word: free")
                        .param(c)
                        .when(eq(pcC, lit(pc.value("trying"))), "")
                        .when(eq(var(lock), FALSE), "")
                        .set(at, except(var(at), ref(c), lit(pc.value("tested"))), "")
                        .build()
                : Action.builder("Acquire", "atomic test-and-set")
                        .param(c)
                        .when(eq(pcC, lit(pc.value("trying"))), "")
                        .when(eq(var(lock), FALSE), "")
                        .set(at, except(var(at), ref(c), critical), "")
                        .set(lock, TRUE, "")
                        .build();
        Spec.Builder b = Spec.builder(splitTestAndSet ? "MutexSplit" : "Mutex",
                "a lock shared by " + cpus + " CPUs" + (splitTestAndSet ? ", test and set split" : ""))
                .sort(cpu).sort(pc)
                .variable(at, Value.FnVal.constant(cpu, pc.value("idle")))
                .variable(lock, Value.bool(false))
                .action(Action.builder("Try", "start to take the lock")
                        .param(c)
                        .when(eq(pcC, lit(pc.value("idle"))), "")
                        .set(at, except(var(at), ref(c), lit(pc.value("trying"))), "")
                        .build())
                .action(acquire);
        if (splitTestAndSet) {
            b.action(Action.builder("Set", "write the lock word")
                    .param(c)
                    .when(eq(pcC, lit(pc.value("tested"))), "")
                    .set(at, except(var(at), ref(c), critical), "")
                    .set(lock, TRUE, "")
                    .build());
        }
        return b.action(Action.builder("Release", "leave the critical section")
                        .param(c)
                        .when(eq(pcC, critical), "")
                        .set(at, except(var(at), ref(c), lit(pc.value("idle"))), "")
                        .set(lock, FALSE, "")
                        .build())
                .invariant(new Invariant("mutual-exclusion", "At most one CPU holds the lock.",
                        forall(c, forall(d, implies(and(eq(pcC, critical),
                                eq(apply(var(at), ref(d)), critical)), eq(ref(c), ref(d)))))))
                .build();
    }

    /**
     * Tasks cycling through phases, at most {@code capacity} at a time in the last phase. The full
     * state space grows as phases^tasks; the quotient by the symmetry of tasks only as the number
     * of multisets, which is what makes larger instances tractable.
     */
    public static Spec symmetricTokens(int tasks, int phases, int capacity) {
        SymmetricSort task = SymmetricSort.of("Proc", "proc", tasks);
        RangeSort phase = new RangeSort("Phase", 0, phases - 1);
        Variable at = new Variable("phase", new Type.FnOf(task, Type.of(phase)), "each task's phase");
        Param t = new Param("t", task);
        Param u = new Param("u", task);
        Expr phaseT = apply(var(at), ref(t));
        int last = phases - 1;
        Expr inLast = card(filter(u, eq(apply(var(at), ref(u)), num(last))));
        return Spec.builder("SymmetricTokens", tasks + " symmetric tasks cycling through "
                        + phases + " phases, at most " + capacity + " in the last")
                .sort(task).sort(phase)
                .variable(at, Value.FnVal.constant(task, phase.of(0)))
                .action(Action.builder("Advance", "move to the next phase")
                        .param(t)
                        .when(lt(phaseT, num(last - 1)), "")
                        .set(at, except(var(at), ref(t), plus(phaseT, num(1))), "")
                        .build())
                .action(Action.builder("Enter", "enter the last phase if there is room")
                        .param(t)
                        .when(eq(phaseT, num(last - 1)), "")
                        .when(lt(inLast, num(capacity)), "")
                        .set(at, except(var(at), ref(t), num(last)), "")
                        .build())
                .action(Action.builder("Leave", "start over")
                        .param(t)
                        .when(eq(phaseT, num(last)), "")
                        .set(at, except(var(at), ref(t), num(0)), "")
                        .build())
                .invariant(new Invariant("capacity", "At most " + capacity
                        + " tasks are in the last phase.", le(inLast, num(capacity))))
                .build();
    }
}
