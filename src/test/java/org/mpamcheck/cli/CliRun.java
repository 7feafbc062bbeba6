package org.mpamcheck.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One in-process run of the command line: exit code, stdout and stderr. */
record CliRun(int code, String out, String err) {

    /**
     * A run as a script would make it: no terminal and {@code --quiet}, so stderr holds only what
     * the command itself says (the progress lines have their own test, {@link #withProgress}).
     */
    static CliRun of(String... args) {
        if (args.length == 0 || java.util.Arrays.asList(args).contains("--quiet")
                || java.util.Arrays.asList(args).contains("--help")) {
            return withProgress(args);
        }
        String[] quiet = java.util.Arrays.copyOf(args, args.length + 1);
        quiet[args.length] = "--quiet";
        return withProgress(quiet);
    }

    /** A run without a terminal, progress lines and all. */
    static CliRun withProgress(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false).run(args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }
}
