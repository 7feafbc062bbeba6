package org.mpamcheck.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mpamcheck.model.Properties;
import org.mpamcheck.model.ResctrlModel;
import org.mpamcheck.model.Scope;
import org.mpamcheck.model.Variants;
import org.mpamcheck.spec.Spec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The successor function of one variant at ci, generated and interpreted, over the first 4,096
 * states of its breadth-first search: operations are states expanded. A benchmark, in the test
 * sources so it never ships; run it with
 * {@code mvn -o test-compile && java -cp "target/test-classes:target/classes:$(cat cp.txt)"
 * org.openjdk.jmh.Main SuccessorBenchmark} (cp.txt from {@code mvn dependency:build-classpath
 * -Dmdep.outputFile=cp.txt}).
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SuccessorBenchmark {

    @Param({"x86-plza"})
    public String variant;

    @Param({"generated", "interpreted"})
    public String mode;

    private Transitions transitions;
    private Frame frame;
    private long[][] sample;
    private int next;

    @Setup
    public void setUp() {
        Spec spec = ResctrlModel.withProperties(ResctrlModel.spec(Variants.byId(variant),
                Scope.ci()), List.copyOf(Properties.DESCRIPTIONS.keySet()));
        CompiledSpec compiled = new CompiledSpec(spec);
        transitions = mode.equals("generated") ? BytecodeCompiler.compile(compiled) : compiled;
        frame = compiled.newFrame();
        List<long[]> states = new ArrayList<>();
        states.add(compiled.layout.encode(spec.initialState()));
        java.util.Set<List<Long>> seen = new java.util.HashSet<>();
        for (int i = 0; i < states.size() && states.size() < 4096; i++) {
            compiled.successors(states.get(i), compiled.newFrame(), (a, b, n) -> {
                if (seen.add(java.util.Arrays.stream(n).boxed().toList())) {
                    states.add(n.clone());
                }
                return true;
            });
        }
        sample = states.toArray(long[][]::new);
    }

    @Benchmark
    public void expandOneState(Blackhole hole) {
        long[] s = sample[next];
        next = next + 1 == sample.length ? 0 : next + 1;
        transitions.successors(s, frame, (a, b, n) -> {
            hole.consume(n[0]);
            return true;
        });
    }
}
