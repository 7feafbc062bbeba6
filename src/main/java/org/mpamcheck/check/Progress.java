package org.mpamcheck.check;

/**
 * Where a long run reports how far it got. Called from the checker's threads at most a few times a
 * second; implementations must be thread-safe and must not throw.
 */
@FunctionalInterface
public interface Progress {

    Progress NONE = (phase, distinct, generated, depth, seconds) -> { };

    void update(String phase, long distinct, long generated, int depth, double seconds);
}
