package org.mpamcheck.model;

import static org.mpamcheck.spec.Exprs.and;
import static org.mpamcheck.spec.Exprs.eq;
import static org.mpamcheck.spec.Exprs.ite;

import org.mpamcheck.spec.Expr;

/**
 * The two ways hardware labels a CPU's traffic, and the names each gives to its ids and registers.
 * The rules differ in how a default-group task picks up its CPU's default (kernel-facts §1.7).
 */
public enum Architecture {

    /** Arm MPAM: PARTID and PMG, MPAM0_EL1 for EL0 and MPAM1_EL1 for EL1. */
    ARM64("arm64", "PartId", "Pmg", "PARTID", "PMG", "MPAM0_EL1", "MPAM1_EL1"),
    /** Intel RDT / AMD PQoS: CLOSID and RMID in PQR_ASSOC; PLZA_ASSOC for CPL 0 where enabled. */
    X86("x86", "Closid", "Rmid", "CLOSID", "RMID", "PQR_ASSOC", "PLZA_ASSOC");

    private final String id;
    private final String controlSort;
    private final String monitorSort;
    private final String controlName;
    private final String monitorName;
    private final String userRegister;
    private final String kernelRegister;

    Architecture(String id, String controlSort, String monitorSort, String controlName,
            String monitorName, String userRegister, String kernelRegister) {
        this.id = id;
        this.controlSort = controlSort;
        this.monitorSort = monitorSort;
        this.controlName = controlName;
        this.monitorName = monitorName;
        this.userRegister = userRegister;
        this.kernelRegister = kernelRegister;
    }

    public String id() {
        return id;
    }

    /** The spec's sort of control ids: {@code PartId} or {@code Closid}. */
    public String controlSort() {
        return controlSort;
    }

    public String monitorSort() {
        return monitorSort;
    }

    /** How the kernel spells the control id: PARTID or CLOSID. */
    public String controlName() {
        return controlName;
    }

    public String monitorName() {
        return monitorName;
    }

    public String userRegister() {
        return userRegister;
    }

    public String kernelRegister() {
        return kernelRegister;
    }

    /**
     * Whether monitor ids are scoped by the control id: on MPAM an RMID is a (PARTID, PMG) pair
     * (resctrl_arch_rmid_idx_encode in drivers/resctrl/mpam_resctrl.c); x86 RMIDs are global.
     */
    public boolean monitorsScopedByControl() {
        return this == ARM64;
    }

    /**
     * The label for a task with label {@code task} on a CPU whose default is {@code cpuDefault}:
     * its own, or the CPU's default when it is in the default group. x86 __resctrl_sched_in takes
     * the default CLOSID and RMID independently when the task's own is 0; arm64
     * mpam_thread_switch takes the CPU default only when the whole PARTID/PMG value equals the
     * default group's (arm64_mpam_global_default).
     */
    public Label resolve(ResctrlState s, Label task, Label cpuDefault) {
        Expr tp = task.partid();
        Expr tm = task.pmg();
        if (this == X86) {
            return new Label(ite(eq(tp, s.partid(0)), cpuDefault.partid(), tp),
                    ite(eq(tm, s.pmg(0)), cpuDefault.pmg(), tm));
        }
        Expr isDefault = and(eq(tp, s.partid(0)), eq(tm, s.pmg(0)));
        return new Label(ite(isDefault, cpuDefault.partid(), tp),
                ite(isDefault, cpuDefault.pmg(), tm));
    }

    /**
     * Whether CPU hotplug resets the CPU's default and its label register: x86
     * resctrl_arch_offline_cpu and resctrl_arch_online_cpu call clear_closid_rmid
     * (arch/x86/kernel/cpu/resctrl/core.c); arm64's mpam_resctrl_offline_cpu and
     * mpam_resctrl_online_cpu (drivers/resctrl/mpam_resctrl.c) do not, and cpu_enable_mpam
     * reloads arm64_mpam_current, the value the CPU last ran with.
     */
    public boolean hotplugResetsCpuDefault() {
        return this == X86;
    }
}
