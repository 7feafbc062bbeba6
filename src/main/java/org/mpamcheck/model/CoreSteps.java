package org.mpamcheck.model;

/**
 * The ids of the steps every variant shares: resctrl file operations (under rdtgroup_mutex) and
 * CPU events. A variant replaces, wraps or removes one by its id ({@link StepCatalog}).
 */
public final class CoreSteps {

    public static final StepId MKDIR_CTRL = StepId.of("MkdirCtrl");
    public static final StepId RMDIR_CTRL = StepId.of("RmdirCtrl");
    public static final StepId RMDIR_CTRL_DONE = StepId.of("RmdirCtrlDone");
    public static final StepId MKDIR_MON = StepId.of("MkdirMon");
    public static final StepId RMDIR_MON = StepId.of("RmdirMon");
    public static final StepId RMDIR_MON_DONE = StepId.of("RmdirMonDone");
    public static final StepId RENAME_MON = StepId.of("RenameMon");
    public static final StepId LIMBO_DRAIN = StepId.of("LimboDrain");
    public static final StepId MOVE_TASK = StepId.of("MoveTask");
    public static final StepId CHECK_TASK_CURR = StepId.of("CheckTaskCurr");
    public static final StepId CPUS_ADD = StepId.of("CpusAdd");
    public static final StepId CPUS_DROP = StepId.of("CpusDrop");
    public static final StepId MOVE_TASK_TO_MON = StepId.of("MoveTaskToMon");
    public static final StepId CPUS_ADD_MON = StepId.of("CpusAddMon");
    public static final StepId CPUS_DROP_MON = StepId.of("CpusDropMon");
    public static final StepId SWITCH = StepId.of("Switch");
    public static final StepId SWITCH_TO_IDLE = StepId.of("SwitchToIdle");
    public static final StepId DELIVER_IPI = StepId.of("DeliverIpi");
    public static final StepId DELIVER_IPI_IDLE = StepId.of("DeliverIpiIdle");
    public static final StepId KERNEL_ENTER = StepId.of("KernelEnter");
    public static final StepId KERNEL_EXIT = StepId.of("KernelExit");
    public static final StepId IRQ_ENTER = StepId.of("IrqEnter");
    public static final StepId IRQ_EXIT = StepId.of("IrqExit");
    public static final StepId LOCK_TAKE = StepId.of("LockTake");
    public static final StepId LOCK_WAIT = StepId.of("LockWait");
    public static final StepId LOCK_RELEASE = StepId.of("LockRelease");
    public static final StepId CPU_OFFLINE = StepId.of("CpuOffline");
    public static final StepId CPU_ONLINE = StepId.of("CpuOnline");
    public static final StepId KTHREAD_CREATE = StepId.of("KthreadCreate");

    private CoreSteps() {
    }
}
