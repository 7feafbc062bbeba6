package org.mpamcheck.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bounds of one model instance. Control groups are named by the PARTID/CLOSID they hold
 * (closid_alloc hands out the lowest free one), so there are {@code partids - 1} control-group
 * slots besides the default group. {@code steps} bounds Alloy's traces (states, so a bound of 5
 * covers every counterexample of up to 4 transitions); SAT solving grows steeply with it.
 * {@code kthreads} of the tasks are kernel threads (at least one task stays a user task).
 */
public record Scope(String name, int cpus, int tasks, int monitors, int partids, int pmgs,
        int locks, int steps, int hotplug, int guests, int kthreads) {

    /** {@code guests}: 0 no KVM guests, {@link #GUESTS_VHE} or {@link #GUESTS_NVHE} (arm64). */
    public static final int GUESTS_VHE = 1;
    public static final int GUESTS_NVHE = 2;

    public Scope(String name, int cpus, int tasks, int monitors, int partids, int pmgs, int locks,
            int steps, int hotplug) {
        this(name, cpus, tasks, monitors, partids, pmgs, locks, steps, hotplug, 0, 0);
    }

    /** {@code hotplug} without a bound: CPUs go offline and online any number of times. */
    public static final int UNBOUNDED = -1;

    /** The keys a {@code KEY=N} override may name, in the order they print. */
    public static final List<String> KEYS =
            List.of("cpus", "tasks", "groups", "monitors", "partids", "pmgs", "locks", "steps",
                    "hotplug", "guests", "kthreads");

    public Scope {
        check("cpus", cpus, 1, 8);
        check("tasks", tasks, 1, 8);
        check("monitors", monitors, 0, 8);
        check("partids", partids, 2, 64);
        check("pmgs", pmgs, 1, 64);
        check("locks", locks, 0, 4);
        check("steps", steps, 1, 100);
        check("hotplug", hotplug, UNBOUNDED, 8);
        check("guests", guests, 0, GUESTS_NVHE);
        check("kthreads", kthreads, 0, tasks - 1);
    }

    public static Scope small() {
        return new Scope("small", 2, 1, 0, 2, 2, 0, 5, 1);
    }

    public static Scope ci() {
        return new Scope("ci", 2, 2, 0, 2, 2, 1, 5, UNBOUNDED);
    }

    /**
     * {@code ci} plus a monitor group: up to 133 million states, every variant complete in
     * minutes on two cores. (With a second control group as well, {@code --scope
     * partids=3,monitors=1}, arm64-kernel-default passed 623 million states and had not ended.)
     */
    public static Scope deep() {
        return new Scope("deep", 2, 2, 1, 2, 2, 1, 6, UNBOUNDED);
    }

    /** For induction proofs only: no search could enumerate it. */
    public static Scope proof() {
        return new Scope("proof", 8, 8, 2, 16, 2, 2, 5, UNBOUNDED);
    }

    /** The named scopes with a one-line description each. */
    public static Map<String, String> named() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("small", "a few thousand states per variant: quick checks with every engine");
        m.put("ci", "the default: the whole matrix with every engine in minutes");
        m.put("deep", "ci plus a monitor group: up to 133 million states, the native engine's ground");
        m.put("proof", "for mpamcheck prove only: induction at a realistic size");
        return m;
    }

    /** Control-group slots besides the default group. */
    public int groups() {
        return partids - 1;
    }

    /** Resolves {@code small|ci|deep} or {@code KEY=N,...} (over {@code ci}). */
    public static Scope parse(String text) {
        switch (text) {
            case "small":
                return small();
            case "ci":
                return ci();
            case "deep":
                return deep();
            case "proof":
                return proof();
            default:
                break;
        }
        if (!text.contains("=")) {
            throw new IllegalArgumentException("unknown scope '" + text
                    + "'; valid: small, ci, deep, proof or KEY=N,... with keys " + String.join(", ", KEYS)
                    + Suggest.nearest(text, List.of("small", "ci", "deep", "proof")));
        }
        Scope s = ci();
        for (String part : text.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2 || !KEYS.contains(kv[0].trim())) {
                throw new IllegalArgumentException("unknown scope key '" + kv[0].trim()
                        + "'; valid keys: " + String.join(", ", KEYS)
                        + Suggest.nearest(kv[0].trim(), KEYS));
            }
            int n;
            try {
                n = Integer.parseInt(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("scope key " + kv[0].trim()
                        + " needs an integer, got '" + kv[1].trim() + "'");
            }
            s = s.with(kv[0].trim(), n);
        }
        return s;
    }

    /** This scope with one bound changed; the name records the override. */
    public Scope with(String key, int n) {
        String nm = name.contains("=") ? name + "," + key + "=" + n : key + "=" + n;
        int[] v = {cpus, tasks, groups(), monitors, partids, pmgs, locks, steps, hotplug, guests,
                kthreads};
        int i = KEYS.indexOf(key);
        if (i < 0) {
            throw new IllegalArgumentException("unknown scope key '" + key + "'");
        }
        v[i] = n;
        int parts = key.equals("groups") ? n + 1 : v[4];
        return new Scope(nm, v[0], v[1], v[3], parts, v[5], v[6], v[7], v[8], v[9], v[10]);
    }

    private static void check(String key, int n, int lo, int hi) {
        if (n < lo || n > hi) {
            throw new IllegalArgumentException("scope bound " + key + "=" + n + " is outside "
                    + lo + ".." + hi);
        }
    }

    /** One line: {@code cpus=2 tasks=3 groups=2 monitors=1 partids=3 pmgs=3 locks=1}. */
    public String bounds() {
        return "cpus=" + cpus + " tasks=" + tasks + " groups=" + groups() + " monitors=" + monitors
                + " partids=" + partids + " pmgs=" + pmgs + " locks=" + locks + " hotplug="
                + (hotplug == UNBOUNDED ? "unbounded" : Integer.toString(hotplug))
                + (guests == 0 ? "" : " guests=" + (guests == GUESTS_VHE ? "1 (VHE)" : "2 (nVHE)"))
                + (kthreads == 0 ? "" : " kthreads=" + kthreads);
    }
}
