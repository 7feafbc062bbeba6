package org.mpamcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mpamcheck.spec.ActionInstance;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Value;

/** The reports' names for the spec's values are the register tables' names. */
class ValueNamesTest {

    private final ResctrlState m = new ResctrlState(Variants.byId("arm64-kernel-follows"),
            Scope.parse("ci"));
    private final ValueNames names = new ValueNames(m);

    @Test
    void aTaskIsItsPidWhereverItIsHeld() {
        assertEquals("101", names.name(m.task.at(0), "taskPartid"));
        assertEquals("102", names.name(m.taskOrNone.some(1), "running"));
        assertEquals(102, names.pid(m.taskOrNone.some(1)).getAsInt());
        assertTrue(names.pid(m.cpu.at(0)).isEmpty());
        assertTrue(names.pid(m.taskOrNone.none()).isEmpty());
    }

    @Test
    void noTaskIsIdleOnACpuAndNoneForALock() {
        assertEquals("idle", names.name(m.taskOrNone.none(), "running"));
        assertEquals("none", names.name(m.taskOrNone.none(), "lockHolder"));
    }

    @Test
    void everyOtherElementKeepsItsSpecLabel() {
        assertEquals("cpu1", names.name(m.cpu.at(1), ""));
        assertEquals("dying", names.name(m.status.value("dying"), "ctrlState"));
        assertEquals("irqFromUser", names.name(m.context.value("irqFromUser"), "context"));
    }

    @Test
    void actionsSetsAndFunctionsNameTheirElements() {
        assertEquals("Switch(cpu0, 101)", names.action(new ActionInstance("Switch",
                List.of(m.cpu.at(0), m.task.at(0)))));
        assertEquals("{101, 102}", names.text(new Value.SetVal(m.task, 0b11), "uncheckedMoves"));
        assertEquals("(cpu0 :> idle, cpu1 :> 102)", names.text(new Value.FnVal(
                new Type.FnOf(m.cpu, Type.of(m.taskOrNone)),
                List.of(m.taskOrNone.none(), m.taskOrNone.some(1))), "running"));
        assertEquals(Map.of("t0", "101", "t1", "102", "noTask",
                "idle (running), none (a lock's holder)"), names.renamed());
    }
}
