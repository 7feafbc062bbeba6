package org.mpamcheck.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mpamcheck.spec.Exprs.TRUE;
import static org.mpamcheck.spec.Exprs.apply;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.except;
import static org.mpamcheck.spec.Exprs.lit;
import static org.mpamcheck.spec.Exprs.num;
import static org.mpamcheck.spec.Exprs.ref;
import static org.mpamcheck.spec.Exprs.var;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Ill-formed specs are rejected when built, with a message naming the offending term. */
class SpecValidationTest {

    private final SymmetricSort cpu = SymmetricSort.of("Cpu", "cpu", 2);
    private final RangeSort partid = new RangeSort("PartId", 0, 2);
    private final Variable label = new Variable("label", new Type.FnOf(cpu, Type.of(partid)),
            "each CPU's PARTID");
    private final Variable online = new Variable("online", new Type.SetOf(cpu), "online CPUs");
    private final Param c = new Param("c", cpu);

    private Spec.Builder base() {
        return Spec.builder("Tiny", "two CPUs").sort(cpu).sort(partid)
                .variable(label, Value.FnVal.constant(cpu, partid.of(0)))
                .variable(online, new Value.SetVal(cpu, 0b11));
    }

    private static void rejects(String message, Executable build) {
        assertEquals(message, assertThrows(SpecException.class, build).getMessage());
    }

    @Test
    void aTypeMismatchNamesBothSides() {
        rejects("type mismatch in =: label[c] is PartId but online is SUBSET Cpu",
                () -> eq(apply(var(label), ref(c)), var(online)));
    }

    @Test
    void aNonBooleanGuardIsRejected() {
        rejects("type mismatch in guard: label[c] is PartId, expected BOOLEAN",
                () -> Action.builder("Bad", "").param(c).when(apply(var(label), ref(c)), ""));
    }

    @Test
    void anUnknownVariableIsNamed() {
        Variable ghost = new Variable("ghost", Type.BOOL, "not in the spec");
        rejects("action Bad uses unknown variable ghost", () -> base()
                .action(Action.builder("Bad", "").when(var(ghost), "").build()).build());
    }

    @Test
    void aDuplicateNameIsNamed() {
        rejects("duplicate name: variable label", () -> base()
                .variable(new Variable("label", Type.BOOL, ""), Value.bool(true)).build());
    }

    @Test
    void aVariableUpdatedTwiceIsNamed() {
        rejects("action Twice updates label twice", () -> base()
                .action(Action.builder("Twice", "").param(c)
                        .set(label, except(var(label), ref(c), num(1)), "")
                        .set(label, except(var(label), ref(c), num(2)), "").build()).build());
    }

    @Test
    void aValueOutsideItsSortIsRejected() {
        rejects("3 is outside sort PartId (0..2)", () -> partid.of(3));
        rejects("sort Cpu has no element 'cpu7'", () -> cpu.value("cpu7"));
    }

    @Test
    void anUnboundParameterIsNamed() {
        rejects("action Free uses unbound parameter c", () -> base()
                .action(Action.builder("Free", "").when(eq(apply(var(label), ref(c)), num(0)), "")
                        .build()).build());
    }

    @Test
    void namingOneElementOfASymmetricSortIsRejected() {
        rejects("invariant pinned names cpu0, an element of a symmetric sort", () -> base()
                .invariant(new Invariant("pinned", "", eq(apply(var(label), lit(cpu.value("cpu0"))),
                        num(0)))).build());
    }

    @Test
    void anAsymmetricInitialStateIsRejected() {
        rejects("initial value of online tells elements of symmetric sort Cpu apart",
                () -> Spec.builder("Tiny", "").sort(cpu).sort(partid)
                        .variable(online, new Value.SetVal(cpu, 0b01)).build());
    }

    @Test
    void anInitialValueOfTheWrongTypeIsNamed() {
        rejects("initial value TRUE of online is BOOLEAN, expected SUBSET Cpu",
                () -> Spec.builder("Tiny", "").sort(cpu).variable(online, Value.bool(true))
                        .build());
    }

    @Test
    void aWellFormedSpecBuilds() {
        Spec spec = base().invariant(new Invariant("trivial", "always true", TRUE)).build();
        assertEquals("Trivial", spec.invariants().get(0).identifier());
    }
}
