package org.mpamcheck.cli;

import java.util.Locale;

/**
 * The TLC child JVM's heap, from {@code MPAMCHECK_TLC_HEAP} (a Java heap size: {@code 4g},
 * {@code 4096m}): TLC runs in its own JVM, so {@code MPAMCHECK_HEAP} cannot help it.
 */
final class TlcHeap {

    private TlcHeap() {
    }

    /** The size in megabytes, {@code fallback} when unset; a malformed value is a usage error. */
    static long megabytes(String value, long fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.matches("[0-9]{1,7}[mg]")) {
            long n = Long.parseLong(v.substring(0, v.length() - 1));
            long mb = v.endsWith("g") ? n * 1024 : n;
            if (mb >= 64) {
                return mb;
            }
        }
        throw new UsageException("MPAMCHECK_TLC_HEAP must be a heap size of at least 64m, like "
                + "4g or 4096m, got '" + value + "'");
    }
}
