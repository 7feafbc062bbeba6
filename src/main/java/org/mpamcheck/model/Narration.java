package org.mpamcheck.model;

import org.mpamcheck.spec.Value;

/** How model values are spelled in resctrl terms: directories, PIDs, CPU numbers. */
public final class Narration {

    /** The PID a task prints as: {@code t0 -> 101}. */
    public static final int FIRST_PID = 101;

    /** What a CPU that runs no task shows in its task column (the spec's {@code noTask}). */
    public static final String IDLE = "idle";

    private Narration() {
    }

    private static int index(Value v) {
        return ((Value.Atom) v).index();
    }

    public static String pid(Value task) {
        return Integer.toString(FIRST_PID + index(task));
    }

    public static String cpuNumber(Value cpu) {
        return Integer.toString(index(cpu));
    }

    public static String cpuName(Value cpu) {
        return "cpu" + index(cpu);
    }

    /** A control group's directory: the root for the default group, {@code g<id>} otherwise. */
    public static String groupDir(Value partid) {
        int p = ((Value.Atom) partid).intValue();
        return p == 0 ? "/sys/fs/resctrl" : "/sys/fs/resctrl/g" + p;
    }

    /** A control group as info/kernel_mode names it: {@code //} is the default group. */
    public static String groupPath(Value partid) {
        int p = ((Value.Atom) partid).intValue();
        return p == 0 ? "//" : "g" + p + "//";
    }

    /** A short group name for tables: {@code /}, {@code g1}, {@code g1/m0}. */
    public static String groupName(int partid) {
        return partid == 0 ? "/" : "g" + partid;
    }

    public static String monDir(int parentPartid, String mon) {
        return (parentPartid == 0 ? "/sys/fs/resctrl" : "/sys/fs/resctrl/g" + parentPartid)
                + "/mon_groups/" + mon;
    }
}
