-- X86PlzaBoundAssignMon: resctrl with x86 label registers, kernel mode x86-plza/bound-assign-mon: AMD PLZA (v4): info/kernel_mode binds one group; CPL 0 on kmode_cpus uses its CLOSID; bound for good to the default group, monitoring assigned to it (RMID_EN=1). Scope ci: cpus=2 tasks=2 groups=1 monitors=0 partids=2 pmgs=2 locks=1 hotplug=unbounded.
-- Written by mpamcheck from the spec X86PlzaBoundAssignMon (temporal form).
-- Range sorts are ordered atoms; the command's Int bitwidth holds every integer.
module X86PlzaBoundAssignMon

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
  -- the CLOSID of the group whose cpus file holds the CPU
  var cpuGroupPartid: Cpu -> one Closid,
  -- the RMID of the group whose cpus file holds the CPU
  var cpuGroupPmg: Cpu -> one Rmid,
  -- the arch's per-CPU default CLOSID
  var cpuDefaultPartid: Cpu -> one Closid,
  -- the arch's per-CPU default RMID
  var cpuDefaultPmg: Cpu -> one Rmid,
  -- CPUs with an update_closid_rmid IPI decided but not yet delivered
  var ipiPending: set Cpu,
  -- tasks switched out in kernel mode
  var preemptedInKernel: set Task,
  -- tasks relabelled whose task_curr check is still to run
  var uncheckedMoves: set Task,
  -- PQR_ASSOC CLOSID
  var pqrPartid: Cpu -> one Closid,
  -- PQR_ASSOC RMID
  var pqrPmg: Cpu -> one Rmid,
  -- PLZA_ASSOC CLOSID
  var plzaPartid: Cpu -> one Closid,
  -- PLZA_ASSOC RMID
  var plzaPmg: Cpu -> one Rmid,
  -- the task holding each lock
  var lockHolder: Lock -> one TaskOrNone,
  -- tasks waiting for each lock
  var lockWaiters: Lock -> set Task,
  -- info/kernel_mode binds a group (FALSE: group=uninitialized)
  var kmodeBound: one Bool,
  -- the bound group's CLOSID
  var kmodeClosid: one Closid,
  -- the bound group's RMID
  var kmodeRmid: one Rmid,
  -- the mode assigns monitoring too (RMID_EN)
  var kmodeAssignMon: one Bool,
  -- the CPUs with PLZA_EN set (kmode_cpus while bound; an offline CPU keeps its bit)
  var plzaEnabled: set Cpu
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
  State.cpuGroupPartid = Cpu -> Closid0
  State.cpuGroupPmg = Cpu -> Rmid0
  State.cpuDefaultPartid = Cpu -> Closid0
  State.cpuDefaultPmg = Cpu -> Rmid0
  State.ipiPending = none
  State.preemptedInKernel = none
  State.uncheckedMoves = none
  State.pqrPartid = Cpu -> Closid0
  State.pqrPmg = Cpu -> Rmid0
  State.plzaPartid = Cpu -> Closid0
  State.plzaPmg = Cpu -> Rmid0
  State.lockHolder = Lock -> noTask
  State.lockWaiters = none -> none
  State.kmodeBound = TRUE
  State.kmodeClosid = Closid0
  State.kmodeRmid = Rmid0
  State.kmodeAssignMon = TRUE
  State.plzaEnabled = Cpu
}

-- mkdir of a control group: the lowest free CLOSID and a free RMID [fs/resctrl/rdtgroup.c rdtgroup_mkdir_ctrl_mon]
pred MkdirCtrl[x: Rmid] {
  -- refused with ENOSPC: closid_alloc / resctrl_find_cleanest_closid: no free CLOSID
  not not (some pe: Closid | State.ctrlState[pe] = free)
  -- refused with EBUSY: resctrl_find_free_rmid: rmid_free_lru empty, rmid_limbo_count > 0
  not (not (some xf: Rmid | not (some qu: Closid | State.ctrlState[qu] != free and Closid0 = Closid0 and State.ctrlPmg[qu] = xf) and xf not in State.limbo[Closid0]) and (not (some qb: Closid | some xf: Rmid | not (some qu: Closid | State.ctrlState[qu] != free and Closid0 = Closid0 and State.ctrlPmg[qu] = xf) and xf not in State.limbo[Closid0]) and (some qb: Closid | State.limbo[qb] != none)))
  -- refused with ENOSPC: resctrl_find_free_rmid: no free RMID ("Out of RMIDs")
  not not (some xf: Rmid | not (some qu: Closid | State.ctrlState[qu] != free and Closid0 = Closid0 and State.ctrlPmg[qu] = xf) and xf not in State.limbo[Closid0])
  -- rdtgroup_mkdir runs under rdtgroup_mutex
  State.ipiPending = none
  State.uncheckedMoves = none
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
  State.cpuGroupPartid' = State.cpuGroupPartid
  State.cpuGroupPmg' = State.cpuGroupPmg
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.ipiPending' = State.ipiPending
  State.preemptedInKernel' = State.preemptedInKernel
  State.uncheckedMoves' = State.uncheckedMoves
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.plzaPartid' = State.plzaPartid
  State.plzaPmg' = State.plzaPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
  State.kmodeBound' = State.kmodeBound
  State.kmodeClosid' = State.kmodeClosid
  State.kmodeRmid' = State.kmodeRmid
  State.kmodeAssignMon' = State.kmodeAssignMon
  State.plzaEnabled' = State.plzaEnabled
}

