package org.mpamcheck.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mpamcheck.spec.ActionInstance;
import org.mpamcheck.spec.Trace;

/**
 * Turns a stored path of canonical states into a concrete trace: from the real initial state,
 * each step takes the first enabled action instance whose successor has the next stored state as
 * its canonical form. Under symmetry the stored states are orbit representatives, so this replay
 * is what makes the reported trace a real behaviour of the spec.
 */
final class TraceBuilder {

    private TraceBuilder() {
    }

    static Trace build(BreadthFirstSearch search, CompiledSpec compiled, int target) {
        int[] path = search.path(target);
        long[] current = compiled.layout.encode(compiled.spec.initialState());
        long[] wanted = new long[compiled.layout.words()];
        Frame f = compiled.newFrame();
        List<Trace.Step> steps = new ArrayList<>();
        for (int k = 1; k < path.length; k++) {
            search.store.read(path[k], wanted);
            long[][] found = new long[1][];
            ActionInstance[] action = new ActionInstance[1];
            compiled.successors(current, f, (a, bound, next) -> {
                if (Arrays.equals(search.canonicalPacked(next), wanted)) {
                    found[0] = next;
                    action[0] = compiled.instance(a, bound);
                    return false;
                }
                return true;
            });
            if (found[0] == null) {
                throw new IllegalStateException("no step reproduces stored state " + path[k]);
            }
            current = found[0];
            steps.add(new Trace.Step(action[0], compiled.layout.decode(current)));
        }
        return new Trace(compiled.spec.initialState(), steps);
    }
}
