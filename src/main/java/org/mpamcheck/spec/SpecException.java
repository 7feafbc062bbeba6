package org.mpamcheck.spec;

/** A spec is ill-formed; the message names the offending term. */
public final class SpecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SpecException(String message) {
        super(message);
    }
}
