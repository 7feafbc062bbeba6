package org.mpamcheck.model;

import java.util.Collection;

/** "Did you mean" for unknown ids: the nearest valid id by edit distance. */
public final class Suggest {

    private Suggest() {
    }

    /** {@code "; nearest: x"}, or nothing when no id is reasonably close. */
    public static String nearest(String wrong, Collection<String> valid) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String v : valid) {
            int d = distance(wrong.toLowerCase(), v.toLowerCase());
            if (d < bestDistance) {
                best = v;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, best.length() / 2)
                ? "; nearest: " + best : "";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
