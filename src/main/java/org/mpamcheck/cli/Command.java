package org.mpamcheck.cli;

import java.io.IOException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One sub-command: its options, one line of help, and what it does. */
interface Command {

    String name();

    /** The arguments after the name, for the usage line. */
    String synopsis();

    String summary();

    Options options();

    /** Runs the command; returns the exit code. */
    int run(CommandLine line, Session session) throws IOException;
}