-- rmdir of a control group: its tasks and CPUs (and those of its monitor groups) go to the default group [fs/resctrl/rdtgroup.c rdtgroup_rmdir_ctrl]
pred RmdirCtrl[p: Closid] {
  -- refused with EPERM: rdtgroup_rmdir: the default group cannot be removed
  p != Closid0
  -- rdtgroup_rmdir: rdtgroup_kn_lock_live takes cpus_read_lock and rdtgroup_mutex
  State.ipiPending = none
  State.uncheckedMoves = none
  all pm: Closid | State.ctrlState[pm] != dying
  -- the directory exists
  State.ctrlState[p] = live
  -- rdtgroup_rmdir_ctrl: the group is dead to every other operation
  State.ctrlState' = State.ctrlState ++ p -> dying
  -- rdt_move_group_tasks(rdtgrp, &rdtgroup_default): closid 0
  State.taskPartid' = { t: Task, v0: Closid | v0 = (State.taskPartid[t] = p => Closid0 else State.taskPartid[t]) }
  -- rdt_move_group_tasks: rmid 0, also for tasks of child monitor groups
  State.taskPmg' = { t: Task, v0: Rmid | v0 = (State.taskPartid[t] = p => Rmid0 else State.taskPmg[t]) }
  -- rdt_move_group_tasks: smp_mb(), then task_curr() of each moved task
  State.uncheckedMoves' = State.uncheckedMoves + { tu: Task | State.taskPartid[tu] = p }
  -- rdtgroup_rmdir_ctrl: cpumask_or(&rdtgroup_default.cpu_mask, rdtgrp)
  State.cpuGroupPartid' = { c: Cpu, v0: Closid | v0 = ((c in State.online and State.cpuGroupPartid[c] = p) => Closid0 else State.cpuGroupPartid[c]) }
  -- the default group's own RMID
  State.cpuGroupPmg' = { c: Cpu, v0: Rmid | v0 = ((c in State.online and State.cpuGroupPartid[c] = p) => Rmid0 else State.cpuGroupPmg[c]) }
  -- for_each_cpu(rdtgrp->cpu_mask) resctrl_arch_set_cpu_default_closid_rmid(cpu, 0, 0)
  State.cpuDefaultPartid' = { c: Cpu, v0: Closid | v0 = ((c in State.online and State.cpuGroupPartid[c] = p) => Closid0 else State.cpuDefaultPartid[c]) }
  -- resctrl_arch_set_cpu_default_closid_rmid(cpu, 0, 0)
  State.cpuDefaultPmg' = { c: Cpu, v0: Rmid | v0 = ((c in State.online and State.cpuGroupPartid[c] = p) => Rmid0 else State.cpuDefaultPmg[c]) }
  -- update_closid_rmid(tmpmask | rdtgrp->cpu_mask)
  State.ipiPending' = State.ipiPending + { cw: Cpu | cw in State.online and State.cpuGroupPartid[cw] = p }
  -- unchanged
  State.ctrlPmg' = State.ctrlPmg
  State.limbo' = State.limbo
  State.online' = State.online
  State.running' = State.running
  State.context' = State.context
  State.preemptedInKernel' = State.preemptedInKernel
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.plzaPartid' = State.plzaPartid
  State.plzaPmg' = State.plzaPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
  State.kmodeBound' = State.kmodeBound
  State.kmodeClosid' = State.kmodeClosid
  State.kmodeRmid' = State.kmodeRmid
  State.kmodeAssignMon' = State.kmodeAssignMon
  State.plzaEnabled' = State.plzaEnabled
}

-- rmdir of a control group completes: its CLOSID is free and its RMIDs enter limbo [fs/resctrl/rdtgroup.c rdtgroup_rmdir_ctrl: closid_free, free_rmid]
pred RmdirCtrlDone[p: Closid] {
  -- an rmdir in progress
  State.ctrlState[p] = dying
  -- update_closid_rmid waits for every IPI (on_each_cpu_mask, wait=1)
  State.ipiPending = none
  State.uncheckedMoves = none
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
  State.cpuGroupPartid' = State.cpuGroupPartid
  State.cpuGroupPmg' = State.cpuGroupPmg
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.ipiPending' = State.ipiPending
  State.preemptedInKernel' = State.preemptedInKernel
  State.uncheckedMoves' = State.uncheckedMoves
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.plzaPartid' = State.plzaPartid
  State.plzaPmg' = State.plzaPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
  State.kmodeBound' = State.kmodeBound
  State.kmodeClosid' = State.kmodeClosid
  State.kmodeRmid' = State.kmodeRmid
  State.kmodeAssignMon' = State.kmodeAssignMon
  State.plzaEnabled' = State.plzaEnabled
}

-- the limbo worker finds an id's occupancy below the threshold and makes it free again [fs/resctrl/monitor.c cqm_handle_limbo]
pred LimboDrain[p: Closid, x: Rmid] {
  -- cqm_handle_limbo takes rdtgroup_mutex
  State.ipiPending = none
  State.uncheckedMoves = none
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
  State.cpuGroupPartid' = State.cpuGroupPartid
  State.cpuGroupPmg' = State.cpuGroupPmg
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.ipiPending' = State.ipiPending
  State.preemptedInKernel' = State.preemptedInKernel
  State.uncheckedMoves' = State.uncheckedMoves
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.plzaPartid' = State.plzaPartid
  State.plzaPmg' = State.plzaPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
  State.kmodeBound' = State.kmodeBound
  State.kmodeClosid' = State.kmodeClosid
  State.kmodeRmid' = State.kmodeRmid
  State.kmodeAssignMon' = State.kmodeAssignMon
  State.plzaEnabled' = State.plzaEnabled
}

