package org.mpamcheck.tla;

import org.mpamcheck.Golden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mpamcheck.spec.Spec;

/**
 * Whole-file golden tests: the exported module and configuration of each example, byte for byte.
 * Regenerate with {@code mvn verify -Dgolden.update=true} and review the diff.
 */
class TlaEmitterGoldenTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "tla");

    static List<Spec> specs() {
        return TlaTestSpecs.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void moduleAndConfigMatchTheGoldenFiles(Spec spec) throws IOException {
        TlaModule m = TlaEmitter.emit(spec, true);
        compare(GOLDEN.resolve(m.tlaFileName()), m.tla());
        compare(GOLDEN.resolve(m.cfgFileName()), m.cfg());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void outputIsByteStableAndOnlyTheConfigDependsOnSymmetry(Spec spec) {
        TlaModule on = TlaEmitter.emit(spec, true);
        TlaModule off = TlaEmitter.emit(spec, false);
        assertEquals(on, TlaEmitter.emit(spec, true));
        assertEquals(on.tla(), off.tla());
        assertTrue(on.cfg().contains("SYMMETRY"));
        assertTrue(!off.cfg().contains("SYMMETRY"));
    }

    private static void compare(Path golden, String actual) throws IOException {
        Golden.compare(Path.of("src/test/resources/golden").relativize(golden).toString(), actual);
    }
}
