package org.mpamcheck.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.mpamcheck.model.Suggest;

/**
 * The command line: dispatches to the sub-commands and turns every failure into one line on
 * stderr and an exit code (DESIGN.md): 0 all hold, 1 a violation, 2 bad usage or input, 3
 * incomplete or a checker failed.
 */
public final class Cli {

    static final String VERSION = "mpamcheck 0.1.0 (TLC 2.18, Alloy 6.2.0)";

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    public Cli(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        for (Command c : List.of(new ListCommand(), new CheckCommand(), new ExplainCommand(),
                new CompareCommand(), new ExportCommand(), new ProveCommand(), new BenchCommand())) {
            commands.put(c.name(), c);
        }
    }

    public int run(String... args) {
        if (args.length == 0) {
            err.println("mpamcheck: a command is needed; valid: "
                    + String.join(", ", commands.keySet()) + " (see mpamcheck --help)");
            return 2;
        }
        if (args[0].equals("--version")) {
            out.println(VERSION);
            return 0;
        }
        if (args[0].equals("--help") || args[0].equals("help")) {
            out.print(usage());
            return 0;
        }
        Command c = commands.get(args[0]);
        if (c == null) {
            err.println("mpamcheck: unknown command '" + args[0] + "'; valid: "
                    + String.join(", ", commands.keySet())
                    + Suggest.nearest(args[0], commands.keySet()));
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            Options options = c.options();
            options.addOption(Selection.option("help", null, "show this help"));
            options.addOption(Selection.option("quiet", null, "no progress lines on stderr"));
            CommandLine line = new DefaultParser().parse(options, rest);
            Selection.refuseRepeats(line);
            if (line.hasOption("help")) {
                out.print(help(c, options));
                return 0;
            }
            if (!line.getArgList().isEmpty()) {
                throw new UsageException("unexpected argument '" + line.getArgList().get(0)
                        + "' (options are --name VALUE)");
            }
            TerminalProgress progress = line.hasOption("quiet")
                    ? new TerminalProgress(err, TerminalProgress.Mode.QUIET, 0)
                    : new TerminalProgress(err, terminal);
            return c.run(line, new Session(out, err, progress));
        } catch (ParseException e) {
            err.println("mpamcheck " + c.name() + ": " + oneLine(e.getMessage()));
            return 2;
        } catch (UsageException e) {
            err.println("mpamcheck " + c.name() + ": " + e.getMessage());
            return 2;
        } catch (IOException e) {
            // Usable output paths are checked before any work: a failure now is the system's
            err.println("mpamcheck " + c.name() + ": cannot write: " + OutputFile.describe(e));
            return 3;
        } catch (OutOfMemoryError e) {
            err.println("mpamcheck " + c.name() + ": out of memory (raise MPAMCHECK_HEAP)");
            return 3;
        } catch (RuntimeException e) {
            err.println("mpamcheck " + c.name() + ": internal error: " + e);
            return 3;
        }
    }

    private static String oneLine(String message) {
        return message.replace('\n', ' ').replace("Unrecognized option", "unknown option");
    }

    String usage() {
        StringBuilder b = new StringBuilder(VERSION + "\n"
                + "Checks which kernel-mode labelling policy for Arm MPAM and x86 RDT/PLZA keeps\n"
                + "which resctrl guarantee, with three model checkers that must agree.\n\n"
                + "usage: mpamcheck COMMAND [OPTIONS]   (mpamcheck COMMAND --help for options)\n\n");
        for (Command c : commands.values()) {
            b.append(String.format("  %-8s %s%n", c.name(), c.summary()));
        }
        b.append("\nexit codes: 0 all hold, 1 a violation, 2 bad usage or input, "
                + "3 incomplete or a checker failed\n");
        return b.toString();
    }

    private static String help(Command c, Options options) {
        StringWriter w = new StringWriter();
        new HelpFormatter().printHelp(new PrintWriter(w), 100, "mpamcheck " + c.name() + " "
                + c.synopsis(), c.summary(), options, 2, 2, "", false);
        return w.toString();
    }
}
