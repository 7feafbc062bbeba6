-- X86Rdt: resctrl with x86 label registers, kernel mode x86-rdt: PQR_ASSOC holds one CLOSID/RMID for every privilege level. Scope ci: cpus=2 tasks=3 groups=1 monitors=0 partids=2 pmgs=2 locks=1.
-- Written by mpamcheck from the spec X86Rdt (temporal form).
-- Range sorts are ordered atoms; the command's Int bitwidth holds every integer.
module X86Rdt

-- interchangeable atoms, so the solver may break their symmetry
sig Cpu {}

-- interchangeable atoms, so the solver may break their symmetry
sig Task extends TaskOrNone {}

-- interchangeable atoms, so the solver may break their symmetry
sig Lock {}

-- the integers 0 .. 1, one atom each
abstract sig Closid {}
one sig Closid0, Closid1 extends Closid {}
fun Closid_int: Closid -> Int { Closid0 -> 0 + Closid1 -> 1 }
fun Closid_next: Closid -> Closid { Closid0 -> Closid1 }

-- the integers 0 .. 1, one atom each
abstract sig Rmid {}
one sig Rmid0, Rmid1 extends Rmid {}
fun Rmid_int: Rmid -> Int { Rmid0 -> 0 + Rmid1 -> 1 }
fun Rmid_next: Rmid -> Rmid { Rmid0 -> Rmid1 }

abstract sig Status {}
one sig free, live, dying extends Status {}

abstract sig Context {}
one sig user, kernel, irqFromUser, irqFromKernel extends Context {}

-- a Task or none
abstract sig TaskOrNone {}
one sig noTask extends TaskOrNone {}

abstract sig Bool {}
one sig FALSE, TRUE extends Bool {}

-- the least elements of a set under an order (none for the empty set)
fun smallest[s: set univ, below: univ -> univ]: set univ { s - s.below }

-- The state: one atom whose fields change from step to step.
one sig State {
  -- each control group, named by its CLOSID: 0 is the default group (always live)
  var ctrlState: Closid -> one Status,
  -- the RMID of each control group's own monitoring
  var ctrlPmg: Closid -> one Rmid,
  -- RMIDs freed but still dirty (add_rmid_to_limbo), by rmid index
  var limbo: Closid -> set Rmid,
  -- task_struct CLOSID
  var taskPartid: Task -> one Closid,
  -- task_struct RMID
  var taskPmg: Task -> one Rmid,
  -- the online CPUs
  var online: set Cpu,
  -- the task each CPU runs (none: idle)
  var running: Cpu -> one TaskOrNone,
  -- what each CPU executes now
  var context: Cpu -> one Context,
  -- per-CPU default CLOSID from the cpus files
  var cpuDefaultPartid: Cpu -> one Closid,
  -- per-CPU default RMID from the cpus files
  var cpuDefaultPmg: Cpu -> one Rmid,
  -- CPUs with an update_closid_rmid IPI decided but not yet delivered
  var ipiPending: set Cpu,
  -- PQR_ASSOC CLOSID
  var pqrPartid: Cpu -> one Closid,
  -- PQR_ASSOC RMID
  var pqrPmg: Cpu -> one Rmid,
  -- the task holding each lock
  var lockHolder: Lock -> one TaskOrNone,
  -- tasks waiting for each lock
  var lockWaiters: Lock -> set Task
}

fact init {
  State.ctrlState = Closid0 -> live + Closid1 -> free
  State.ctrlPmg = Closid0 -> Rmid0 + Closid1 -> Rmid0
  State.limbo = none -> none
  State.taskPartid = Task -> Closid0
  State.taskPmg = Task -> Rmid0
  State.online = Cpu
  State.running = Cpu -> noTask
  State.context = Cpu -> user
  State.cpuDefaultPartid = Cpu -> Closid0
  State.cpuDefaultPmg = Cpu -> Rmid0
  State.ipiPending = none
  State.pqrPartid = Cpu -> Closid0
  State.pqrPmg = Cpu -> Rmid0
  State.lockHolder = Lock -> noTask
  State.lockWaiters = none -> none
}

