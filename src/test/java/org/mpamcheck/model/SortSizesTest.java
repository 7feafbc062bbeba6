package org.mpamcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mpamcheck.model.variants.Arm64KernelFollows;
import org.mpamcheck.model.variants.X86Rdt;
import org.mpamcheck.spec.Spec;

/** The model at the sizes an SMT counterexample has: each sort sized by its own scope bound. */
class SortSizesTest {

    @Test
    void eachGrowingSortIsSizedByItsScopeBoundEvenAtTheBoundsMaximum() {
        assertEquals(Map.of("Cpu", "cpus", "Task", "tasks", "MonGroup", "monitors",
                "Lock", "locks", "Closid", "partids", "Rmid", "pmgs"),
                SortSizes.keysBySort(new X86Rdt(), Scope.ci().with("monitors", 1)));
        assertEquals(Map.of("Cpu", "cpus", "Task", "tasks", "MonGroup", "monitors",
                "Lock", "locks", "PartId", "partids", "Pmg", "pmgs"),
                SortSizes.keysBySort(new Arm64KernelFollows(), Scope.proof().with("cpus", 8)
                        .with("tasks", 8)));
    }

    @Test
    void theSpecAtGivenSizesHasThoseSizes() {
        Spec s = SortSizes.of(new X86Rdt(), Scope.ci().with("monitors", 1)).apply(Map.of(
                "Cpu", 3, "Task", 1, "MonGroup", 2, "Lock", 2, "Closid", 5, "Rmid", 4));
        assertEquals(3, s.variable("running").type() instanceof org.mpamcheck.spec.Type.FnOf f
                ? f.domain().size() : -1);
        assertEquals(5, s.sorts().stream().filter(x -> x.name().equals("Closid")).findFirst()
                .orElseThrow().size());
    }
}
