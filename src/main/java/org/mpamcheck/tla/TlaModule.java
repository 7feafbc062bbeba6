package org.mpamcheck.tla;

/**
 * An exported TLA+ module: its name (also the file stem), the module text and the TLC model
 * configuration that goes with it.
 */
public record TlaModule(String name, String tla, String cfg) {

    public String tlaFileName() {
        return name + ".tla";
    }

    public String cfgFileName() {
        return name + ".cfg";
    }
}