-- mkdir of a control group: the lowest free CLOSID and a free RMID [fs/resctrl/rdtgroup.c rdtgroup_mkdir_ctrl_mon]
pred MkdirCtrl[x: Rmid] {
  -- refused with ENOSPC: closid_alloc: no free CLOSID ("Out of CLOSIDs")
  not not (some pe: Closid | State.ctrlState[pe] = free)
  -- refused with EBUSY: resctrl_find_free_rmid: only ids in limbo are left
  not (not (some xf: Rmid | not (some qu: Closid | State.ctrlState[qu] != free and Closid0 = Closid0 and State.ctrlPmg[qu] = xf) and xf not in State.limbo[Closid0]) and State.limbo[Closid0] != none)
  -- refused with ENOSPC: resctrl_find_free_rmid: no free RMID ("Out of RMIDs")
  not not (some xf: Rmid | not (some qu: Closid | State.ctrlState[qu] != free and Closid0 = Closid0 and State.ctrlPmg[qu] = xf) and xf not in State.limbo[Closid0])
  -- rdtgroup_mkdir runs under rdtgroup_mutex
  State.ipiPending = none
  all pm: Closid | State.ctrlState[pm] != dying
  -- alloc_rmid(closid): an unused id of this CLOSID's rmid index, not in limbo
  not (some qu: Closid | State.ctrlState[qu] != free and Closid0 = Closid0 and State.ctrlPmg[qu] = x)
  x not in State.limbo[Closid0]
  -- rdtgroup_mkdir_ctrl_mon
  State.ctrlState' = State.ctrlState ++ smallest[{ pf: Closid | State.ctrlState[pf] = free }, ^Closid_next] -> live
  -- mkdir_rdt_prepare_rmid_alloc
  State.ctrlPmg' = State.ctrlPmg ++ smallest[{ pf: Closid | State.ctrlState[pf] = free }, ^Closid_next] -> x
  -- unchanged
  State.limbo' = State.limbo
  State.taskPartid' = State.taskPartid
  State.taskPmg' = State.taskPmg
  State.online' = State.online
  State.running' = State.running
  State.context' = State.context
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.ipiPending' = State.ipiPending
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
}

-- rmdir of a control group: its tasks and CPUs (and those of its monitor groups) go to the default group [fs/resctrl/rdtgroup.c rdtgroup_rmdir_ctrl]
pred RmdirCtrl[p: Closid] {
  -- refused with EPERM: rdtgroup_rmdir: the default group cannot be removed
  p != Closid0
  -- rdtgroup_rmdir takes rdtgroup_mutex
  State.ipiPending = none
  all pm: Closid | State.ctrlState[pm] != dying
  -- the directory exists
  State.ctrlState[p] = live
  -- rdtgroup_rmdir_ctrl: the group is dead to every other operation
  State.ctrlState' = State.ctrlState ++ p -> dying
  -- rdt_move_group_tasks(rdtgrp, &rdtgroup_default): closid 0
  State.taskPartid' = { t: Task, v0: Closid | v0 = (State.taskPartid[t] = p => Closid0 else State.taskPartid[t]) }
  -- rdt_move_group_tasks: rmid 0, also for tasks of child monitor groups
  State.taskPmg' = { t: Task, v0: Rmid | v0 = (State.taskPartid[t] = p => Rmid0 else State.taskPmg[t]) }
  -- rdtgroup_rmdir_ctrl: the CPUs return to the default group
  State.cpuDefaultPartid' = { c: Cpu, v0: Closid | v0 = (State.cpuDefaultPartid[c] = p => Closid0 else State.cpuDefaultPartid[c]) }
  -- resctrl_arch_set_cpu_default_closid_rmid(cpu, 0, 0)
  State.cpuDefaultPmg' = { c: Cpu, v0: Rmid | v0 = (State.cpuDefaultPartid[c] = p => Rmid0 else State.cpuDefaultPmg[c]) }
  -- update_closid_rmid(tmpmask): CPUs running moved tasks and the moved CPUs
  State.ipiPending' = State.ipiPending + ({ cr: Cpu | some tr: Task | State.running[cr] = tr and State.taskPartid[tr] = p } + { cw: Cpu | State.cpuDefaultPartid[cw] = p })
  -- unchanged
  State.ctrlPmg' = State.ctrlPmg
  State.limbo' = State.limbo
  State.online' = State.online
  State.running' = State.running
  State.context' = State.context
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
}

-- rmdir of a control group completes: its CLOSID is free and its RMIDs enter limbo [fs/resctrl/rdtgroup.c rdtgroup_rmdir_ctrl: closid_free, free_rmid]
pred RmdirCtrlDone[p: Closid] {
  -- an rmdir in progress
  State.ctrlState[p] = dying
  -- update_closid_rmid waits for every IPI (on_each_cpu_mask, wait=1)
  State.ipiPending = none
  -- closid_free: CLOSIDs have no limbo
  State.ctrlState' = State.ctrlState ++ p -> free
  -- a free slot holds no id
  State.ctrlPmg' = State.ctrlPmg ++ p -> Rmid0
  -- free_rmid -> add_rmid_to_limbo (llc_occupancy is monitored)
  State.limbo' = (State.limbo - Closid0 <: State.limbo) + Closid0 -> (State.limbo[Closid0] + { xl: Rmid | xl = State.ctrlPmg[p] })
  -- unchanged
  State.taskPartid' = State.taskPartid
  State.taskPmg' = State.taskPmg
  State.online' = State.online
  State.running' = State.running
  State.context' = State.context
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.ipiPending' = State.ipiPending
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
}

