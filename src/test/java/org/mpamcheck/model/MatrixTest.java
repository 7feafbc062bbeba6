package org.mpamcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mpamcheck.check.Limits;
import org.mpamcheck.check.Progress;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Result;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.engine.NativeChecker;
import org.mpamcheck.engine.Successors;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.Trace;

/**
 * The variant x property matrix at the ci scope with the native engine, pinned cell by cell
 * (verdict and shortest counterexample length) with each variant's distinct-state count, and the
 * sanity anchors of MODEL.md stated as separate claims.
 */
class MatrixTest {

    /** Per variant: the ten cells in property order ("-" holds, N violated in N steps). */
    private static final Map<String, String> PINNED = Map.ofEntries(
            Map.entry("arm64-kernel-default", "7 7 6 5 5 - - 4 5 5"),
            Map.entry("arm64-kernel-follows", "7 7 6 5 7 8 4 - - 7"),
            Map.entry("arm64-per-group", "7 7 6 5 6 8 4 5 6 6"),
            Map.entry("arm64-irq-default", "7 7 6 5 7 8 - 4 - 7"),
            Map.entry("arm64-kernel-group", "7 7 6 5 4 - - 4 4 4"),
            Map.entry("arm64-group-mapped", "7 7 6 5 5 8 4 4 6 5"),
            Map.entry("x86-rdt", "- - - - - 8 4 - - -"),
            Map.entry("x86-plza", "6 - - - 4 8 4 4 4 4"),
            Map.entry("x86-plza/bound-inherit-mon", "- - - - 5 - - 4 5 -"),
            Map.entry("x86-plza/bound-assign-mon", "- - - - 5 - - 4 5 5"),
            Map.entry("x86-plza/unbound", "- - - - - 8 4 - - -"));

    /**
     * Distinct states with symmetry on, measured by the native engine at ci (TLC agrees). The
     * arm64 variants stop early only where every property breaks (per-group, group-mapped);
     * elsewhere the stale per-CPU defaults an arm64 hotplug leaves behind multiply the states.
     * x86-plza keeps the PLZA_EN of CPUs that were offline at unbind (v4).
     */
    private static final Map<String, Long> DISTINCT = Map.ofEntries(
            Map.entry("arm64-kernel-default", 684_680L),
            Map.entry("arm64-kernel-follows", 684_680L),
            Map.entry("arm64-per-group", 10_665L), Map.entry("arm64-irq-default", 684_680L),
            Map.entry("arm64-kernel-group", 1_159_928L),
            Map.entry("arm64-group-mapped", 15_957L), Map.entry("x86-rdt", 18_692L),
            Map.entry("x86-plza", 509_856L),
            Map.entry("x86-plza/bound-inherit-mon", 18_692L),
            Map.entry("x86-plza/bound-assign-mon", 18_692L),
            Map.entry("x86-plza/unbound", 18_692L));

    private static final Map<String, Result> RESULTS = new LinkedHashMap<>();
    private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

    @BeforeAll
    static void checkEveryVariant() {
        for (KernelModePolicy v : Variants.all()) {
            Spec spec = ResctrlModel.withProperties(ResctrlModel.spec(v, Scope.ci()),
                    List.copyOf(Properties.DESCRIPTIONS.keySet()));
            SPECS.put(v.id(), spec);
            RESULTS.put(v.id(), new NativeChecker().check(spec, Limits.DEFAULT, Progress.NONE));
        }
    }

    private static String cells(Result r) {
        StringBuilder b = new StringBuilder();
        for (PropertyResult p : r.properties()) {
            b.append(b.length() == 0 ? "" : " ").append(p.verdict() == Verdict.HOLDS ? "-"
                    : p.verdict() == Verdict.VIOLATED ? Integer.toString(
                            p.counterexample().orElseThrow().length()) : p.verdict().name());
        }
        return b.toString();
    }

    private static Verdict verdict(String variant, String property) {
        return RESULTS.get(variant).property(property).orElseThrow().verdict();
    }

    @Test
    void theMatrixIsPinnedCellByCell() {
        for (String v : Variants.ids()) {
            assertEquals(PINNED.get(v), cells(RESULTS.get(v)), v);
            assertEquals(DISTINCT.get(v), RESULTS.get(v).statistics().distinct(), v);
        }
    }

    @Test
    void everyCrossCarriesACounterexampleThatReplaysAndEndsInTheViolation() {
        for (String v : Variants.ids()) {
            Successors s = new Successors(SPECS.get(v));
            for (PropertyResult p : RESULTS.get(v).properties()) {
                if (p.verdict() == Verdict.VIOLATED) {
                    Trace t = p.counterexample().orElseThrow();
                    assertTrue(s.replays(t), v + " " + p.invariant());
                    assertTrue(!s.holds(SPECS.get(v).invariant(p.invariant()), t.last()));
                }
            }
        }
    }

