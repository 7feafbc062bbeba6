package org.mpamcheck.cli;

/** Bad usage or input: one line on stderr and exit code 2. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
