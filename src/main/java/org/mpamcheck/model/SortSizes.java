package org.mpamcheck.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.Spec;

/**
 * The model at given sizes of its sorts (CPUs, tasks, PARTIDs ... by sort name), for engines
 * that find a counterexample at a size of their own choosing (the SMT proofs for every size) and
 * replay it natively. Which scope bound sizes which sort is found by growing each bound by one
 * and seeing which sort grows, so nothing here repeats the model's sort names.
 */
public final class SortSizes {

    private SortSizes() {
    }

    /** Builds the variant's spec over {@code base}, each named sort at the given size. */
    public static Function<Map<String, Integer>, Spec> of(KernelModePolicy policy, Scope base) {
        Map<String, String> keys = keysBySort(policy, base);
        return sizes -> {
            Scope s = base;
            for (Map.Entry<String, Integer> e : sizes.entrySet()) {
                String key = keys.get(e.getKey());
                if (key == null) {
                    throw new IllegalArgumentException("no scope bound sizes sort " + e.getKey());
                }
                s = s.with(key, e.getValue());
            }
            return ResctrlModel.spec(policy, s);
        };
    }

    /**
     * Sort name to the scope key that sets its size (its size is the bound itself): the bound
     * is moved by one (up, or down where it is at its maximum) and the sort that follows it is
     * the one it sizes.
     */
    static Map<String, String> keysBySort(KernelModePolicy policy, Scope base) {
        Map<String, Integer> before = sizes(ResctrlModel.spec(policy, base));
        Map<String, String> keys = new LinkedHashMap<>();
        for (String key : new String[] {"cpus", "tasks", "monitors", "partids", "pmgs", "locks"}) {
            Scope grown;
            try {
                grown = base.with(key, boundOf(base, key) + 1);
            } catch (IllegalArgumentException atTheTop) {
                try {
                    grown = base.with(key, boundOf(base, key) - 1);
                } catch (IllegalArgumentException atTheBottom) {
                    continue;
                }
            }
            Scope moved = grown;
            Map<String, Integer> after = sizes(ResctrlModel.spec(policy, moved));
            after.forEach((name, n) -> {
                if (n == boundOf(moved, key) && !n.equals(before.get(name))) {
                    keys.put(name, key);
                }
            });
        }
        return keys;
    }

    private static Map<String, Integer> sizes(Spec spec) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Sort s : spec.sorts()) {
            m.put(s.name(), s.size());
        }
        return m;
    }

    private static int boundOf(Scope s, String key) {
        switch (key) {
            case "cpus":
                return s.cpus();
            case "tasks":
                return s.tasks();
            case "monitors":
                return s.monitors();
            case "partids":
                return s.partids();
            case "pmgs":
                return s.pmgs();
            default:
                return s.locks();
        }
    }
}
