package org.mpamcheck.smt;

/**
 * A spec construct outside what the SMT encoding covers (say arithmetic on PARTIDs, or an initial
 * value that names one CPU): the proof is then INCOMPLETE, with this message, never PROVED.
 */
public final class EncodingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EncodingException(String message) {
        super(message);
    }
}