-- echo PID > tasks of a control group (the default group's at /sys/fs/resctrl/tasks) [fs/resctrl/rdtgroup.c rdtgroup_tasks_write -> __rdtgroup_move_task]
pred MoveTask[t: Task, p: Closid] {
  -- rdtgroup_tasks_write: rdtgroup_kn_lock_live
  State.ipiPending = none
  State.uncheckedMoves = none
  all pm: Closid | State.ctrlState[pm] != dying
  -- the directory exists
  State.ctrlState[p] = live
  -- task_in_rdtgroup: a task already in the group is a no-op
  not (State.taskPartid[t] = p and State.taskPmg[t] = State.ctrlPmg[p])
  -- resctrl_arch_set_closid_rmid: the CLOSID and the group's own RMID
  State.taskPartid' = State.taskPartid ++ t -> p
  -- __rdtgroup_move_task: the task leaves any monitor group
  State.taskPmg' = State.taskPmg ++ t -> State.ctrlPmg[p]
  -- smp_mb(): the task_curr check follows
  State.uncheckedMoves' = State.uncheckedMoves + t
  -- unchanged
  State.ctrlState' = State.ctrlState
  State.ctrlPmg' = State.ctrlPmg
  State.limbo' = State.limbo
  State.online' = State.online
  State.running' = State.running
  State.context' = State.context
  State.cpuGroupPartid' = State.cpuGroupPartid
  State.cpuGroupPmg' = State.cpuGroupPmg
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.ipiPending' = State.ipiPending
  State.preemptedInKernel' = State.preemptedInKernel
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.plzaPartid' = State.plzaPartid
  State.plzaPmg' = State.plzaPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
  State.kmodeBound' = State.kmodeBound
  State.kmodeClosid' = State.kmodeClosid
  State.kmodeRmid' = State.kmodeRmid
  State.kmodeAssignMon' = State.kmodeAssignMon
  State.plzaEnabled' = State.plzaEnabled
}

-- after smp_mb(), the writer checks whether a relabelled task is running and interrupts its CPU [fs/resctrl/rdtgroup.c __rdtgroup_move_task, rdt_move_group_tasks]
pred CheckTaskCurr[t: Task] {
  -- a relabelled task not yet checked
  t in State.uncheckedMoves
  -- update_task_closid_rmid: smp_call_function_single(task_cpu(t)) if task_curr(t)
  State.ipiPending' = State.ipiPending + { ct: Cpu | State.running[ct] = t }
  -- checked
  State.uncheckedMoves' = State.uncheckedMoves - t
  -- unchanged
  State.ctrlState' = State.ctrlState
  State.ctrlPmg' = State.ctrlPmg
  State.limbo' = State.limbo
  State.taskPartid' = State.taskPartid
  State.taskPmg' = State.taskPmg
  State.online' = State.online
  State.running' = State.running
  State.context' = State.context
  State.cpuGroupPartid' = State.cpuGroupPartid
  State.cpuGroupPmg' = State.cpuGroupPmg
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.preemptedInKernel' = State.preemptedInKernel
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.plzaPartid' = State.plzaPartid
  State.plzaPmg' = State.plzaPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
  State.kmodeBound' = State.kmodeBound
  State.kmodeClosid' = State.kmodeClosid
  State.kmodeRmid' = State.kmodeRmid
  State.kmodeAssignMon' = State.kmodeAssignMon
  State.plzaEnabled' = State.plzaEnabled
}

-- echo CPUS > cpus of a control group, adding one CPU [fs/resctrl/rdtgroup.c rdtgroup_cpus_write -> cpus_ctrl_write]
pred CpusAdd[p: Closid, c: Cpu] {
  -- refused with EINVAL: rdtgroup_cpus_write: "Can only assign online CPUs"
  not c not in State.online
  -- rdtgroup_cpus_write: rdtgroup_kn_lock_live
  State.ipiPending = none
  State.uncheckedMoves = none
  all pm: Closid | State.ctrlState[pm] != dying
  -- the directory exists
  State.ctrlState[p] = live
  -- added = new & ~old: a CPU already in the group is not added
  not (c in State.online and State.cpuGroupPartid[c] = p)
  -- cpus_ctrl_write: cpumask_rdtgrp_clear(r, added) for its owner
  State.cpuGroupPartid' = { c2: Cpu, v0: Closid | v0 = ((c2 = c or (c2 in State.online and State.cpuGroupPartid[c2] = p)) => p else State.cpuGroupPartid[c2]) }
  -- cpus_ctrl_write: cpumask_clear(&child->cpu_mask) for each monitor group
  State.cpuGroupPmg' = { c2: Cpu, v0: Rmid | v0 = ((c2 = c or (c2 in State.online and State.cpuGroupPartid[c2] = p)) => State.ctrlPmg[p] else State.cpuGroupPmg[c2]) }
  -- update_closid_rmid(added, rdtgrp): the arch default
  State.cpuDefaultPartid' = { c2: Cpu, v0: Closid | v0 = ((c2 = c or (c2 in State.online and State.cpuGroupPartid[c2] = p)) => p else State.cpuDefaultPartid[c2]) }
  -- resctrl_arch_set_cpu_default_closid_rmid
  State.cpuDefaultPmg' = { c2: Cpu, v0: Rmid | v0 = ((c2 = c or (c2 in State.online and State.cpuGroupPartid[c2] = p)) => State.ctrlPmg[p] else State.cpuDefaultPmg[c2]) }
  -- update_closid_rmid: the added CPUs and the children's
  State.ipiPending' = State.ipiPending + { c3: Cpu | c3 = c or ((c3 in State.online and State.cpuGroupPartid[c3] = p) and State.cpuGroupPmg[c3] != State.ctrlPmg[p]) }
  -- unchanged
  State.ctrlState' = State.ctrlState
  State.ctrlPmg' = State.ctrlPmg
  State.limbo' = State.limbo
  State.taskPartid' = State.taskPartid
  State.taskPmg' = State.taskPmg
  State.online' = State.online
  State.running' = State.running
  State.context' = State.context
  State.preemptedInKernel' = State.preemptedInKernel
  State.uncheckedMoves' = State.uncheckedMoves
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.plzaPartid' = State.plzaPartid
  State.plzaPmg' = State.plzaPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
  State.kmodeBound' = State.kmodeBound
  State.kmodeClosid' = State.kmodeClosid
  State.kmodeRmid' = State.kmodeRmid
  State.kmodeAssignMon' = State.kmodeAssignMon
  State.plzaEnabled' = State.plzaEnabled
}

-- echo CPUS > cpus of a control group, leaving one CPU out: it returns to the default group [fs/resctrl/rdtgroup.c cpus_ctrl_write]
pred CpusDrop[p: Closid, c: Cpu] {
  -- refused with EINVAL: cpus_ctrl_write: "Can't drop CPUs from default group"
  not (p = Closid0 and (c in State.online and State.cpuGroupPartid[c] = Closid0))
  -- rdtgroup_cpus_write: rdtgroup_kn_lock_live
  State.ipiPending = none
  State.uncheckedMoves = none
  all pm: Closid | State.ctrlState[pm] != dying
  -- the directory exists
  State.ctrlState[p] = live
  -- the CPU is in the group
  c in State.online
  State.cpuGroupPartid[c] = p
  -- cpus_ctrl_write: dropped CPUs go back to the default group
  State.cpuGroupPartid' = State.cpuGroupPartid ++ c -> Closid0
  -- the default group's RMID
  State.cpuGroupPmg' = State.cpuGroupPmg ++ c -> Rmid0
  -- update_closid_rmid(dropped, &rdtgroup_default)
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
  State.preemptedInKernel' = State.preemptedInKernel
  State.uncheckedMoves' = State.uncheckedMoves
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.plzaPartid' = State.plzaPartid
  State.plzaPmg' = State.plzaPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
  State.kmodeBound' = State.kmodeBound
  State.kmodeClosid' = State.kmodeClosid
  State.kmodeRmid' = State.kmodeRmid
  State.kmodeAssignMon' = State.kmodeAssignMon
  State.plzaEnabled' = State.plzaEnabled
}

-- context switch: the CPU picks up a task that is not running, from user or kernel context (preemption, a task that sleeps) [arch/x86/include/asm/resctrl.h __resctrl_sched_in]
pred Switch[c: Cpu, t: Task] {
  -- an online CPU
  c in State.online
  -- not inside an interrupt handler
  State.context[c] = user or State.context[c] = kernel
  -- a task runs on one CPU at a time
  all cn: Cpu | State.running[cn] != t
  -- __switch_to
  State.running' = State.running ++ c -> t
  -- the task resumes where it was switched out; a kernel thread runs at EL1 / CPL 0 only
  State.context' = State.context ++ c -> (t in State.preemptedInKernel => kernel else user)
  -- the outgoing task keeps its kernel context
  State.preemptedInKernel' = (State.preemptedInKernel - t) + { tk: Task | State.running[c] = tk and State.context[c] = kernel }
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
  State.cpuGroupPartid' = State.cpuGroupPartid
  State.cpuGroupPmg' = State.cpuGroupPmg
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.ipiPending' = State.ipiPending
  State.uncheckedMoves' = State.uncheckedMoves
  State.plzaPartid' = State.plzaPartid
  State.plzaPmg' = State.plzaPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
  State.kmodeBound' = State.kmodeBound
  State.kmodeClosid' = State.kmodeClosid
  State.kmodeRmid' = State.kmodeRmid
  State.kmodeAssignMon' = State.kmodeAssignMon
  State.plzaEnabled' = State.plzaEnabled
}

-- context switch to the idle task (its label is the default group's, so the CPU default applies) [arch/x86/include/asm/resctrl.h __resctrl_sched_in]
pred SwitchToIdle[c: Cpu] {
  -- a task runs
  State.running[c] != noTask
  -- not inside an interrupt handler
  State.context[c] = user or State.context[c] = kernel
  -- __switch_to(prev, idle)
  State.running' = State.running ++ c -> noTask
  -- the idle loop (no task's kernel work)
  State.context' = State.context ++ c -> user
  -- the outgoing task keeps its kernel context
  State.preemptedInKernel' = State.preemptedInKernel + { tk: Task | State.running[c] = tk and State.context[c] = kernel }
  -- mpam_thread_switch(idle) / __resctrl_sched_in(idle): the CPU default
  State.pqrPartid' = State.pqrPartid ++ c -> State.cpuDefaultPartid[c]
  -- mpam_thread_switch(idle) / __resctrl_sched_in(idle): the CPU default
  State.pqrPmg' = State.pqrPmg ++ c -> State.cpuDefaultPmg[c]
  -- unchanged
  State.ctrlState' = State.ctrlState
  State.ctrlPmg' = State.ctrlPmg
  State.limbo' = State.limbo
  State.taskPartid' = State.taskPartid
  State.taskPmg' = State.taskPmg
  State.online' = State.online
  State.cpuGroupPartid' = State.cpuGroupPartid
  State.cpuGroupPmg' = State.cpuGroupPmg
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.ipiPending' = State.ipiPending
  State.uncheckedMoves' = State.uncheckedMoves
  State.plzaPartid' = State.plzaPartid
  State.plzaPmg' = State.plzaPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
  State.kmodeBound' = State.kmodeBound
  State.kmodeClosid' = State.kmodeClosid
  State.kmodeRmid' = State.kmodeRmid
  State.kmodeAssignMon' = State.kmodeAssignMon
  State.plzaEnabled' = State.plzaEnabled
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
  State.cpuGroupPartid' = State.cpuGroupPartid
  State.cpuGroupPmg' = State.cpuGroupPmg
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.preemptedInKernel' = State.preemptedInKernel
  State.uncheckedMoves' = State.uncheckedMoves
  State.plzaPartid' = State.plzaPartid
  State.plzaPmg' = State.plzaPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
  State.kmodeBound' = State.kmodeBound
  State.kmodeClosid' = State.kmodeClosid
  State.kmodeRmid' = State.kmodeRmid
  State.kmodeAssignMon' = State.kmodeAssignMon
  State.plzaEnabled' = State.plzaEnabled
}

-- the update IPI runs on an idle CPU: the idle task is in the default group, so the CPU default applies [fs/resctrl/rdtgroup.c update_cpu_closid_rmid]
pred DeliverIpiIdle[c: Cpu] {
  -- an IPI is pending
  c in State.ipiPending
  -- the CPU is idle
  State.running[c] = noTask
  -- interrupts are masked while a handler runs
  not (State.context[c] = irqFromUser or State.context[c] = irqFromKernel)
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
  State.cpuGroupPartid' = State.cpuGroupPartid
  State.cpuGroupPmg' = State.cpuGroupPmg
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.preemptedInKernel' = State.preemptedInKernel
  State.uncheckedMoves' = State.uncheckedMoves
  State.plzaPartid' = State.plzaPartid
  State.plzaPmg' = State.plzaPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
  State.kmodeBound' = State.kmodeBound
  State.kmodeClosid' = State.kmodeClosid
  State.kmodeRmid' = State.kmodeRmid
  State.kmodeAssignMon' = State.kmodeAssignMon
  State.plzaEnabled' = State.plzaEnabled
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
  State.cpuGroupPartid' = State.cpuGroupPartid
  State.cpuGroupPmg' = State.cpuGroupPmg
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.ipiPending' = State.ipiPending
  State.preemptedInKernel' = State.preemptedInKernel
  State.uncheckedMoves' = State.uncheckedMoves
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.plzaPartid' = State.plzaPartid
  State.plzaPmg' = State.plzaPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
  State.kmodeBound' = State.kmodeBound
  State.kmodeClosid' = State.kmodeClosid
  State.kmodeRmid' = State.kmodeRmid
  State.kmodeAssignMon' = State.kmodeAssignMon
  State.plzaEnabled' = State.plzaEnabled
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
  State.cpuGroupPartid' = State.cpuGroupPartid
  State.cpuGroupPmg' = State.cpuGroupPmg
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.ipiPending' = State.ipiPending
  State.preemptedInKernel' = State.preemptedInKernel
  State.uncheckedMoves' = State.uncheckedMoves
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.plzaPartid' = State.plzaPartid
  State.plzaPmg' = State.plzaPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
  State.kmodeBound' = State.kmodeBound
  State.kmodeClosid' = State.kmodeClosid
  State.kmodeRmid' = State.kmodeRmid
  State.kmodeAssignMon' = State.kmodeAssignMon
  State.plzaEnabled' = State.plzaEnabled
}

-- an interrupt is taken on the CPU [interrupt entry at EL1 / CPL 0]
pred IrqEnter[c: Cpu] {
  -- an online CPU, busy or idle
  c in State.online
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
  State.cpuGroupPartid' = State.cpuGroupPartid
  State.cpuGroupPmg' = State.cpuGroupPmg
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.ipiPending' = State.ipiPending
  State.preemptedInKernel' = State.preemptedInKernel
  State.uncheckedMoves' = State.uncheckedMoves
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.plzaPartid' = State.plzaPartid
  State.plzaPmg' = State.plzaPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
  State.kmodeBound' = State.kmodeBound
  State.kmodeClosid' = State.kmodeClosid
  State.kmodeRmid' = State.kmodeRmid
  State.kmodeAssignMon' = State.kmodeAssignMon
  State.plzaEnabled' = State.plzaEnabled
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
  State.cpuGroupPartid' = State.cpuGroupPartid
  State.cpuGroupPmg' = State.cpuGroupPmg
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.ipiPending' = State.ipiPending
  State.preemptedInKernel' = State.preemptedInKernel
  State.uncheckedMoves' = State.uncheckedMoves
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.plzaPartid' = State.plzaPartid
  State.plzaPmg' = State.plzaPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
  State.kmodeBound' = State.kmodeBound
  State.kmodeClosid' = State.kmodeClosid
  State.kmodeRmid' = State.kmodeRmid
  State.kmodeAssignMon' = State.kmodeAssignMon
  State.plzaEnabled' = State.plzaEnabled
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
  State.cpuGroupPartid' = State.cpuGroupPartid
  State.cpuGroupPmg' = State.cpuGroupPmg
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.ipiPending' = State.ipiPending
  State.preemptedInKernel' = State.preemptedInKernel
  State.uncheckedMoves' = State.uncheckedMoves
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.plzaPartid' = State.plzaPartid
  State.plzaPmg' = State.plzaPmg
  State.kmodeBound' = State.kmodeBound
  State.kmodeClosid' = State.kmodeClosid
  State.kmodeRmid' = State.kmodeRmid
  State.kmodeAssignMon' = State.kmodeAssignMon
  State.plzaEnabled' = State.plzaEnabled
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
  State.cpuGroupPartid' = State.cpuGroupPartid
  State.cpuGroupPmg' = State.cpuGroupPmg
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.ipiPending' = State.ipiPending
  State.preemptedInKernel' = State.preemptedInKernel
  State.uncheckedMoves' = State.uncheckedMoves
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.plzaPartid' = State.plzaPartid
  State.plzaPmg' = State.plzaPmg
  State.lockHolder' = State.lockHolder
  State.kmodeBound' = State.kmodeBound
  State.kmodeClosid' = State.kmodeClosid
  State.kmodeRmid' = State.kmodeRmid
  State.kmodeAssignMon' = State.kmodeAssignMon
  State.plzaEnabled' = State.plzaEnabled
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
  State.cpuGroupPartid' = State.cpuGroupPartid
  State.cpuGroupPmg' = State.cpuGroupPmg
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.ipiPending' = State.ipiPending
  State.preemptedInKernel' = State.preemptedInKernel
  State.uncheckedMoves' = State.uncheckedMoves
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.plzaPartid' = State.plzaPartid
  State.plzaPmg' = State.plzaPmg
  State.lockWaiters' = State.lockWaiters
  State.kmodeBound' = State.kmodeBound
  State.kmodeClosid' = State.kmodeClosid
  State.kmodeRmid' = State.kmodeRmid
  State.kmodeAssignMon' = State.kmodeAssignMon
  State.plzaEnabled' = State.plzaEnabled
}

-- a CPU goes offline; its task migrates away [fs/resctrl/rdtgroup.c resctrl_offline_cpu]
pred CpuOffline[c: Cpu] {
  -- resctrl_offline_cpu takes rdtgroup_mutex; a resctrl write holds cpus_read_lock, which hotplug waits for
  State.ipiPending = none
  State.uncheckedMoves = none
  all pm: Closid | State.ctrlState[pm] != dying
  -- an online CPU
  c in State.online
  -- one CPU always stays online
  2 <= #State.online
  -- not inside an interrupt handler
  State.context[c] = user or State.context[c] = kernel
  -- cpuhp teardown
  State.online' = State.online - c
  -- migrate_tasks
  State.running' = State.running ++ c -> noTask
  -- offline
  State.context' = State.context ++ c -> user
  -- the migrated task keeps its kernel context
  State.preemptedInKernel' = State.preemptedInKernel + { tk: Task | State.running[c] = tk and State.context[c] = kernel }
  -- resctrl_offline_cpu: cleared from its group's cpu_mask
  State.cpuGroupPartid' = State.cpuGroupPartid ++ c -> Closid0
  -- resctrl_offline_cpu: clear_childcpus
  State.cpuGroupPmg' = State.cpuGroupPmg ++ c -> Rmid0
  -- resctrl_arch_offline_cpu: clear_closid_rmid
  State.cpuDefaultPartid' = State.cpuDefaultPartid ++ c -> Closid0
  -- resctrl_arch_offline_cpu: clear_closid_rmid
  State.cpuDefaultPmg' = State.cpuDefaultPmg ++ c -> Rmid0
  -- resctrl_arch_offline_cpu: clear_closid_rmid
  State.pqrPartid' = State.pqrPartid ++ c -> Closid0
  -- resctrl_arch_offline_cpu: clear_closid_rmid
  State.pqrPmg' = State.pqrPmg ++ c -> Rmid0
  -- clear_closid_rmid does not touch PQR_PLZA_ASSOC (v4)
  State.plzaPartid' = State.plzaPartid ++ c -> State.plzaPartid[c]
  -- clear_closid_rmid does not touch PQR_PLZA_ASSOC (v4)
  State.plzaPmg' = State.plzaPmg ++ c -> State.plzaPmg[c]
  -- unchanged
  State.ctrlState' = State.ctrlState
  State.ctrlPmg' = State.ctrlPmg
  State.limbo' = State.limbo
  State.taskPartid' = State.taskPartid
  State.taskPmg' = State.taskPmg
  State.ipiPending' = State.ipiPending
  State.uncheckedMoves' = State.uncheckedMoves
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
  State.kmodeBound' = State.kmodeBound
  State.kmodeClosid' = State.kmodeClosid
  State.kmodeRmid' = State.kmodeRmid
  State.kmodeAssignMon' = State.kmodeAssignMon
  State.plzaEnabled' = State.plzaEnabled
}

-- a CPU comes online in the default group with its label registers reset [fs/resctrl/rdtgroup.c resctrl_online_cpu]
pred CpuOnline[c: Cpu] {
  -- resctrl_online_cpu takes rdtgroup_mutex
  State.ipiPending = none
  State.uncheckedMoves = none
  all pm: Closid | State.ctrlState[pm] != dying
  -- an offline CPU
  c not in State.online
  -- resctrl_online_cpu: added to rdtgroup_default.cpu_mask
  State.online' = State.online + c
  -- resctrl_arch_online_cpu: clear_closid_rmid
  State.cpuDefaultPartid' = State.cpuDefaultPartid ++ c -> Closid0
  -- resctrl_arch_online_cpu: clear_closid_rmid
  State.cpuDefaultPmg' = State.cpuDefaultPmg ++ c -> Rmid0
  -- resctrl_arch_online_cpu: clear_closid_rmid
  State.pqrPartid' = State.pqrPartid ++ c -> Closid0
  -- resctrl_arch_online_cpu: clear_closid_rmid
  State.pqrPmg' = State.pqrPmg ++ c -> Rmid0
  -- resctrl_kmode_online_cpu: configure(cpumask_of(cpu))
  State.plzaPartid' = State.plzaPartid ++ c -> (State.kmodeBound = TRUE => State.kmodeClosid else State.plzaPartid[c])
  -- resctrl_kmode_online_cpu
  State.plzaPmg' = State.plzaPmg ++ c -> (State.kmodeBound = TRUE => State.kmodeRmid else State.plzaPmg[c])
  -- resctrl_kmode_online_cpu: joins kmode_cpu_mask when bound
  State.plzaEnabled' = (State.kmodeBound = TRUE => State.plzaEnabled + c else State.plzaEnabled)
  -- unchanged
  State.ctrlState' = State.ctrlState
  State.ctrlPmg' = State.ctrlPmg
  State.limbo' = State.limbo
  State.taskPartid' = State.taskPartid
  State.taskPmg' = State.taskPmg
  State.running' = State.running
  State.context' = State.context
  State.cpuGroupPartid' = State.cpuGroupPartid
  State.cpuGroupPmg' = State.cpuGroupPmg
  State.ipiPending' = State.ipiPending
  State.preemptedInKernel' = State.preemptedInKernel
  State.uncheckedMoves' = State.uncheckedMoves
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
  State.kmodeBound' = State.kmodeBound
  State.kmodeClosid' = State.kmodeClosid
  State.kmodeRmid' = State.kmodeRmid
  State.kmodeAssignMon' = State.kmodeAssignMon
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
  State.cpuGroupPartid' = State.cpuGroupPartid
  State.cpuGroupPmg' = State.cpuGroupPmg
  State.cpuDefaultPartid' = State.cpuDefaultPartid
  State.cpuDefaultPmg' = State.cpuDefaultPmg
  State.ipiPending' = State.ipiPending
  State.preemptedInKernel' = State.preemptedInKernel
  State.uncheckedMoves' = State.uncheckedMoves
  State.pqrPartid' = State.pqrPartid
  State.pqrPmg' = State.pqrPmg
  State.plzaPartid' = State.plzaPartid
  State.plzaPmg' = State.plzaPmg
  State.lockHolder' = State.lockHolder
  State.lockWaiters' = State.lockWaiters
  State.kmodeBound' = State.kmodeBound
  State.kmodeClosid' = State.kmodeClosid
  State.kmodeRmid' = State.kmodeRmid
  State.kmodeAssignMon' = State.kmodeAssignMon
  State.plzaEnabled' = State.plzaEnabled
}

fact transition {
  always (
    Stutter
    or (some x: Rmid | MkdirCtrl[x])
    or (some p: Closid | RmdirCtrl[p])
    or (some p: Closid | RmdirCtrlDone[p])
    or (some p: Closid, x: Rmid | LimboDrain[p, x])
    or (some t: Task, p: Closid | MoveTask[t, p])
    or (some t: Task | CheckTaskCurr[t])
    or (some p: Closid, c: Cpu | CpusAdd[p, c])
    or (some p: Closid, c: Cpu | CpusDrop[p, c])
    or (some c: Cpu, t: Task | Switch[c, t])
    or (some c: Cpu | SwitchToIdle[c])
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
  all c: Cpu | c in State.online implies (State.ctrlState[State.pqrPartid[c]] != free and State.ctrlState[(c in State.plzaEnabled => State.plzaPartid[c] else State.pqrPartid[c])] != free)
}

-- No two live monitor groups share a monitor label, and none is reused from limbo.
pred MonitorExclusive {
  all p: Closid | all q: Closid | (State.ctrlState[p] != free and State.ctrlState[q] != free and p != q) implies not (Closid0 = Closid0 and State.ctrlPmg[p] = State.ctrlPmg[q])
  all p: Closid | State.ctrlState[p] != free implies State.ctrlPmg[p] not in State.limbo[Closid0]
  all c: Cpu | c in State.online implies ((some qu: Closid | State.ctrlState[qu] != free and Closid0 = Closid0 and State.ctrlPmg[qu] = State.pqrPmg[c]) and (some qu: Closid | State.ctrlState[qu] != free and Closid0 = Closid0 and State.ctrlPmg[qu] = ((c in State.plzaEnabled and State.kmodeAssignMon = TRUE) => State.plzaPmg[c] else State.pqrPmg[c])))
}

-- Tasks and CPUs of a removed group fall back to its parent (the default group for a control group).
pred DefaultFallback {
  all t: Task | State.ctrlState[State.taskPartid[t]] = live and State.taskPmg[t] = State.ctrlPmg[State.taskPartid[t]]
  all c: Cpu | c in State.online implies ((State.ctrlState[State.cpuGroupPartid[c]] = live and State.cpuGroupPmg[c] = State.ctrlPmg[State.cpuGroupPartid[c]]) and (State.ctrlState[State.cpuDefaultPartid[c]] = live and State.cpuDefaultPmg[c] = State.ctrlPmg[State.cpuDefaultPartid[c]]))
}

-- Once updates are delivered, each CPU runs with the label resctrl assigned to its task.
pred LabelCoherence {
  all c: Cpu | all t: Task | (c in State.online and c not in State.ipiPending and State.running[c] = t and t not in State.uncheckedMoves) implies (State.pqrPartid[c] = (State.taskPartid[t] = Closid0 => State.cpuGroupPartid[c] else State.taskPartid[t]) and State.pqrPmg[c] = (State.taskPmg[t] = Rmid0 => State.cpuGroupPmg[c] else State.taskPmg[t]))
  all c: Cpu | (c in State.online and c not in State.ipiPending and State.running[c] = noTask) implies (State.pqrPartid[c] = State.cpuGroupPartid[c] and State.pqrPmg[c] = State.cpuGroupPmg[c])
}

-- Work the kernel does on behalf of a task is controlled like the task itself.
pred NoUserBypass {
  all c: Cpu | all t: Task | (c in State.online and c not in State.ipiPending and State.running[c] = t and t not in State.uncheckedMoves) implies (State.context[c] = kernel implies (State.context[c] = user => State.pqrPartid[c] else (c in State.plzaEnabled => State.plzaPartid[c] else State.pqrPartid[c])) = (State.taskPartid[t] = Closid0 => State.cpuGroupPartid[c] else State.taskPartid[t]))
}

-- A task holding a kernel lock that others wait for runs, in the kernel on a CPU with no update pending, under the group the policy designates for kernel work (PARTID 0 unless the policy binds another).
pred NoPriorityInversion {
  all l: Lock | all c: Cpu | all t: Task | ((State.lockHolder[l] = t and State.lockWaiters[l] != none and State.running[c] = t and State.context[c] = kernel) and c not in State.ipiPending) implies (State.context[c] = user => State.pqrPartid[c] else (c in State.plzaEnabled => State.plzaPartid[c] else State.pqrPartid[c])) = (State.kmodeBound = TRUE => State.kmodeClosid else Closid0)
}

-- An interrupt taken while a task runs, on a CPU with no update pending, is labelled with the designated kernel group's PARTID or with one other than the task's own.
pred IrqIsolation {
  all c: Cpu | all t: Task | (c in State.online and c not in State.ipiPending and State.running[c] = t and (State.context[c] = irqFromUser or State.context[c] = irqFromKernel)) implies ((State.context[c] = user => State.pqrPartid[c] else (c in State.plzaEnabled => State.plzaPartid[c] else State.pqrPartid[c])) = (State.kmodeBound = TRUE => State.kmodeClosid else Closid0) or (State.context[c] = user => State.pqrPartid[c] else (c in State.plzaEnabled => State.plzaPartid[c] else State.pqrPartid[c])) != (State.taskPartid[t] = Closid0 => State.cpuGroupPartid[c] else State.taskPartid[t]))
}

-- The label in force does not change when a task enters or leaves the kernel or takes an interrupt: kernel work and interrupts run with the user register's label (no cache jitter; the register cost is measured apart).
pred StableKernelLabel {
  all c: Cpu | c in State.online implies ((State.running[c] != noTask and State.context[c] != user) implies ((State.context[c] = user => State.pqrPartid[c] else (c in State.plzaEnabled => State.plzaPartid[c] else State.pqrPartid[c])) = State.pqrPartid[c] and (State.context[c] = user => State.pqrPmg[c] else ((c in State.plzaEnabled and State.kmodeAssignMon = TRUE) => State.plzaPmg[c] else State.pqrPmg[c])) = State.pqrPmg[c]))
}

-- Kernel work of a task whose group is not the designated kernel group never runs under the designated group's PARTID, so every PARTID can be given limits.
pred AllPartidsUsable {
  all c: Cpu | all t: Task | (c in State.online and c not in State.ipiPending and State.running[c] = t and t not in State.uncheckedMoves) implies ((State.context[c] = kernel and (State.taskPartid[t] = Closid0 => State.cpuGroupPartid[c] else State.taskPartid[t]) != (State.kmodeBound = TRUE => State.kmodeClosid else Closid0)) implies (State.context[c] = user => State.pqrPartid[c] else (c in State.plzaEnabled => State.plzaPartid[c] else State.pqrPartid[c])) != (State.kmodeBound = TRUE => State.kmodeClosid else Closid0))
}

-- Kernel work done on behalf of a task is counted in the task's own monitor group: in the kernel, on a CPU with no update pending, the monitor label in force (RMID; on MPAM the PARTID/PMG pair) is the one resctrl assigns the task.
pred MonitorAttribution {
  all c: Cpu | all t: Task | (c in State.online and c not in State.ipiPending and State.running[c] = t and t not in State.uncheckedMoves) implies (State.context[c] = kernel implies (State.context[c] = user => State.pqrPmg[c] else ((c in State.plzaEnabled and State.kmodeAssignMon = TRUE) => State.plzaPmg[c] else State.pqrPmg[c])) = (State.taskPmg[t] = Rmid0 => State.cpuGroupPmg[c] else State.taskPmg[t]))
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
  all c: Cpu | c not in State.online implies (State.running[c] = noTask and State.context[c] = user and (State.cpuGroupPartid[c] = Closid0 and State.cpuGroupPmg[c] = Rmid0) and c not in State.ipiPending)
}

-- An idle CPU runs no task's kernel work: it is in its idle loop or in an interrupt taken there.
pred IdleCpusRunNoKernelWork {
  all c: Cpu | State.running[c] = noTask implies (State.context[c] = user or State.context[c] = irqFromUser)
}

-- A task switched out in kernel mode runs nowhere until it is switched back in.
pred PreemptedTasksAreOffCpu {
  all t: Task | t in State.preemptedInKernel implies (all c: Cpu | State.running[c] != t)
}

-- A task runs on at most one CPU.
pred OneCpuPerTask {
  all c: Cpu | all d: Cpu | all t: Task | (c != d and State.running[c] = t) implies State.running[d] != t
}

-- Each CPU's arch default is the label of the group whose cpu_mask holds it.
pred DefaultsFollowCpuMasks {
  all c: Cpu | State.cpuDefaultPartid[c] = State.cpuGroupPartid[c] and State.cpuDefaultPmg[c] = State.cpuGroupPmg[c]
}

-- A bound group is live and PLZA_ASSOC carries its ids on every online CPU.
pred KmodeBindingLive {
  State.kmodeBound = TRUE implies (State.ctrlState[State.kmodeClosid] = live and State.kmodeRmid = State.ctrlPmg[State.kmodeClosid] and (all c: Cpu | c in State.online implies (State.plzaPartid[c] = State.kmodeClosid and State.plzaPmg[c] = State.kmodeRmid)))
}

-- Without a binding the binding's fields are reset.
pred KmodeUnboundClean {
  not State.kmodeBound = TRUE implies (State.kmodeClosid = Closid0 and State.kmodeRmid = Rmid0 and not State.kmodeAssignMon = TRUE)
}

-- The default group stays bound as mounted (RMID_EN set), with PLZA_EN and the default group's ids in PLZA_ASSOC on every CPU, online or not.
pred KmodeBoundAtMount {
  State.kmodeBound = TRUE
  State.kmodeClosid = Closid0
  State.kmodeRmid = Rmid0
  State.kmodeAssignMon = TRUE
  all c: Cpu | c in State.plzaEnabled and (State.plzaPartid[c] = Closid0 and State.plzaPmg[c] = Rmid0)
}

check PartidExclusive { always PartidExclusive } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check MonitorExclusive { always MonitorExclusive } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check DefaultFallback { always DefaultFallback } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check LabelCoherence { always LabelCoherence } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check NoUserBypass { always NoUserBypass } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check NoPriorityInversion { always NoPriorityInversion } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check IrqIsolation { always IrqIsolation } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check StableKernelLabel { always StableKernelLabel } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check AllPartidsUsable { always AllPartidsUsable } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check MonitorAttribution { always MonitorAttribution } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check DefaultGroupLive { always DefaultGroupLive } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check FreeSlotsClean { always FreeSlotsClean } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check SomeCpuOnline { always SomeCpuOnline } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check OfflineCpusQuiet { always OfflineCpusQuiet } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check IdleCpusRunNoKernelWork { always IdleCpusRunNoKernelWork } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check PreemptedTasksAreOffCpu { always PreemptedTasksAreOffCpu } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check OneCpuPerTask { always OneCpuPerTask } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check DefaultsFollowCpuMasks { always DefaultsFollowCpuMasks } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check KmodeBindingLive { always KmodeBindingLive } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check KmodeUnboundClean { always KmodeUnboundClean } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
check KmodeBoundAtMount { always KmodeBoundAtMount } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int, 1..5 steps