-- the limbo worker finds an id's occupancy below the threshold and makes it free again [fs/resctrl/monitor.c cqm_handle_limbo]
pred LimboDrain[p: Closid, x: Rmid] {
  -- cqm_handle_limbo takes rdtgroup_mutex
  State.ipiPending = none
  all pm: Closid | State.ctrlState[pm] != dying
  -- __check_limbo: the id is busy
  x in State.limbo[p]
  -- limbo_release_entry
  State.limbo' = (State.limbo - p <: State.limbo) + p -> (State.limbo[p] - x)
  -- unchanged
  State.ctrlState' = State.ctrlState
  State.ctrlPmg' = State.ctrlPmg
  State.taskPartid' = State.taskPartid
  State.taskPmg' = State.taskPmg
  State.online' = State.online
  State.running' = State.running
  State.context' = State.context
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.ipiPending' = State.ipiPending
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
}

-- echo PID > tasks of a control group (the default group's at /sys/fs/resctrl/tasks) [fs/resctrl/rdtgroup.c rdtgroup_tasks_write -> __rdtgroup_move_task]
pred MoveTask[t: Task, p: Closid] {
  -- rdtgroup_tasks_write takes rdtgroup_mutex
  State.ipiPending = none
  all pm: Closid | State.ctrlState[pm] != dying
  -- the directory exists
  State.ctrlState[p] = live
  -- task_in_rdtgroup: a task already in the group is a no-op
  not (State.taskPartid[t] = p and State.taskPmg[t] = State.ctrlPmg[p])
  -- resctrl_arch_set_closid_rmid: the CLOSID and the group's own RMID
  State.taskPartid' = State.taskPartid ++ t -> p
  -- __rdtgroup_move_task: the task leaves any monitor group
  State.taskPmg' = State.taskPmg ++ t -> State.ctrlPmg[p]
  -- smp_mb(); update_task_closid_rmid: IPI if task_curr, else next switch
  State.ipiPending' = State.ipiPending + { ct: Cpu | State.running[ct] = t }
  -- unchanged
  State.ctrlState' = State.ctrlState
  State.ctrlPmg' = State.ctrlPmg
  State.limbo' = State.limbo
  State.online' = State.online
  State.running' = State.running
  State.context' = State.context
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
}

-- echo CPUS > cpus of a control group, adding one CPU [fs/resctrl/rdtgroup.c rdtgroup_cpus_write -> cpus_ctrl_write]
pred CpusAdd[p: Closid, c: Cpu] {
  -- refused with EINVAL: rdtgroup_cpus_write: "Can only assign online CPUs"
  not c not in State.online
  -- rdtgroup_cpus_write takes rdtgroup_mutex
  State.ipiPending = none
  all pm: Closid | State.ctrlState[pm] != dying
  -- the directory exists
  State.ctrlState[p] = live
  -- a CPU already in the group changes nothing
  not (State.cpuDefaultPartid[c] = p and State.cpuDefaultPmg[c] = State.ctrlPmg[p])
  -- cpus_ctrl_write: the CPU leaves its previous owner
  State.cpuDefaultPartid' = { c2: Cpu, v0: Closid | v0 = ((c2 = c or State.cpuDefaultPartid[c2] = p) => p else State.cpuDefaultPartid[c2]) }
  -- cpus_ctrl_write: child monitor groups' cpu_mask are cleared
  State.cpuDefaultPmg' = { c2: Cpu, v0: Rmid | v0 = ((c2 = c or State.cpuDefaultPartid[c2] = p) => State.ctrlPmg[p] else State.cpuDefaultPmg[c2]) }
  -- update_closid_rmid(tmpmask, rdtgrp)
  State.ipiPending' = State.ipiPending + { c3: Cpu | (c3 = c or State.cpuDefaultPartid[c3] = p) and not (State.cpuDefaultPartid[c3] = p and State.cpuDefaultPmg[c3] = State.ctrlPmg[p]) }
  -- unchanged
  State.ctrlState' = State.ctrlState
  State.ctrlPmg' = State.ctrlPmg
  State.limbo' = State.limbo
  State.taskPartid' = State.taskPartid
  State.taskPmg' = State.taskPmg
  State.online' = State.online
  State.running' = State.running
  State.context' = State.context
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
}

-- echo CPUS > cpus of a control group, leaving one CPU out: it returns to the default group [fs/resctrl/rdtgroup.c cpus_ctrl_write]
pred CpusDrop[p: Closid, c: Cpu] {
  -- refused with EINVAL: cpus_ctrl_write: CPUs cannot be dropped from the default group
  not (p = Closid0 and State.cpuDefaultPartid[c] = Closid0)
  -- rdtgroup_cpus_write takes rdtgroup_mutex
  State.ipiPending = none
  all pm: Closid | State.ctrlState[pm] != dying
  -- the directory exists
  State.ctrlState[p] = live
  -- the CPU is in the group
  State.cpuDefaultPartid[c] = p
  -- cpus_ctrl_write: dropped CPUs go back to the default group
  State.cpuDefaultPartid' = State.cpuDefaultPartid ++ c -> Closid0
  -- resctrl_arch_set_cpu_default_closid_rmid(cpu, 0, 0)
  State.cpuDefaultPmg' = State.cpuDefaultPmg ++ c -> Rmid0
  -- update_closid_rmid
  State.ipiPending' = State.ipiPending + c
  -- unchanged
  State.ctrlState' = State.ctrlState
  State.ctrlPmg' = State.ctrlPmg
  State.limbo' = State.limbo
  State.taskPartid' = State.taskPartid
  State.taskPmg' = State.taskPmg
  State.online' = State.online
  State.running' = State.running
  State.context' = State.context
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
}

-- context switch: the CPU picks up a task that is not running [arch/x86/include/asm/resctrl.h __resctrl_sched_in]
pred Switch[c: Cpu, t: Task] {
  -- an online CPU
  c in State.online
  -- the outgoing task was preempted in user mode
  State.context[c] = user
  -- a task runs on one CPU at a time
  all cn: Cpu | State.running[cn] != t
  -- __switch_to
  State.running' = State.running ++ c -> t
  -- resctrl_arch_sched_in -> __resctrl_sched_in
  State.pqrPartid' = State.pqrPartid ++ c -> (State.taskPartid[t] = Closid0 => State.cpuDefaultPartid[c] else State.taskPartid[t])
  -- resctrl_arch_sched_in -> __resctrl_sched_in
  State.pqrPmg' = State.pqrPmg ++ c -> (State.taskPmg[t] = Rmid0 => State.cpuDefaultPmg[c] else State.taskPmg[t])
  -- unchanged
  State.ctrlState' = State.ctrlState
  State.ctrlPmg' = State.ctrlPmg
  State.limbo' = State.limbo
  State.taskPartid' = State.taskPartid
  State.taskPmg' = State.taskPmg
  State.online' = State.online
  State.context' = State.context
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.ipiPending' = State.ipiPending
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
}

-- the update IPI runs on the CPU: resctrl_arch_sched_in(current) [fs/resctrl/rdtgroup.c update_cpu_closid_rmid]
pred DeliverIpi[c: Cpu, t: Task] {
  -- an IPI is pending
  c in State.ipiPending
  -- interrupts are masked while a handler runs
  not (State.context[c] = irqFromUser or State.context[c] = irqFromKernel)
  -- the current task
  State.running[c] = t
  -- resctrl_arch_sync_cpu_closid_rmid
  State.ipiPending' = State.ipiPending - c
  -- resctrl_arch_sched_in(current)
  State.pqrPartid' = State.pqrPartid ++ c -> (State.taskPartid[t] = Closid0 => State.cpuDefaultPartid[c] else State.taskPartid[t])
  -- resctrl_arch_sched_in(current)
  State.pqrPmg' = State.pqrPmg ++ c -> (State.taskPmg[t] = Rmid0 => State.cpuDefaultPmg[c] else State.taskPmg[t])
  -- unchanged
  State.ctrlState' = State.ctrlState
  State.ctrlPmg' = State.ctrlPmg
  State.limbo' = State.limbo
  State.taskPartid' = State.taskPartid
  State.taskPmg' = State.taskPmg
  State.online' = State.online
  State.running' = State.running
  State.context' = State.context
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
}

-- the update IPI runs on an idle CPU: the idle task is in the default group, so the CPU default applies [fs/resctrl/rdtgroup.c update_cpu_closid_rmid]
pred DeliverIpiIdle[c: Cpu] {
  -- an IPI is pending
  c in State.ipiPending
  -- the CPU is idle
  State.running[c] = noTask
  -- resctrl_arch_sync_cpu_closid_rmid
  State.ipiPending' = State.ipiPending - c
  -- resctrl_arch_sched_in(idle)
  State.pqrPartid' = State.pqrPartid ++ c -> State.cpuDefaultPartid[c]
  -- resctrl_arch_sched_in(idle)
  State.pqrPmg' = State.pqrPmg ++ c -> State.cpuDefaultPmg[c]
  -- unchanged
  State.ctrlState' = State.ctrlState
  State.ctrlPmg' = State.ctrlPmg
  State.limbo' = State.limbo
  State.taskPartid' = State.taskPartid
  State.taskPmg' = State.taskPmg
  State.online' = State.online
  State.running' = State.running
  State.context' = State.context
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
}

-- the running task enters the kernel (syscall or fault): EL0 -> EL1, CPL 3 -> 0 [arch/arm64/kernel/entry-common.c el0_svc]
pred KernelEnter[c: Cpu, t: Task] {
  -- the running task
  State.running[c] = t
  -- from user mode
  State.context[c] = user
  -- el0_svc; no register is written on entry
  State.context' = State.context ++ c -> kernel
  -- unchanged
  State.ctrlState' = State.ctrlState
  State.ctrlPmg' = State.ctrlPmg
  State.limbo' = State.limbo
  State.taskPartid' = State.taskPartid
  State.taskPmg' = State.taskPmg
  State.online' = State.online
  State.running' = State.running
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.ipiPending' = State.ipiPending
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
}

-- the task returns to user mode [ERET / SYSRET]
pred KernelExit[c: Cpu, t: Task] {
  -- the running task
  State.running[c] = t
  -- in the kernel
  State.context[c] = kernel
  -- no kernel lock is held or awaited across return
  not (some lh: Lock | State.lockHolder[lh] = t or t in State.lockWaiters[lh])
  -- ERET to EL0
  State.context' = State.context ++ c -> user
  -- unchanged
  State.ctrlState' = State.ctrlState
  State.ctrlPmg' = State.ctrlPmg
  State.limbo' = State.limbo
  State.taskPartid' = State.taskPartid
  State.taskPmg' = State.taskPmg
  State.online' = State.online
  State.running' = State.running
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.ipiPending' = State.ipiPending
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
}

-- an interrupt is taken on the CPU [interrupt entry at EL1 / CPL 0]
pred IrqEnter[c: Cpu] {
  -- a task is interrupted
  State.running[c] != noTask
  -- interrupts do not nest here
  State.context[c] = user or State.context[c] = kernel
  -- interrupts run at EL1 / CPL 0
  State.context' = State.context ++ c -> (State.context[c] = user => irqFromUser else irqFromKernel)
  -- unchanged
  State.ctrlState' = State.ctrlState
  State.ctrlPmg' = State.ctrlPmg
  State.limbo' = State.limbo
  State.taskPartid' = State.taskPartid
  State.taskPmg' = State.taskPmg
  State.online' = State.online
  State.running' = State.running
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.ipiPending' = State.ipiPending
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
}

-- the interrupt handler returns [interrupt exit]
pred IrqExit[c: Cpu] {
  -- in an interrupt
  State.context[c] = irqFromUser or State.context[c] = irqFromKernel
  -- return to the interrupted context
  State.context' = State.context ++ c -> (State.context[c] = irqFromUser => user else kernel)
  -- unchanged
  State.ctrlState' = State.ctrlState
  State.ctrlPmg' = State.ctrlPmg
  State.limbo' = State.limbo
  State.taskPartid' = State.taskPartid
  State.taskPmg' = State.taskPmg
  State.online' = State.online
  State.running' = State.running
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.ipiPending' = State.ipiPending
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
}

-- the task takes a free kernel lock [kernel/locking/mutex.c mutex_lock]
pred LockTake[c: Cpu, t: Task, l: Lock] {
  -- the running task
  State.running[c] = t
  -- kernel locks are used in kernel context
  State.context[c] = kernel
  -- the lock is free
  State.lockHolder[l] = noTask
  -- mutex_lock
  State.lockHolder' = State.lockHolder ++ l -> t
  -- a waiter stops waiting when it gets the lock
  State.lockWaiters' = (State.lockWaiters - l <: State.lockWaiters) + l -> (State.lockWaiters[l] - t)
  -- unchanged
  State.ctrlState' = State.ctrlState
  State.ctrlPmg' = State.ctrlPmg
  State.limbo' = State.limbo
  State.taskPartid' = State.taskPartid
  State.taskPmg' = State.taskPmg
  State.online' = State.online
  State.running' = State.running
  State.context' = State.context
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.ipiPending' = State.ipiPending
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
}

-- the task waits for a kernel lock another task holds [kernel/locking/mutex.c __mutex_lock_common]
pred LockWait[c: Cpu, t: Task, l: Lock] {
  -- the running task
  State.running[c] = t
  -- kernel locks are used in kernel context
  State.context[c] = kernel
  -- the lock is held
  State.lockHolder[l] != noTask
  -- by another task
  State.lockHolder[l] != t
  -- one lock at a time
  not (some lh: Lock | State.lockHolder[lh] = t or t in State.lockWaiters[lh])
  -- mutex_lock: optimistic spinning on the owner
  State.lockWaiters' = (State.lockWaiters - l <: State.lockWaiters) + l -> (State.lockWaiters[l] + t)
  -- unchanged
  State.ctrlState' = State.ctrlState
  State.ctrlPmg' = State.ctrlPmg
  State.limbo' = State.limbo
  State.taskPartid' = State.taskPartid
  State.taskPmg' = State.taskPmg
  State.online' = State.online
  State.running' = State.running
  State.context' = State.context
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.ipiPending' = State.ipiPending
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.lockHolder' = State.lockHolder
}

-- the task releases a kernel lock [kernel/locking/mutex.c mutex_unlock]
pred LockRelease[c: Cpu, t: Task, l: Lock] {
  -- the running task
  State.running[c] = t
  -- kernel locks are used in kernel context
  State.context[c] = kernel
  -- the holder
  State.lockHolder[l] = t
  -- mutex_unlock
  State.lockHolder' = State.lockHolder ++ l -> noTask
  -- unchanged
  State.ctrlState' = State.ctrlState
  State.ctrlPmg' = State.ctrlPmg
  State.limbo' = State.limbo
  State.taskPartid' = State.taskPartid
  State.taskPmg' = State.taskPmg
  State.online' = State.online
  State.running' = State.running
  State.context' = State.context
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.ipiPending' = State.ipiPending
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.lockWaiters' = State.lockWaiters
}

-- a CPU goes offline; its task migrates away [fs/resctrl/rdtgroup.c resctrl_offline_cpu]
pred CpuOffline[c: Cpu] {
  -- resctrl_offline_cpu takes rdtgroup_mutex
  State.ipiPending = none
  all pm: Closid | State.ctrlState[pm] != dying
  -- an online CPU
  c in State.online
  -- one CPU always stays online
  2 <= #State.online
  -- tasks migrate from user mode
  State.context[c] = user
  -- cpuhp teardown
  State.online' = State.online - c
  -- migrate_tasks
  State.running' = State.running ++ c -> noTask
  -- resctrl_offline_cpu: cleared from its group's cpu_mask
  State.cpuDefaultPartid' = State.cpuDefaultPartid ++ c -> Closid0
  -- resctrl_offline_cpu
  State.cpuDefaultPmg' = State.cpuDefaultPmg ++ c -> Rmid0
  -- unchanged
  State.ctrlState' = State.ctrlState
  State.ctrlPmg' = State.ctrlPmg
  State.limbo' = State.limbo
  State.taskPartid' = State.taskPartid
  State.taskPmg' = State.taskPmg
  State.context' = State.context
  State.ipiPending' = State.ipiPending
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
}

-- a CPU comes online in the default group with its label registers reset [fs/resctrl/rdtgroup.c resctrl_online_cpu]
pred CpuOnline[c: Cpu] {
  -- resctrl_online_cpu takes rdtgroup_mutex
  State.ipiPending = none
  all pm: Closid | State.ctrlState[pm] != dying
  -- an offline CPU
  c not in State.online
  -- resctrl_online_cpu: added to rdtgroup_default.cpu_mask
  State.online' = State.online + c
  -- cpu_enable_mpam / clear_closid_rmid: the default label
  State.pqrPartid' = State.pqrPartid ++ c -> Closid0
  -- cpu_enable_mpam / clear_closid_rmid: the default label
  State.pqrPmg' = State.pqrPmg ++ c -> Rmid0
  -- unchanged
  State.ctrlState' = State.ctrlState
  State.ctrlPmg' = State.ctrlPmg
  State.limbo' = State.limbo
  State.taskPartid' = State.taskPartid
  State.taskPmg' = State.taskPmg
  State.running' = State.running
  State.context' = State.context
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.ipiPending' = State.ipiPending
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
}

-- Nothing changes: lets every finite behaviour extend to an infinite trace.
pred Stutter {
  State.ctrlState' = State.ctrlState
  State.ctrlPmg' = State.ctrlPmg
  State.limbo' = State.limbo
  State.taskPartid' = State.taskPartid
  State.taskPmg' = State.taskPmg
  State.online' = State.online
  State.running' = State.running
  State.context' = State.context
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.ipiPending' = State.ipiPending
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
}

fact transition {
  always (
    Stutter
    or (some x: Rmid | MkdirCtrl[x])
    or (some p: Closid | RmdirCtrl[p])
    or (some p: Closid | RmdirCtrlDone[p])
    or (some p: Closid, x: Rmid | LimboDrain[p, x])
    or (some t: Task, p: Closid | MoveTask[t, p])
    or (some p: Closid, c: Cpu | CpusAdd[p, c])
    or (some p: Closid, c: Cpu | CpusDrop[p, c])
    or (some c: Cpu, t: Task | Switch[c, t])
    or (some c: Cpu, t: Task | DeliverIpi[c, t])
    or (some c: Cpu | DeliverIpiIdle[c])
    or (some c: Cpu, t: Task | KernelEnter[c, t])
    or (some c: Cpu, t: Task | KernelExit[c, t])
    or (some c: Cpu | IrqEnter[c])
    or (some c: Cpu | IrqExit[c])
    or (some c: Cpu, t: Task, l: Lock | LockTake[c, t, l])
    or (some c: Cpu, t: Task, l: Lock | LockWait[c, t, l])
    or (some c: Cpu, t: Task, l: Lock | LockRelease[c, t, l])
    or (some c: Cpu | CpuOffline[c])
    or (some c: Cpu | CpuOnline[c])
  )
}

-- No two live control groups share a PARTID/CLOSID, and no CPU runs on a freed one.
pred PartidExclusive {
  all c: Cpu | c in State.online implies (State.ctrlState[State.pqrPartid[c]] != free and State.ctrlState[State.pqrPartid[c]] != free)
}

-- No two live monitor groups share a monitor label, and none is reused from limbo.
pred MonitorExclusive {
  all p: Closid | all q: Closid | (State.ctrlState[p] != free and State.ctrlState[q] != free and p != q) implies not (Closid0 = Closid0 and State.ctrlPmg[p] = State.ctrlPmg[q])
  all p: Closid | State.ctrlState[p] != free implies State.ctrlPmg[p] not in State.limbo[Closid0]
  all c: Cpu | c in State.online implies ((some qu: Closid | State.ctrlState[qu] != free and Closid0 = Closid0 and State.ctrlPmg[qu] = State.pqrPmg[c]) and (some qu: Closid | State.ctrlState[qu] != free and Closid0 = Closid0 and State.ctrlPmg[qu] = State.pqrPmg[c]))
}

-- Tasks and CPUs of a removed group fall back to its parent (the default group for a control group).
pred DefaultFallback {
  all t: Task | State.ctrlState[State.taskPartid[t]] = live and State.taskPmg[t] = State.ctrlPmg[State.taskPartid[t]]
  all c: Cpu | c in State.online implies (State.ctrlState[State.cpuDefaultPartid[c]] = live and State.cpuDefaultPmg[c] = State.ctrlPmg[State.cpuDefaultPartid[c]])
}

-- Once updates are delivered, each CPU runs with the label resctrl assigned to its task.
pred LabelCoherence {
  all c: Cpu | all t: Task | (c in State.online and c not in State.ipiPending and State.running[c] = t) implies (State.pqrPartid[c] = (State.taskPartid[t] = Closid0 => State.cpuDefaultPartid[c] else State.taskPartid[t]) and State.pqrPmg[c] = (State.taskPmg[t] = Rmid0 => State.cpuDefaultPmg[c] else State.taskPmg[t]))
  all c: Cpu | (c in State.online and c not in State.ipiPending and State.running[c] = noTask) implies (State.pqrPartid[c] = State.cpuDefaultPartid[c] and State.pqrPmg[c] = State.cpuDefaultPmg[c])
}

-- Work the kernel does on behalf of a task is controlled like the task itself.
pred NoUserBypass {
  all c: Cpu | all t: Task | (c in State.online and c not in State.ipiPending and State.running[c] = t) implies (State.context[c] = kernel implies (State.context[c] = user => State.pqrPartid[c] else State.pqrPartid[c]) = (State.taskPartid[t] = Closid0 => State.cpuDefaultPartid[c] else State.taskPartid[t]))
}

-- A lock holder that others wait for is never throttled by a control group's limits.
pred NoPriorityInversion {
  all l: Lock | all c: Cpu | all t: Task | (State.lockHolder[l] = t and State.lockWaiters[l] != none and State.running[c] = t and State.context[c] = kernel) implies (State.context[c] = user => State.pqrPartid[c] else State.pqrPartid[c]) = Closid0
}

-- Interrupts never run under the interrupted task's control group.
pred IrqIsolation {
  all c: Cpu | all t: Task | (c in State.online and State.running[c] = t and (State.context[c] = irqFromUser or State.context[c] = irqFromKernel)) implies ((State.context[c] = user => State.pqrPartid[c] else State.pqrPartid[c]) = Closid0 or FALSE = TRUE or (State.context[c] = user => State.pqrPartid[c] else State.pqrPartid[c]) != (State.taskPartid[t] = Closid0 => State.cpuDefaultPartid[c] else State.taskPartid[t]))
}

-- Entering the kernel or taking an interrupt never changes the label in force (no isb, no cache jitter).
pred StableKernelLabel {
  all c: Cpu | c in State.online implies ((State.running[c] != noTask and State.context[c] != user) implies ((State.context[c] = user => State.pqrPartid[c] else State.pqrPartid[c]) = State.pqrPartid[c] and (State.context[c] = user => State.pqrPmg[c] else State.pqrPmg[c]) = State.pqrPmg[c]))
}

-- Every PARTID, the default's included, can be given limits: none has to stay unrestricted for the kernel.
pred AllPartidsUsable {
  all c: Cpu | all t: Task | (c in State.online and c not in State.ipiPending and State.running[c] = t) implies ((State.context[c] = kernel and (State.taskPartid[t] = Closid0 => State.cpuDefaultPartid[c] else State.taskPartid[t]) != Closid0) implies (State.context[c] = user => State.pqrPartid[c] else State.pqrPartid[c]) != Closid0)
}

-- The default group always exists with label (0, 0) (rdtgroup_setup_default; rmdir refuses it).
pred DefaultGroupLive {
  State.ctrlState[Closid0] = live
  State.ctrlPmg[Closid0] = Rmid0
}

-- A free group slot holds no ids.
pred FreeSlotsClean {
  all p: Closid | State.ctrlState[p] = free implies State.ctrlPmg[p] = Rmid0
}

-- One CPU always stays online.
pred SomeCpuOnline {
  some c: Cpu | c in State.online
}

-- An offline CPU is idle, in the default group and without a pending IPI (resctrl_offline_cpu).
pred OfflineCpusQuiet {
  all c: Cpu | c not in State.online implies (State.running[c] = noTask and State.context[c] = user and (State.cpuDefaultPartid[c] = Closid0 and State.cpuDefaultPmg[c] = Rmid0) and c not in State.ipiPending)
}

-- An idle CPU is not in a kernel or interrupt context.
pred IdleCpusInUser {
  all c: Cpu | State.running[c] = noTask implies State.context[c] = user
}

-- A task runs on at most one CPU.
pred OneCpuPerTask {
  all c: Cpu | all d: Cpu | all t: Task | (c != d and State.running[c] = t) implies State.running[d] != t
}

check PartidExclusive { always PartidExclusive } for exactly 2 Cpu, exactly 3 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 4 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check MonitorExclusive { always MonitorExclusive } for exactly 2 Cpu, exactly 3 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 4 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check DefaultFallback { always DefaultFallback } for exactly 2 Cpu, exactly 3 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 4 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check LabelCoherence { always LabelCoherence } for exactly 2 Cpu, exactly 3 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 4 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check NoUserBypass { always NoUserBypass } for exactly 2 Cpu, exactly 3 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 4 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check NoPriorityInversion { always NoPriorityInversion } for exactly 2 Cpu, exactly 3 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 4 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check IrqIsolation { always IrqIsolation } for exactly 2 Cpu, exactly 3 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 4 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check StableKernelLabel { always StableKernelLabel } for exactly 2 Cpu, exactly 3 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 4 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check AllPartidsUsable { always AllPartidsUsable } for exactly 2 Cpu, exactly 3 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 4 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check DefaultGroupLive { always DefaultGroupLive } for exactly 2 Cpu, exactly 3 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 4 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check FreeSlotsClean { always FreeSlotsClean } for exactly 2 Cpu, exactly 3 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 4 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check SomeCpuOnline { always SomeCpuOnline } for exactly 2 Cpu, exactly 3 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 4 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check OfflineCpusQuiet { always OfflineCpusQuiet } for exactly 2 Cpu, exactly 3 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 4 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check IdleCpusInUser { always IdleCpusInUser } for exactly 2 Cpu, exactly 3 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 4 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check OneCpuPerTask { always OneCpuPerTask } for exactly 2 Cpu, exactly 3 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 4 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
