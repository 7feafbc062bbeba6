package org.mpamcheck.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Who wrote a machine-readable report and when: the tool's version line and a UTC timestamp
 * (to the second). The command line supplies it, so renderers stay free of clocks and globals.
 */
public record Provenance(String toolVersion, Instant generated) {

    /**
     * The version of the JSON report, explorer data and ITF metadata layouts. 3: values are
     * named as the register tables name them (a task by its PID, {@code idle}), not by the
     * spec's labels ({@code t0}, {@code noTask}).
     */
    public static final int SCHEMA_VERSION = 3;

    public Provenance {
        generated = generated.truncatedTo(ChronoUnit.SECONDS);
    }

    public static Provenance now(String toolVersion) {
        return new Provenance(toolVersion, Instant.now());
    }
}
