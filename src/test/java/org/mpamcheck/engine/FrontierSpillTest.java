package org.mpamcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mpamcheck.check.Limits;
import org.mpamcheck.check.Progress;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Result;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.model.Properties;
import org.mpamcheck.model.ResctrlModel;
import org.mpamcheck.model.Scope;
import org.mpamcheck.model.Variants;
import org.mpamcheck.model.examples.Examples;
import org.mpamcheck.spec.Spec;

/**
 * Levels of the frontier written to disk and read back: the search expands the same states in
 * the same order, so with every level spilled (and the table growing while levels are on disk)
 * the counts, verdicts, counterexamples and coverage are those of a search held in memory; the
 * temporary files are gone however the run ends; a disk that cannot take them is an error.
 */
class FrontierSpillTest {

    @TempDir
    Path spillParent;

    /** Real variants with every property: some are violated (traces), some hold (whole space). */
    static Stream<Spec> variants() {
        return Stream.of("x86-plza", "arm64-kernel-default").map(id -> ResctrlModel.withProperties(
                ResctrlModel.spec(Variants.byId(id), Scope.parse("small")),
                List.copyOf(Properties.DESCRIPTIONS.keySet())).renamed(
                        id.replace('-', '_'), id));
    }

    private NativeChecker spillingEveryLevel() {
        return new NativeChecker(false, 0, FrontierSpill.Policy.always(spillParent));
    }

    private static List<Long> fired(Result r) {
        return r.coverage().stream().map(c -> c.fired()).toList();
    }

