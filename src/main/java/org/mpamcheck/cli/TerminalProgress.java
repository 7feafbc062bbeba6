package org.mpamcheck.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.mpamcheck.check.Progress;

/** Which check runs and how far it got, on one rewritten stderr line, at most twice a second. */
final class TerminalProgress {

    private final PrintStream err;
    private final boolean enabled;
    private long lastNanos;

    TerminalProgress(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** A progress sink for one check, labelled {@code what}. */
    Progress forCheck(String what) {
        if (!enabled) {
            return Progress.NONE;
        }
        return (phase, distinct, generated, depth, seconds) -> {
            synchronized (this) {
                long now = System.nanoTime();
                if (now - lastNanos < 500_000_000L) {
                    return;
                }
                lastNanos = now;
                err.printf(Locale.ROOT, "\r\033[K%s: %s, %,d states, %,.0f/s, depth %d, %.0f s",
                        what, phase, distinct, seconds > 0 ? distinct / seconds : 0.0, depth,
                        seconds);
                err.flush();
            }
        };
    }

    /** A free-form status line (what a proof is solving now), for runs that count no states. */
    java.util.function.Consumer<String> forStatus(String what) {
        if (!enabled) {
            return text -> { };
        }
        return text -> {
            synchronized (this) {
                err.printf(Locale.ROOT, "\r\033[K%s: %s", what, text);
                err.flush();
            }
        };
    }

    /** Clears the line once a run is over. */
    void done() {
        if (enabled) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
