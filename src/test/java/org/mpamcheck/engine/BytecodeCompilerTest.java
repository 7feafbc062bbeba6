package org.mpamcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mpamcheck.check.Limits;
import org.mpamcheck.check.Progress;
import org.mpamcheck.check.Result;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.Properties;
import org.mpamcheck.model.ResctrlModel;
import org.mpamcheck.model.Scope;
import org.mpamcheck.model.Variants;
import org.mpamcheck.model.examples.Examples;
import org.mpamcheck.spec.Spec;

/**
 * The generated successor functions are checked against the interpreter, the reference: on every
 * variant and every example, with symmetry on and off, both engines report the same verdicts,
 * the same counterexamples step by step, the same counts and the same per-action coverage; and
 * with two workers the same counterexamples again (which worker finds a state first must not
 * matter).
 */
class BytecodeCompilerTest {

    static List<Spec> specs() {
        List<Spec> out = new ArrayList<>(Examples.all());
        out.add(Examples.symmetricTokens(5, 4, 2));
        for (KernelModePolicy v : Variants.all()) {
            out.add(ResctrlModel.withProperties(ResctrlModel.spec(v, Scope.small()),
                    List.copyOf(Properties.DESCRIPTIONS.keySet())).renamed(
                            v.id().replace('-', '_').replace('/', '_'), v.id()));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void generatedCodeAgreesWithTheInterpreterOnEverySpec(Spec spec) {
        for (boolean symmetry : new boolean[] {false, true}) {
            Limits limits = Limits.DEFAULT.withWorkers(1).withSymmetry(symmetry);
            Result reference = NativeChecker.interpreted().check(spec, limits, Progress.NONE);
            Result generated = new NativeChecker().check(spec, limits, Progress.NONE);
            assertEquals(reference.properties(), generated.properties(), spec.name());
            assertEquals(reference.statistics().distinct(), generated.statistics().distinct());
            assertEquals(reference.statistics().generated(), generated.statistics().generated());
            assertEquals(reference.statistics().depth(), generated.statistics().depth());
            assertEquals(reference.coverage(), generated.coverage());
            Result twoWorkers = new NativeChecker().check(spec, limits.withWorkers(2),
                    Progress.NONE);
            assertEquals(reference.properties(), twoWorkers.properties(),
                    "the same counterexamples with two workers");
            assertEquals(reference.statistics().distinct(), twoWorkers.statistics().distinct());
            assertEquals(reference.coverage().stream().map(c -> c.fired()).toList(),
                    twoWorkers.coverage().stream().map(c -> c.fired()).toList());
        }
    }
}