    private void assertNoFilesLeft() throws IOException {
        try (Stream<Path> left = Files.list(spillParent)) {
            assertEquals(List.of(), left.toList(), "the spill directory and files are deleted");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void spillingEveryLevelChangesNoCountVerdictOrTrace(Spec spec) throws IOException {
        for (boolean symmetry : new boolean[] {false, true}) {
            for (int workers = 1; workers <= 2; workers++) {
                Limits limits = Limits.DEFAULT.withSymmetry(symmetry).withWorkers(workers);
                String where = spec.name() + " symmetry " + symmetry + ", " + workers + " workers";
                Result memory = new NativeChecker().check(spec, limits, Progress.NONE);
                NativeChecker spilling = spillingEveryLevel();
                Result disk = spilling.check(spec, limits, Progress.NONE);
                assertTrue(memory.properties().stream().anyMatch(p -> p.verdict()
                        == Verdict.VIOLATED), where + ": some trace to compare");
                assertTrue(memory.properties().stream().anyMatch(p -> p.verdict()
                        == Verdict.HOLDS), where + ": the whole state space explored");
                assertEquals(memory.properties(), disk.properties(), where);
                assertEquals(memory.statistics().distinct(), disk.statistics().distinct(), where);
                assertEquals(memory.statistics().generated(), disk.statistics().generated(),
                        where);
                assertEquals(memory.statistics().depth(), disk.statistics().depth(), where);
                // with two workers which action finds a state first varies: only what fired
                assertEquals(workers == 1 ? memory.coverage() : fired(memory),
                        workers == 1 ? disk.coverage() : fired(disk), where);
                NativeChecker.StoreFigures store = spilling.lastStore().orElseThrow();
                assertTrue(store.peakSpilledBytes() > 0, where + ": levels went to disk");
                assertNoFilesLeft();
            }
        }
    }

    @Test
    void aSearchHeldInMemoryWritesNothing() {
        NativeChecker checker = new NativeChecker();
        checker.check(Examples.symmetricTokens(5, 4, 2), Limits.DEFAULT, Progress.NONE);
        assertEquals(0, checker.lastStore().orElseThrow().peakSpilledBytes());
    }

    @Test
    void theFilesAreGoneWhenALimitOrAnErrorEndsTheRun() throws IOException {
        Result limited = spillingEveryLevel().check(Examples.symmetricTokens(7, 6, 3),
                Limits.DEFAULT.withSymmetry(false).withMaxStates(50_000), Progress.NONE);
        assertEquals(Verdict.INCOMPLETE, limited.properties().get(0).verdict());
        assertNoFilesLeft();
        Result timedOut = spillingEveryLevel().check(Examples.symmetricTokens(7, 6, 3),
                Limits.DEFAULT.withSymmetry(false).withTimeout(java.time.Duration.ofMillis(50)),
                Progress.NONE);
        assertEquals(Verdict.INCOMPLETE, timedOut.properties().get(0).verdict());
        assertNoFilesLeft();
    }

    @Test
    void theDirectoryOfAKilledSearchIsRemovedByTheNextOneThatSpills() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path left = Files.createDirectory(spillParent.resolve("mpamcheck-frontier-" + gone.pid()
                + "-1234"));
        Files.writeString(left.resolve("level-0.bin"), "a level a killed JVM could not unlink");
        Path live = Files.createDirectory(spillParent.resolve("mpamcheck-frontier-"
                + ProcessHandle.current().pid() + "-5678"));
        Path unknown = Files.createDirectory(spillParent.resolve("mpamcheck-frontier-x-1"));
        spillingEveryLevel().check(Examples.symmetricTokens(5, 4, 2), Limits.DEFAULT,
                Progress.NONE);
        assertFalse(Files.exists(left), "the directory of a process that is gone");
        assertTrue(Files.exists(live), "a live process's directory is left alone");
        assertTrue(Files.exists(unknown), "a name without a process id is left alone");
        Files.delete(live);
        Files.delete(unknown);
        assertNoFilesLeft();
    }

    @Test
    void aDirectoryRemovedUnderTheSearchIsMadeAgain() throws IOException {
        try (FrontierSpill spill = new FrontierSpill(FrontierSpill.Policy.always(spillParent), 0)) {
            spill.newFile().close();
            try (Stream<Path> dirs = Files.list(spillParent)) {
                for (Path dir : dirs.toList()) {
                    Files.delete(dir);
                }
            }
            spill.newFile().write(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}));
        }
        assertNoFilesLeft();
    }

    @Test
    void aSpillDirectoryThatCannotBeMadeIsAnErrorNamingItNeverAPass() throws IOException {
        Path notADirectory = Files.writeString(spillParent.resolve("plain-file"), "");
        Result r = new NativeChecker(false, 0, FrontierSpill.Policy.always(notADirectory))
                .check(Examples.symmetricTokens(5, 4, 2), Limits.DEFAULT, Progress.NONE);
        PropertyResult p = r.properties().get(0);
        assertEquals(Verdict.ERROR, p.verdict());
        assertTrue(p.message().startsWith("cannot spill the search frontier to "
                + notADirectory + ": "), p.message());
        assertFalse(p.message().contains("\n"), p.message());
        assertEquals("the frontier could not go to disk", r.note());
    }

    @Test
    void levelsOnDiskDoNotCountAgainstTheMemoryBudget() {
        Spec spec = ResctrlModel.withProperties(ResctrlModel.spec(Variants.byId("x86-plza"),
                Scope.parse("small")), List.of());
        Limits limits = Limits.DEFAULT.withSymmetry(false).withWorkers(1);
        NativeChecker inMemory = new NativeChecker();
        inMemory.check(spec, limits, Progress.NONE);
        // about what the table needs to grow to its last size (1.4 MB, 2.8 MB and the moves)
        long budget = 5000L << 10;
        NativeChecker spilling = new NativeChecker(false, budget,
                FrontierSpill.Policy.always(spillParent));
        Result r = spilling.check(spec, limits, Progress.NONE);
        assertEquals(82_688, r.statistics().distinct(), "the whole state space (BenchCommandTest)");
        NativeChecker.StoreFigures store = spilling.lastStore().orElseThrow();
        assertTrue(store.peakSpilledBytes() > 0, store.toString());
        assertTrue(store.tableBytes() + store.peakFrontierBytes() <= budget, store.toString());
        assertTrue(store.peakFrontierBytes()
                < inMemory.lastStore().orElseThrow().peakFrontierBytes(), store.toString());
    }

    /** A batch of {@code n} states of two words, numbered from {@code first}, slot = number. */
    private static LevelBatch batch(int first, int n) {
        LevelBatch b = new LevelBatch(2, 0);
        for (int k = first; k < first + n; k++) {
            b.add(new long[] {k, -k}, 0, k, 1000 + k, 2000 + k);
        }
        return b;
    }

    @Test
    void aLevelSpilledWhileBeingReadHandsOutTheRestInOrder() throws IOException {
        try (FrontierSpill spill = new FrontierSpill(FrontierSpill.Policy.always(spillParent),
                1 << 20)) {
            Frontier level = new Frontier(2, spill);
            for (int i = 0; i < 5; i++) {
                level.add(batch(100 * i, 30 + i), 7);
            }
            level.add(batch(999, 0), 7);
            assertEquals(30 + 31 + 32 + 33 + 34, level.states());
            assertEquals(0, level.next(7).packed[0]);
            level.spill(7);
            // read back in the generation written: slots kept; after a growth: to be found again
            LevelBatch second = level.next(7);
            assertEquals(31, second.size);
            assertEquals(List.of(100L, -100L, 1100L, 2100L, 100L),
                    List.of(second.packed[0], second.packed[1], second.fingerprints[0],
                            second.parentFingerprints[0], (long) second.slots[0]));
            assertEquals(-1, level.next(8).slots[0]);
            assertEquals(300, level.next(8).packed[0]);
            LevelBatch last = level.next(8);
            assertEquals(34, last.size);
            assertEquals(433, last.packed[2 * 33]);
            assertEquals(-433, last.packed[2 * 33 + 1]);
            assertEquals(null, level.next(8), "the empty batch was dropped");
            assertTrue(spill.peakDiskBytes() > 0);
            level.release();
        }
        assertNoFilesLeft();
    }
}
