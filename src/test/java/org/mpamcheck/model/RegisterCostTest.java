package org.mpamcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mpamcheck.model.RegisterCost.Event;

/**
 * The register cost per event, measured over the model's transitions: the isb is paid on the
 * context switch by the merged policy (mpam_thread_switch), not on kernel entry; irq-default
 * pays on every interrupt; the snapshot writes MPAM0_EL1 alone.
 */
class RegisterCostTest {

    private static String costs(String variant) {
        KernelModePolicy p = Variants.byId(variant);
        Map<Event, RegisterCost.Cost> c = RegisterCost.of(p);
        StringBuilder b = new StringBuilder();
        for (Event e : Event.values()) {
            b.append(b.length() == 0 ? "" : " | ").append(c.get(e).text(p.architecture()));
        }
        return b.toString();
    }

    @Test
    @DisplayName("kernel-follows pays 2 writes and an isb per changing switch, nothing on entry")
    void mergedPolicyPaysOnTheSwitch() {
        assertEquals("2 sysreg writes + 1 isb | none | none | 2 sysreg writes + 1 isb",
                costs("arm64-kernel-follows"));
    }

    @Test
    @DisplayName("kernel-default writes MPAM0_EL1 alone: no isb")
    void snapshotWritesMpam0Alone() {
        assertEquals("1 sysreg write | none | none | 1 sysreg write",
                costs("arm64-kernel-default"));
    }

    @Test
    @DisplayName("irq-default pays a write and an isb per interrupt")
    void irqDefaultPaysPerInterrupt() {
        assertEquals("2 sysreg writes + 1 isb | none | 1 sysreg write + 1 isb | "
                + "2 sysreg writes + 1 isb", costs("arm64-irq-default"));
    }

    @Test
    @DisplayName("x86 writes PQR_ASSOC once per changing switch, PLZA adds nothing per event")
    void x86WritesOneMsr() {
        assertEquals("1 MSR write | none | none | 1 MSR write", costs("x86-rdt"));
        assertEquals("1 MSR write | none | none | 1 MSR write", costs("x86-plza"));
    }
}
