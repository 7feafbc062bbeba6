package org.mpamcheck.alloy;

import org.mpamcheck.Golden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import edu.mit.csail.sdg.alloy4.A4Reporter;
import edu.mit.csail.sdg.parser.CompModule;
import edu.mit.csail.sdg.parser.CompUtil;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mpamcheck.model.examples.Examples;
import org.mpamcheck.spec.Spec;

/**
 * The emitted modules, compared whole with golden files (regenerate with
 * {@code -Dgolden.update=true}), and each one accepted by Alloy's own parser.
 */
class AlloyEmitterTest {


    static List<Spec> specs() {
        return Examples.all();
    }

    private static void compareWithGolden(String file, String actual) throws IOException {
        Golden.compare("alloy/" + file, actual);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void temporalModuleMatchesItsGoldenFile(Spec spec) throws IOException {
        String text = AlloyEmitter.temporal(spec, 10);
        assertEquals(text, AlloyEmitter.temporal(spec, 10), "byte-stable");
        compareWithGolden(spec.name() + ".als", text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void inductionModuleMatchesItsGoldenFile(Spec spec) throws IOException {
        String text = AlloyEmitter.induction(spec, List.of(spec.invariants().get(0)));
        compareWithGolden(spec.name() + "_induction.als", text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void everyEmittedModuleParses(Spec spec) {
        CompModule temporal = CompUtil.parseEverything_fromString(new A4Reporter(),
                AlloyEmitter.temporal(spec, 4));
        assertEquals(spec.invariants().size(), temporal.getAllCommands().size());
        CompModule induction = CompUtil.parseEverything_fromString(new A4Reporter(),
                AlloyEmitter.induction(spec, spec.invariants()));
        assertEquals(1 + spec.actions().size(), induction.getAllCommands().size(),
                "initiation and one consecution check per action");
    }
}
