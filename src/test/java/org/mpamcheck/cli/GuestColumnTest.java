package org.mpamcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * no-guest-bypass is the eleventh column wherever the scope has KVM guests, and asking for it
 * without guests is a usage error rather than a column that holds for want of a guest.
 */
class GuestColumnTest {

    private static final String ARM64 = "arm64-kernel-default,arm64-kernel-follows,"
            + "arm64-per-group,arm64-irq-default,arm64-kernel-group,arm64-group-mapped";
    private static final String SMALL = "tasks=1,locks=0,hotplug=1";

    private static List<String> column(int guests) {
        CliRun r = CliRun.of("check", "--engine", "native", "--variant", ARM64, "--property",
                "no-guest-bypass", "--scope", SMALL + ",guests=" + guests);
        assertEquals(1, r.code(), r.err());
        return Arrays.stream(r.out().split("\n")).filter(l -> l.startsWith("arm64-"))
                .filter(l -> l.contains("viol") || l.contains("holds")).limit(6)
                .map(l -> l.replaceAll("\\s+", " ").trim()).toList();
    }

    @Test
    void vheGuestKernelsKeepAFreedPartidUnderEveryVariant() {
        // vcpu_load copies the VMM's PARTID; an rmdir meanwhile frees it (6 steps everywhere)
        assertEquals(List.of("arm64-kernel-default viol 6", "arm64-kernel-follows viol 6",
                "arm64-per-group viol 6", "arm64-irq-default viol 6",
                "arm64-kernel-group viol 6", "arm64-group-mapped viol 6"), column(1));
    }

    @Test
    void nvheGuestKernelsRunOnMpam1WhichOnlyFollowingKeepsEqualToMpam0() {
        // kernel-default, per-group and kernel-group run the guest kernel on MPAM1_EL1's own
        // label (5-7 steps); kernel-follows and irq-default break only through arm64 hotplug (8)
        assertEquals(List.of("arm64-kernel-default viol 6", "arm64-kernel-follows viol 8",
                "arm64-per-group viol 7", "arm64-irq-default viol 8",
                "arm64-kernel-group viol 5", "arm64-group-mapped viol 6"), column(2));
    }

    @Test
    void theGuestColumnIsNumberedElevenAndAbsentWithoutGuests() {
        CliRun r = CliRun.of("check", "--engine", "native", "--variant", "arm64-kernel-default",
                "--scope", SMALL + ",guests=2");
        assertTrue(r.out().contains("11 no-guest-bypass"), r.out());
        CliRun none = CliRun.of("check", "--variant", "x86-rdt", "--property", "no-guest-bypass");
        assertEquals(2, none.code());
        assertEquals("mpamcheck check: no-guest-bypass needs KVM guests in the scope: add "
                + "guests=1 (VHE) or guests=2 (nVHE) to --scope\n", none.err());
    }
}
