package org.mpamcheck.cli;

import java.io.PrintStream;

/** Where a command writes: stdout for results, stderr for progress and errors. */
record Session(PrintStream out, PrintStream err, TerminalProgress progress) {
}
