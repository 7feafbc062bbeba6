package org.mpamcheck.engine;

import java.util.ArrayList;
import java.util.List;
import org.mpamcheck.spec.ActionInstance;
import org.mpamcheck.spec.Trace;

/**
 * Rebuilds a counterexample by re-execution: the search keeps only fingerprints and parent slots,
 * so from the real initial state each step takes the first enabled action instance (in action and
 * parameter order) whose successor has the next fingerprint on the parent chain. Under symmetry
 * the fingerprints are of orbit representatives, so this replay is also what makes the reported
 * trace a real behaviour of the spec.
 */
final class TraceBuilder {

    private TraceBuilder() {
    }

    static Trace build(BreadthFirstSearch search, Transitions transitions, int target) {
        CompiledSpec compiled = search.spec;
        int[] path = path(search.table, target);
        long[] current = compiled.layout.encode(compiled.spec.initialState());
        long[] scratch = new long[compiled.layout.words()];
        Frame f = compiled.newFrame();
        List<Trace.Step> steps = new ArrayList<>();
        for (int k = 1; k < path.length; k++) {
            long wanted = search.table.fingerprint(path[k]);
            long[][] found = new long[1][];
            ActionInstance[] action = new ActionInstance[1];
            transitions.successors(current, f, (a, bound, next) -> {
                if (search.fingerprintOf(next, scratch) == wanted) {
                    found[0] = next.clone();
                    action[0] = compiled.instance(a, bound);
                    return false;
                }
                return true;
            });
            if (found[0] == null) {
                throw new IllegalStateException("no step reproduces the state at depth " + k);
            }
            current = found[0];
            steps.add(new Trace.Step(action[0], compiled.layout.decode(current)));
        }
        return new Trace(compiled.spec.initialState(), steps);
    }

    /** The slots from the initial state to {@code slot}, following parents. */
    private static int[] path(FingerprintTable table, int slot) {
        List<Integer> rev = new ArrayList<>();
        for (int i = slot; i != FingerprintTable.NONE; i = table.parent(i)) {
            rev.add(i);
        }
        int[] out = new int[rev.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = rev.get(out.length - 1 - k);
        }
        return out;
    }
}
