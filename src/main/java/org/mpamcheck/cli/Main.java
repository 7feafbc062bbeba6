package org.mpamcheck.cli;

/** The entry point of the jar: the only place the process exits. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = new Cli(System.out, System.err, System.console() != null).run(args);
        System.out.flush();
        System.exit(code);
    }
}
