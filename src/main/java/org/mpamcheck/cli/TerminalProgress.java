package org.mpamcheck.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;
import org.mpamcheck.check.Progress;

/**
 * Which check runs and how far it got, on stderr. On a terminal: one rewritten line, at most
 * twice a second. Without one (a CI log): a line when each check starts and then one every few
 * seconds, like TLC's progress lines, so a long run is never silent. {@code --quiet}: nothing.
 */
final class TerminalProgress {

    /** How progress is shown. */
    enum Mode { TERMINAL, LINES, QUIET }

    /** The interval between two progress lines without a terminal. */
    static final long LINE_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintStream err;
    private final Mode mode;
    private final long intervalNanos;
    private long lastNanos;

    TerminalProgress(PrintStream err, boolean terminal) {
        this(err, terminal ? Mode.TERMINAL : Mode.LINES, LINE_INTERVAL_NANOS);
    }

    TerminalProgress(PrintStream err, Mode mode, long lineIntervalNanos) {
        this.err = err;
        this.mode = mode;
        this.intervalNanos = mode == Mode.TERMINAL ? 500_000_000L : lineIntervalNanos;
    }

    /** A progress sink for one check, labelled {@code what}. */
    Progress forCheck(String what) {
        if (mode == Mode.QUIET) {
            return Progress.NONE;
        }
        if (mode == Mode.LINES) {
            synchronized (this) {
                err.println("mpamcheck: " + what + ": started");
                err.flush();
                lastNanos = System.nanoTime();
            }
        }
        return (phase, distinct, generated, depth, seconds) -> {
            synchronized (this) {
                long now = System.nanoTime();
                if (now - lastNanos < intervalNanos) {
                    return;
                }
                lastNanos = now;
                String figures = String.format(Locale.ROOT, "%s, %,d states, %,.0f/s, depth %d,"
                        + " %.0f s", phase, distinct, seconds > 0 ? distinct / seconds : 0.0,
                        depth, seconds);
                if (mode == Mode.TERMINAL) {
                    err.print("\r\033[K" + what + ": " + figures);
                } else {
                    err.println("mpamcheck: " + what + ": " + figures);
                }
                err.flush();
            }
        };
    }

    /** A free-form status line (what a proof is solving now), for runs that count no states. */
    Consumer<String> forStatus(String what) {
        if (mode == Mode.QUIET) {
            return text -> { };
        }
        return text -> {
            synchronized (this) {
                if (mode == Mode.TERMINAL) {
                    err.printf(Locale.ROOT, "\r\033[K%s: %s", what, text);
                } else {
                    long now = System.nanoTime();
                    if (now - lastNanos < intervalNanos) {
                        return;
                    }
                    lastNanos = now;
                    err.println("mpamcheck: " + what + ": " + text);
                }
                err.flush();
            }
        };
    }

    /** Clears the line once a run is over. */
    void done() {
        if (mode == Mode.TERMINAL) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