    /** Whether the shortest counterexample takes a CPU offline (the arm64 hotplug finding). */
    private static boolean throughHotplug(String variant, String property) {
        return RESULTS.get(variant).property(property).orElseThrow().counterexample()
                .orElseThrow().steps().stream().anyMatch(st -> st.action().action()
                        .equals(CoreSteps.CPU_OFFLINE.name()));
    }

    private static final List<String> BOOKKEEPING = List.of("partid-exclusive",
            "monitor-exclusive", "default-fallback", "label-coherence");

    @Test
    @DisplayName("anchor 1, restated: bookkeeping holds on x86; hotplug breaks arm64 and PLZA v4")
    void anchor1BookkeepingHoldsOnX86AndBreaksThroughArm64Hotplug() {
        for (String v : Variants.ids()) {
            for (String p : BOOKKEEPING) {
                if (v.equals("x86-plza") && p.equals("partid-exclusive")) {
                    // v4's unbind IPI skips offline CPUs: one comes back on a freed CLOSID.
                    assertEquals(Verdict.VIOLATED, verdict(v, p), v + " " + p);
                    assertTrue(throughHotplug(v, p), v + " " + p);
                } else if (v.startsWith("x86")) {
                    assertEquals(Verdict.HOLDS, verdict(v, p), v + " " + p);
                } else {
                    assertEquals(Verdict.VIOLATED, verdict(v, p), v + " " + p);
                    assertTrue(throughHotplug(v, p), v + " " + p);
                }
            }
        }
    }

    @Test
    @DisplayName("anchor 2, restated: x86-rdt and arm64-kernel-follows agree but for hotplug")
    void anchor2X86AndMergedArm64AgreeButForHotplug() {
        for (String p : Properties.ids()) {
            if (verdict("x86-rdt", p) != verdict("arm64-kernel-follows", p)) {
                assertTrue(throughHotplug("arm64-kernel-follows", p), p);
            }
        }
    }

    @Test
    @DisplayName("anchor 3: kernel-follows trades interrupts and lock holders for no bypass")
    void anchor3KernelFollows() {
        expect("arm64-kernel-follows", Verdict.HOLDS, "stable-kernel-label",
                "all-partids-usable");
        expect("arm64-kernel-follows", Verdict.VIOLATED, "no-priority-inversion",
                "irq-isolation");
        // no-user-bypass breaks only through the stale default hotplug leaves behind.
        assertTrue(throughHotplug("arm64-kernel-follows", "no-user-bypass"));
    }

    @Test
    @DisplayName("anchor 4: kernel-default is exactly the reverse trade")
    void anchor4KernelDefault() {
        expect("arm64-kernel-default", Verdict.HOLDS, "no-priority-inversion", "irq-isolation");
        expect("arm64-kernel-default", Verdict.VIOLATED, "no-user-bypass",
                "stable-kernel-label", "all-partids-usable");
    }

    @Test
    @DisplayName("anchor 5: irq-default isolates interrupts at the price of a label switch")
    void anchor5IrqDefault() {
        expect("arm64-irq-default", Verdict.HOLDS, "irq-isolation");
        assertTrue(throughHotplug("arm64-irq-default", "no-user-bypass"));
        expect("arm64-irq-default", Verdict.VIOLATED, "no-priority-inversion",
                "stable-kernel-label");
    }

    @Test
    @DisplayName("anchor 6: PLZA lets kernel work run under the bound group's CLOSID")
    void anchor6Plza() {
        expect("x86-plza", Verdict.VIOLATED, "no-user-bypass");
    }

    @Test
    @DisplayName("PLZA bound: lock holders and interrupts on the kernel group; unbound is x86-rdt")
    void plzaConfigurationsApart() {
        for (String bound : List.of("x86-plza/bound-inherit-mon", "x86-plza/bound-assign-mon")) {
            expect(bound, Verdict.HOLDS, "no-priority-inversion", "irq-isolation");
            expect(bound, Verdict.VIOLATED, "no-user-bypass", "all-partids-usable");
        }
        expect("x86-plza/bound-inherit-mon", Verdict.HOLDS, "monitor-attribution");
        expect("x86-plza/bound-assign-mon", Verdict.VIOLATED, "monitor-attribution");
        for (String p : Properties.ids()) {
            assertEquals(verdict("x86-rdt", p), verdict("x86-plza/unbound", p), p);
        }
    }

    private static void expect(String variant, Verdict verdict, String... properties) {
        for (String p : properties) {
            assertEquals(verdict, verdict(variant, p), variant + " " + p);
        }
    }
}
