package org.mpamcheck.engine;

/** Evaluation went outside the spec's semantics (Min of {}, a value outside its sort). */
final class EvaluationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    EvaluationException(String message) {
        super(message);
    }
}
