package org.mpamcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A proposal is one Java file, compiled and checked for one run without editing mpamcheck. */
class ProposalTest {

    private static final String SKIPS_IPI = "examples/proposals/MoveSkipsIpi.java";

    private static CliRun check(String... rest) {
        String[] args = new String[rest.length + 5];
        args[0] = "check";
        System.arraycopy(rest, 0, args, 1, rest.length);
        System.arraycopy(new String[] {"--engine", "native", "--scope", "small"}, 0, args,
                rest.length + 1, 4);
        return CliRun.of(args);
    }

    @Test
    void aProposalFromAFileIsCheckedAloneAndBreaksWhatItShould() {
        CliRun r = check("--proposal", SKIPS_IPI);
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("mpamcheck: 1 variant(s) x 10 properties"), r.out());
        // Without the IPI the running task keeps its old label: label-coherence in 4 steps.
        assertTrue(r.out().contains("move-skips-ipi violates label-coherence in 4 steps:"),
                r.out());
        assertTrue(r.out().contains("echo 101 > /sys/fs/resctrl/g1/tasks"), r.out());
    }

    @Test
    void aProposalRunsBesideTheBuiltInVariantsWhenAsked() {
        CliRun r = check("--proposal", SKIPS_IPI, "--variant", "arm64-kernel-follows",
                "--property", "label-coherence");
        assertEquals(1, r.code(), r.err());
        // The merged glue breaks it only through hotplug (5 steps); the proposal sooner.
        assertTrue(r.out().matches("(?s).*arm64-kernel-follows +viol 5\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*move-skips-ipi +viol 4\\n.*"), r.out());
    }

    @Test
    void theExampleProposalsCompileAndCheck() {
        for (String f : new String[] {"Arm64PerGroupIrq.java", "PlzaUnbindKeepsEnable.java",
            "MoveWithoutBarrier.java", "Arm64HotplugFix.java", "MpamRenameRefused.java"}) {
            CliRun r = check("--proposal", "examples/proposals/" + f, "--property",
                    "partid-exclusive");
            assertTrue(r.code() == 0 || r.code() == 1, f + ": " + r.err());
            assertEquals("", r.err().lines().filter(l -> l.contains("error"))
                    .reduce("", String::concat), f);
        }
    }

    @Test
    @DisplayName("the hotplug fix agrees with x86-rdt on every property (anchor 2 restored)")
    void theArm64HotplugFixAgreesWithX86() {
        CliRun r = check("--proposal", "examples/proposals/Arm64HotplugFix.java", "--variant",
                "x86-rdt");
        String fix = r.out().lines().filter(l -> l.startsWith("arm64-kernel-follows-hotplug-fix "))
                .findFirst().orElseThrow().replaceFirst("^\\S+", "").trim();
        String x86 = r.out().lines().filter(l -> l.startsWith("x86-rdt "))
                .findFirst().orElseThrow().replaceFirst("^\\S+", "").trim();
        assertEquals(x86, fix);
        assertTrue(x86.startsWith("holds  holds  holds  holds  holds"), x86);
    }

    @Test
    @DisplayName("MPAM: refusing a MON group rename to another parent restores what x86 holds")
    void theMpamRenameFixAgreesWithX86() {
        CliRun r = CliRun.of("check", "--engine", "native", "--scope",
                "tasks=1,monitors=1,locks=0,hotplug=0", "--proposal",
                "examples/proposals/MpamRenameRefused.java", "--variant",
                "arm64-kernel-follows,x86-rdt");
        assertEquals(1, r.code(), r.err());
        // docs/findings/mpam-mon-rename.md: the merged glue, 3 and 5 steps; the fix holds.
        assertTrue(r.out().matches("(?s).*\\narm64-kernel-follows +holds +viol 3 +viol 5 .*"),
                r.out());
        String fix = r.out().lines().filter(l -> l.startsWith("arm64-kernel-follows-rename-"))
                .findFirst().orElseThrow().replaceFirst("^\\S+", "").trim();
        String x86 = r.out().lines().filter(l -> l.startsWith("x86-rdt "))
                .findFirst().orElseThrow().replaceFirst("^\\S+", "").trim();
        assertEquals(x86, fix);
        assertTrue(x86.matches("holds +holds +holds +holds +holds .*"), x86);
    }

    @Test
    @DisplayName("without smp_mb() a move can leave a running task on its old label")
    void aMoveWithoutTheBarrierBreaksLabelCoherence() {
        CliRun r = CliRun.of("check", "--engine", "native", "--scope", "tasks=1,hotplug=0",
                "--proposal", "examples/proposals/MoveWithoutBarrier.java", "--variant",
                "arm64-kernel-follows", "--property", "label-coherence");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*arm64-kernel-follows +holds\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*move-without-barrier +viol 4\\n.*"), r.out());
    }

    @Test
    void aCompileErrorIsOneLineWithTheFileAndLine(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("Broken.java");
        Files.writeString(bad, "public class Broken implements org.mpamcheck.model"
                + ".KernelModePolicy {\n    int x = ;\n}\n");
        CliRun r = check("--proposal", bad.toString());
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("mpamcheck check: proposal " + bad + ":2: "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void aClassThatIsNoPolicyIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("NotAPolicy.java");
        Files.writeString(file, "public class NotAPolicy {}\n");
        CliRun r = check("--proposal", file.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("does not implement org.mpamcheck.model.KernelModePolicy"),
                r.err());
    }

    @Test
    void aMissingFileAndAClashingIdAreUsageErrors(@TempDir Path dir) throws IOException {
        CliRun missing = check("--proposal", "no/such/Proposal.java");
        assertEquals(2, missing.code());
        assertEquals("mpamcheck check: proposal no/such/Proposal.java: no such file\n",
                missing.err());
        Path same = dir.resolve("SameId.java");
        Files.writeString(same, "public class SameId extends org.mpamcheck.model.variants"
                + ".X86Rdt {}\n");
        Path again = dir.resolve("SameIdAgain.java");
        Files.writeString(again, "public class SameIdAgain extends org.mpamcheck.model.variants"
                + ".X86Rdt {}\n");
        CliRun clash = check("--proposal", same.toString(), "--proposal", again.toString());
        assertEquals(2, clash.code());
        assertTrue(clash.err().contains("proposal id 'x86-rdt' is already a variant"),
                clash.err());
    }
}
