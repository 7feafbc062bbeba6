package org.mpamcheck.check;

/**
 * How often one action fired in a search: {@code fired} successor states it generated (enabled
 * parameter instances, over every expanded state) and {@code newStates} of them not seen before.
 * An action with {@code fired == 0} never ran at the scope: whatever it models went unchecked.
 */
public record ActionCoverage(String action, long fired, long newStates) {
}
