package org.mpamcheck.spec;

/**
 * A case the kernel refuses with an errno: when {@code when} holds the action instance changes no
 * state (it is not a transition). Recorded so that reports and tests can name the errno.
 */
public record Refusal(String errno, Expr when, String cite) {

    public Refusal {
        Sort.checkIdentifier("errno", errno);
        Checks.bool("refusal " + errno, when);
        cite = cite == null ? "" : cite;
    }
}
