-- X86PlzaBoundInheritMon: resctrl with x86 label registers, kernel mode x86-plza/bound-inherit-mon: AMD PLZA (v4): info/kernel_mode binds one group; CPL 0 on kmode_cpus uses its CLOSID; bound for good to the default group, monitoring inherited from the task (RMID_EN=0). Scope ci: cpus=2 tasks=2 groups=1 monitors=0 partids=2 pmgs=2 locks=1 hotplug=unbounded.
-- Written by mpamcheck from the spec X86PlzaBoundInheritMon (induction form).
-- Range sorts are ordered atoms; the command's Int bitwidth holds every integer.
module X86PlzaBoundInheritMon_induction

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

-- A state; pre and post are the states before and after one step.
abstract sig State {
  -- each control group, named by its CLOSID: 0 is the default group (always live)
  ctrlState: Closid -> one Status,
  -- the RMID of each control group's own monitoring
  ctrlPmg: Closid -> one Rmid,
  -- RMIDs freed but still dirty (add_rmid_to_limbo), by rmid index
  limbo: Closid -> set Rmid,
  -- task_struct CLOSID
  taskPartid: Task -> one Closid,
  -- task_struct RMID
  taskPmg: Task -> one Rmid,
  -- the online CPUs
  online: set Cpu,
  -- the task each CPU runs (none: idle)
  running: Cpu -> one TaskOrNone,
  -- what each CPU executes now
  context: Cpu -> one Context,
  -- the CLOSID of the group whose cpus file holds the CPU
  cpuGroupPartid: Cpu -> one Closid,
  -- the RMID of the group whose cpus file holds the CPU
  cpuGroupPmg: Cpu -> one Rmid,
  -- the arch's per-CPU default CLOSID
  cpuDefaultPartid: Cpu -> one Closid,
  -- the arch's per-CPU default RMID
  cpuDefaultPmg: Cpu -> one Rmid,
  -- CPUs with an update_closid_rmid IPI decided but not yet delivered
  ipiPending: set Cpu,
  -- tasks switched out in kernel mode
  preemptedInKernel: set Task,
  -- tasks relabelled whose task_curr check is still to run
  uncheckedMoves: set Task,
  -- PQR_ASSOC CLOSID
  pqrPartid: Cpu -> one Closid,
  -- PQR_ASSOC RMID
  pqrPmg: Cpu -> one Rmid,
  -- PLZA_ASSOC CLOSID
  plzaPartid: Cpu -> one Closid,
  -- PLZA_ASSOC RMID
  plzaPmg: Cpu -> one Rmid,
  -- the task holding each lock
  lockHolder: Lock -> one TaskOrNone,
  -- tasks waiting for each lock
  lockWaiters: Lock -> set Task,
  -- info/kernel_mode binds a group (FALSE: group=uninitialized)
  kmodeBound: one Bool,
  -- the bound group's CLOSID
  kmodeClosid: one Closid,
  -- the bound group's RMID
  kmodeRmid: one Rmid,
  -- the mode assigns monitoring too (RMID_EN)
  kmodeAssignMon: one Bool,
  -- the CPUs with PLZA_EN set (kmode_cpus while bound; an offline CPU keeps its bit)
  plzaEnabled: set Cpu
}
one sig pre, post extends State {}

pred Init[s: State] {
  s.ctrlState = Closid0 -> live + Closid1 -> free
  s.ctrlPmg = Closid0 -> Rmid0 + Closid1 -> Rmid0
  s.limbo = none -> none
  s.taskPartid = Task -> Closid0
  s.taskPmg = Task -> Rmid0
  s.online = Cpu
  s.running = Cpu -> noTask
  s.context = Cpu -> user
  s.cpuGroupPartid = Cpu -> Closid0
  s.cpuGroupPmg = Cpu -> Rmid0
  s.cpuDefaultPartid = Cpu -> Closid0
  s.cpuDefaultPmg = Cpu -> Rmid0
  s.ipiPending = none
  s.preemptedInKernel = none
  s.uncheckedMoves = none
  s.pqrPartid = Cpu -> Closid0
  s.pqrPmg = Cpu -> Rmid0
  s.plzaPartid = Cpu -> Closid0
  s.plzaPmg = Cpu -> Rmid0
  s.lockHolder = Lock -> noTask
  s.lockWaiters = none -> none
  s.kmodeBound = TRUE
  s.kmodeClosid = Closid0
  s.kmodeRmid = Rmid0
  s.kmodeAssignMon = FALSE
  s.plzaEnabled = Cpu
}

-- mkdir of a control group: the lowest free CLOSID and a free RMID [fs/resctrl/rdtgroup.c rdtgroup_mkdir_ctrl_mon]
pred MkdirCtrl[pre, post: State, x: Rmid] {
  -- refused with ENOSPC: closid_alloc / resctrl_find_cleanest_closid: no free CLOSID
  not not (some pe: Closid | pre.ctrlState[pe] = free)
  -- refused with EBUSY: resctrl_find_free_rmid: rmid_free_lru empty, rmid_limbo_count > 0
  not (not (some xf: Rmid | not (some qu: Closid | pre.ctrlState[qu] != free and Closid0 = Closid0 and pre.ctrlPmg[qu] = xf) and xf not in pre.limbo[Closid0]) and (not (some qb: Closid | some xf: Rmid | not (some qu: Closid | pre.ctrlState[qu] != free and Closid0 = Closid0 and pre.ctrlPmg[qu] = xf) and xf not in pre.limbo[Closid0]) and (some qb: Closid | pre.limbo[qb] != none)))
  -- refused with ENOSPC: resctrl_find_free_rmid: no free RMID ("Out of RMIDs")
  not not (some xf: Rmid | not (some qu: Closid | pre.ctrlState[qu] != free and Closid0 = Closid0 and pre.ctrlPmg[qu] = xf) and xf not in pre.limbo[Closid0])
  -- rdtgroup_mkdir runs under rdtgroup_mutex
  pre.ipiPending = none
  pre.uncheckedMoves = none
  all pm: Closid | pre.ctrlState[pm] != dying
  -- alloc_rmid(closid): an unused id of this CLOSID's rmid index, not in limbo
  not (some qu: Closid | pre.ctrlState[qu] != free and Closid0 = Closid0 and pre.ctrlPmg[qu] = x)
  x not in pre.limbo[Closid0]
  -- rdtgroup_mkdir_ctrl_mon
  post.ctrlState = pre.ctrlState ++ smallest[{ pf: Closid | pre.ctrlState[pf] = free }, ^Closid_next] -> live
  -- mkdir_rdt_prepare_rmid_alloc
  post.ctrlPmg = pre.ctrlPmg ++ smallest[{ pf: Closid | pre.ctrlState[pf] = free }, ^Closid_next] -> x
  -- unchanged
  post.limbo = pre.limbo
  post.taskPartid = pre.taskPartid
  post.taskPmg = pre.taskPmg
  post.online = pre.online
  post.running = pre.running
  post.context = pre.context
  post.cpuGroupPartid = pre.cpuGroupPartid
  post.cpuGroupPmg = pre.cpuGroupPmg
  post.cpuDefaultPartid = pre.cpuDefaultPartid
  post.cpuDefaultPmg = pre.cpuDefaultPmg
  post.ipiPending = pre.ipiPending
  post.preemptedInKernel = pre.preemptedInKernel
  post.uncheckedMoves = pre.uncheckedMoves
  post.pqrPartid = pre.pqrPartid
  post.pqrPmg = pre.pqrPmg
  post.plzaPartid = pre.plzaPartid
  post.plzaPmg = pre.plzaPmg
  post.lockHolder = pre.lockHolder
  post.lockWaiters = pre.lockWaiters
  post.kmodeBound = pre.kmodeBound
  post.kmodeClosid = pre.kmodeClosid
  post.kmodeRmid = pre.kmodeRmid
  post.kmodeAssignMon = pre.kmodeAssignMon
  post.plzaEnabled = pre.plzaEnabled
}

-- rmdir of a control group: its tasks and CPUs (and those of its monitor groups) go to the default group [fs/resctrl/rdtgroup.c rdtgroup_rmdir_ctrl]
pred RmdirCtrl[pre, post: State, p: Closid] {
  -- refused with EPERM: rdtgroup_rmdir: the default group cannot be removed
  p != Closid0
  -- rdtgroup_rmdir: rdtgroup_kn_lock_live takes cpus_read_lock and rdtgroup_mutex
  pre.ipiPending = none
  pre.uncheckedMoves = none
  all pm: Closid | pre.ctrlState[pm] != dying
  -- the directory exists
  pre.ctrlState[p] = live
  -- rdtgroup_rmdir_ctrl: the group is dead to every other operation
  post.ctrlState = pre.ctrlState ++ p -> dying
  -- rdt_move_group_tasks(rdtgrp, &rdtgroup_default): closid 0
  post.taskPartid = { t: Task, v0: Closid | v0 = (pre.taskPartid[t] = p => Closid0 else pre.taskPartid[t]) }
  -- rdt_move_group_tasks: rmid 0, also for tasks of child monitor groups
  post.taskPmg = { t: Task, v0: Rmid | v0 = (pre.taskPartid[t] = p => Rmid0 else pre.taskPmg[t]) }
  -- rdt_move_group_tasks: smp_mb(), then task_curr() of each moved task
  post.uncheckedMoves = pre.uncheckedMoves + { tu: Task | pre.taskPartid[tu] = p }
  -- rdtgroup_rmdir_ctrl: cpumask_or(&rdtgroup_default.cpu_mask, rdtgrp)
  post.cpuGroupPartid = { c: Cpu, v0: Closid | v0 = ((c in pre.online and pre.cpuGroupPartid[c] = p) => Closid0 else pre.cpuGroupPartid[c]) }
  -- the default group's own RMID
  post.cpuGroupPmg = { c: Cpu, v0: Rmid | v0 = ((c in pre.online and pre.cpuGroupPartid[c] = p) => Rmid0 else pre.cpuGroupPmg[c]) }
  -- for_each_cpu(rdtgrp->cpu_mask) resctrl_arch_set_cpu_default_closid_rmid(cpu, 0, 0)
  post.cpuDefaultPartid = { c: Cpu, v0: Closid | v0 = ((c in pre.online and pre.cpuGroupPartid[c] = p) => Closid0 else pre.cpuDefaultPartid[c]) }
  -- resctrl_arch_set_cpu_default_closid_rmid(cpu, 0, 0)
  post.cpuDefaultPmg = { c: Cpu, v0: Rmid | v0 = ((c in pre.online and pre.cpuGroupPartid[c] = p) => Rmid0 else pre.cpuDefaultPmg[c]) }
  -- update_closid_rmid(tmpmask | rdtgrp->cpu_mask)
  post.ipiPending = pre.ipiPending + { cw: Cpu | cw in pre.online and pre.cpuGroupPartid[cw] = p }
  -- unchanged
  post.ctrlPmg = pre.ctrlPmg
  post.limbo = pre.limbo
  post.online = pre.online
  post.running = pre.running
  post.context = pre.context
  post.preemptedInKernel = pre.preemptedInKernel
  post.pqrPartid = pre.pqrPartid
  post.pqrPmg = pre.pqrPmg
  post.plzaPartid = pre.plzaPartid
  post.plzaPmg = pre.plzaPmg
  post.lockHolder = pre.lockHolder
  post.lockWaiters = pre.lockWaiters
  post.kmodeBound = pre.kmodeBound
  post.kmodeClosid = pre.kmodeClosid
  post.kmodeRmid = pre.kmodeRmid
  post.kmodeAssignMon = pre.kmodeAssignMon
  post.plzaEnabled = pre.plzaEnabled
}

-- rmdir of a control group completes: its CLOSID is free and its RMIDs enter limbo [fs/resctrl/rdtgroup.c rdtgroup_rmdir_ctrl: closid_free, free_rmid]
pred RmdirCtrlDone[pre, post: State, p: Closid] {
  -- an rmdir in progress
  pre.ctrlState[p] = dying
  -- update_closid_rmid waits for every IPI (on_each_cpu_mask, wait=1)
  pre.ipiPending = none
  pre.uncheckedMoves = none
  -- closid_free: CLOSIDs have no limbo
  post.ctrlState = pre.ctrlState ++ p -> free
  -- a free slot holds no id
  post.ctrlPmg = pre.ctrlPmg ++ p -> Rmid0
  -- free_rmid -> add_rmid_to_limbo (llc_occupancy is monitored)
  post.limbo = (pre.limbo - Closid0 <: pre.limbo) + Closid0 -> (pre.limbo[Closid0] + { xl: Rmid | xl = pre.ctrlPmg[p] })
  -- unchanged
  post.taskPartid = pre.taskPartid
  post.taskPmg = pre.taskPmg
  post.online = pre.online
  post.running = pre.running
  post.context = pre.context
  post.cpuGroupPartid = pre.cpuGroupPartid
  post.cpuGroupPmg = pre.cpuGroupPmg
  post.cpuDefaultPartid = pre.cpuDefaultPartid
  post.cpuDefaultPmg = pre.cpuDefaultPmg
  post.ipiPending = pre.ipiPending
  post.preemptedInKernel = pre.preemptedInKernel
  post.uncheckedMoves = pre.uncheckedMoves
  post.pqrPartid = pre.pqrPartid
  post.pqrPmg = pre.pqrPmg
  post.plzaPartid = pre.plzaPartid
  post.plzaPmg = pre.plzaPmg
  post.lockHolder = pre.lockHolder
  post.lockWaiters = pre.lockWaiters
  post.kmodeBound = pre.kmodeBound
  post.kmodeClosid = pre.kmodeClosid
  post.kmodeRmid = pre.kmodeRmid
  post.kmodeAssignMon = pre.kmodeAssignMon
  post.plzaEnabled = pre.plzaEnabled
}

-- the limbo worker finds an id's occupancy below the threshold and makes it free again [fs/resctrl/monitor.c cqm_handle_limbo]
pred LimboDrain[pre, post: State, p: Closid, x: Rmid] {
  -- cqm_handle_limbo takes rdtgroup_mutex
  pre.ipiPending = none
  pre.uncheckedMoves = none
  all pm: Closid | pre.ctrlState[pm] != dying
  -- __check_limbo: the id is busy
  x in pre.limbo[p]
  -- limbo_release_entry
  post.limbo = (pre.limbo - p <: pre.limbo) + p -> (pre.limbo[p] - x)
  -- unchanged
  post.ctrlState = pre.ctrlState
  post.ctrlPmg = pre.ctrlPmg
  post.taskPartid = pre.taskPartid
  post.taskPmg = pre.taskPmg
  post.online = pre.online
  post.running = pre.running
  post.context = pre.context
  post.cpuGroupPartid = pre.cpuGroupPartid
  post.cpuGroupPmg = pre.cpuGroupPmg
  post.cpuDefaultPartid = pre.cpuDefaultPartid
  post.cpuDefaultPmg = pre.cpuDefaultPmg
  post.ipiPending = pre.ipiPending
  post.preemptedInKernel = pre.preemptedInKernel
  post.uncheckedMoves = pre.uncheckedMoves
  post.pqrPartid = pre.pqrPartid
  post.pqrPmg = pre.pqrPmg
  post.plzaPartid = pre.plzaPartid
  post.plzaPmg = pre.plzaPmg
  post.lockHolder = pre.lockHolder
  post.lockWaiters = pre.lockWaiters
  post.kmodeBound = pre.kmodeBound
  post.kmodeClosid = pre.kmodeClosid
  post.kmodeRmid = pre.kmodeRmid
  post.kmodeAssignMon = pre.kmodeAssignMon
  post.plzaEnabled = pre.plzaEnabled
}

-- echo PID > tasks of a control group (the default group's at /sys/fs/resctrl/tasks) [fs/resctrl/rdtgroup.c rdtgroup_tasks_write -> __rdtgroup_move_task]
pred MoveTask[pre, post: State, t: Task, p: Closid] {
  -- rdtgroup_tasks_write: rdtgroup_kn_lock_live
  pre.ipiPending = none
  pre.uncheckedMoves = none
  all pm: Closid | pre.ctrlState[pm] != dying
  -- the directory exists
  pre.ctrlState[p] = live
  -- task_in_rdtgroup: a task already in the group is a no-op
  not (pre.taskPartid[t] = p and pre.taskPmg[t] = pre.ctrlPmg[p])
  -- resctrl_arch_set_closid_rmid: the CLOSID and the group's own RMID
  post.taskPartid = pre.taskPartid ++ t -> p
  -- __rdtgroup_move_task: the task leaves any monitor group
  post.taskPmg = pre.taskPmg ++ t -> pre.ctrlPmg[p]
  -- smp_mb(): the task_curr check follows
  post.uncheckedMoves = pre.uncheckedMoves + t
  -- unchanged
  post.ctrlState = pre.ctrlState
  post.ctrlPmg = pre.ctrlPmg
  post.limbo = pre.limbo
  post.online = pre.online
  post.running = pre.running
  post.context = pre.context
  post.cpuGroupPartid = pre.cpuGroupPartid
  post.cpuGroupPmg = pre.cpuGroupPmg
  post.cpuDefaultPartid = pre.cpuDefaultPartid
  post.cpuDefaultPmg = pre.cpuDefaultPmg
  post.ipiPending = pre.ipiPending
  post.preemptedInKernel = pre.preemptedInKernel
  post.pqrPartid = pre.pqrPartid
  post.pqrPmg = pre.pqrPmg
  post.plzaPartid = pre.plzaPartid
  post.plzaPmg = pre.plzaPmg
  post.lockHolder = pre.lockHolder
  post.lockWaiters = pre.lockWaiters
  post.kmodeBound = pre.kmodeBound
  post.kmodeClosid = pre.kmodeClosid
  post.kmodeRmid = pre.kmodeRmid
  post.kmodeAssignMon = pre.kmodeAssignMon
  post.plzaEnabled = pre.plzaEnabled
}

-- after smp_mb(), the writer checks whether a relabelled task is running and interrupts its CPU [fs/resctrl/rdtgroup.c __rdtgroup_move_task, rdt_move_group_tasks]
pred CheckTaskCurr[pre, post: State, t: Task] {
  -- a relabelled task not yet checked
  t in pre.uncheckedMoves
  -- update_task_closid_rmid: smp_call_function_single(task_cpu(t)) if task_curr(t)
  post.ipiPending = pre.ipiPending + { ct: Cpu | pre.running[ct] = t }
  -- checked
  post.uncheckedMoves = pre.uncheckedMoves - t
  -- unchanged
  post.ctrlState = pre.ctrlState
  post.ctrlPmg = pre.ctrlPmg
  post.limbo = pre.limbo
  post.taskPartid = pre.taskPartid
  post.taskPmg = pre.taskPmg
  post.online = pre.online
  post.running = pre.running
  post.context = pre.context
  post.cpuGroupPartid = pre.cpuGroupPartid
  post.cpuGroupPmg = pre.cpuGroupPmg
  post.cpuDefaultPartid = pre.cpuDefaultPartid
  post.cpuDefaultPmg = pre.cpuDefaultPmg
  post.preemptedInKernel = pre.preemptedInKernel
  post.pqrPartid = pre.pqrPartid
  post.pqrPmg = pre.pqrPmg
  post.plzaPartid = pre.plzaPartid
  post.plzaPmg = pre.plzaPmg
  post.lockHolder = pre.lockHolder
  post.lockWaiters = pre.lockWaiters
  post.kmodeBound = pre.kmodeBound
  post.kmodeClosid = pre.kmodeClosid
  post.kmodeRmid = pre.kmodeRmid
  post.kmodeAssignMon = pre.kmodeAssignMon
  post.plzaEnabled = pre.plzaEnabled
}

-- echo CPUS > cpus of a control group, adding one CPU [fs/resctrl/rdtgroup.c rdtgroup_cpus_write -> cpus_ctrl_write]
pred CpusAdd[pre, post: State, p: Closid, c: Cpu] {
  -- refused with EINVAL: rdtgroup_cpus_write: "Can only assign online CPUs"
  not c not in pre.online
  -- rdtgroup_cpus_write: rdtgroup_kn_lock_live
  pre.ipiPending = none
  pre.uncheckedMoves = none
  all pm: Closid | pre.ctrlState[pm] != dying
  -- the directory exists
  pre.ctrlState[p] = live
  -- added = new & ~old: a CPU already in the group is not added
  not (c in pre.online and pre.cpuGroupPartid[c] = p)
  -- cpus_ctrl_write: cpumask_rdtgrp_clear(r, added) for its owner
  post.cpuGroupPartid = { c2: Cpu, v0: Closid | v0 = ((c2 = c or (c2 in pre.online and pre.cpuGroupPartid[c2] = p)) => p else pre.cpuGroupPartid[c2]) }
  -- cpus_ctrl_write: cpumask_clear(&child->cpu_mask) for each monitor group
  post.cpuGroupPmg = { c2: Cpu, v0: Rmid | v0 = ((c2 = c or (c2 in pre.online and pre.cpuGroupPartid[c2] = p)) => pre.ctrlPmg[p] else pre.cpuGroupPmg[c2]) }
  -- update_closid_rmid(added, rdtgrp): the arch default
  post.cpuDefaultPartid = { c2: Cpu, v0: Closid | v0 = ((c2 = c or (c2 in pre.online and pre.cpuGroupPartid[c2] = p)) => p else pre.cpuDefaultPartid[c2]) }
  -- resctrl_arch_set_cpu_default_closid_rmid
  post.cpuDefaultPmg = { c2: Cpu, v0: Rmid | v0 = ((c2 = c or (c2 in pre.online and pre.cpuGroupPartid[c2] = p)) => pre.ctrlPmg[p] else pre.cpuDefaultPmg[c2]) }
  -- update_closid_rmid: the added CPUs and the children's
  post.ipiPending = pre.ipiPending + { c3: Cpu | c3 = c or ((c3 in pre.online and pre.cpuGroupPartid[c3] = p) and pre.cpuGroupPmg[c3] != pre.ctrlPmg[p]) }
  -- unchanged
  post.ctrlState = pre.ctrlState
  post.ctrlPmg = pre.ctrlPmg
  post.limbo = pre.limbo
  post.taskPartid = pre.taskPartid
  post.taskPmg = pre.taskPmg
  post.online = pre.online
  post.running = pre.running
  post.context = pre.context
  post.preemptedInKernel = pre.preemptedInKernel
  post.uncheckedMoves = pre.uncheckedMoves
  post.pqrPartid = pre.pqrPartid
  post.pqrPmg = pre.pqrPmg
  post.plzaPartid = pre.plzaPartid
  post.plzaPmg = pre.plzaPmg
  post.lockHolder = pre.lockHolder
  post.lockWaiters = pre.lockWaiters
  post.kmodeBound = pre.kmodeBound
  post.kmodeClosid = pre.kmodeClosid
  post.kmodeRmid = pre.kmodeRmid
  post.kmodeAssignMon = pre.kmodeAssignMon
  post.plzaEnabled = pre.plzaEnabled
}

-- echo CPUS > cpus of a control group, leaving one CPU out: it returns to the default group [fs/resctrl/rdtgroup.c cpus_ctrl_write]
pred CpusDrop[pre, post: State, p: Closid, c: Cpu] {
  -- refused with EINVAL: cpus_ctrl_write: "Can't drop CPUs from default group"
  not (p = Closid0 and (c in pre.online and pre.cpuGroupPartid[c] = Closid0))
  -- rdtgroup_cpus_write: rdtgroup_kn_lock_live
  pre.ipiPending = none
  pre.uncheckedMoves = none
  all pm: Closid | pre.ctrlState[pm] != dying
  -- the directory exists
  pre.ctrlState[p] = live
  -- the CPU is in the group
  c in pre.online
  pre.cpuGroupPartid[c] = p
  -- cpus_ctrl_write: dropped CPUs go back to the default group
  post.cpuGroupPartid = pre.cpuGroupPartid ++ c -> Closid0
  -- the default group's RMID
  post.cpuGroupPmg = pre.cpuGroupPmg ++ c -> Rmid0
  -- update_closid_rmid(dropped, &rdtgroup_default)
  post.cpuDefaultPartid = pre.cpuDefaultPartid ++ c -> Closid0
  -- resctrl_arch_set_cpu_default_closid_rmid(cpu, 0, 0)
  post.cpuDefaultPmg = pre.cpuDefaultPmg ++ c -> Rmid0
  -- update_closid_rmid
  post.ipiPending = pre.ipiPending + c
  -- unchanged
  post.ctrlState = pre.ctrlState
  post.ctrlPmg = pre.ctrlPmg
  post.limbo = pre.limbo
  post.taskPartid = pre.taskPartid
  post.taskPmg = pre.taskPmg
  post.online = pre.online
  post.running = pre.running
  post.context = pre.context
  post.preemptedInKernel = pre.preemptedInKernel
  post.uncheckedMoves = pre.uncheckedMoves
  post.pqrPartid = pre.pqrPartid
  post.pqrPmg = pre.pqrPmg
  post.plzaPartid = pre.plzaPartid
  post.plzaPmg = pre.plzaPmg
  post.lockHolder = pre.lockHolder
  post.lockWaiters = pre.lockWaiters
  post.kmodeBound = pre.kmodeBound
  post.kmodeClosid = pre.kmodeClosid
  post.kmodeRmid = pre.kmodeRmid
  post.kmodeAssignMon = pre.kmodeAssignMon
  post.plzaEnabled = pre.plzaEnabled
}

-- context switch: the CPU picks up a task that is not running, from user or kernel context (preemption, a task that sleeps) [arch/x86/include/asm/resctrl.h __resctrl_sched_in]
pred Switch[pre, post: State, c: Cpu, t: Task] {
  -- an online CPU
  c in pre.online
  -- not inside an interrupt handler
  pre.context[c] = user or pre.context[c] = kernel
  -- a task runs on one CPU at a time
  all cn: Cpu | pre.running[cn] != t
  -- __switch_to
  post.running = pre.running ++ c -> t
  -- the task resumes where it was switched out; a kernel thread runs at EL1 / CPL 0 only
  post.context = pre.context ++ c -> (t in pre.preemptedInKernel => kernel else user)
  -- the outgoing task keeps its kernel context
  post.preemptedInKernel = (pre.preemptedInKernel - t) + { tk: Task | pre.running[c] = tk and pre.context[c] = kernel }
  -- resctrl_arch_sched_in -> __resctrl_sched_in
  post.pqrPartid = pre.pqrPartid ++ c -> (pre.taskPartid[t] = Closid0 => pre.cpuDefaultPartid[c] else pre.taskPartid[t])
  -- resctrl_arch_sched_in -> __resctrl_sched_in
  post.pqrPmg = pre.pqrPmg ++ c -> (pre.taskPmg[t] = Rmid0 => pre.cpuDefaultPmg[c] else pre.taskPmg[t])
  -- unchanged
  post.ctrlState = pre.ctrlState
  post.ctrlPmg = pre.ctrlPmg
  post.limbo = pre.limbo
  post.taskPartid = pre.taskPartid
  post.taskPmg = pre.taskPmg
  post.online = pre.online
  post.cpuGroupPartid = pre.cpuGroupPartid
  post.cpuGroupPmg = pre.cpuGroupPmg
  post.cpuDefaultPartid = pre.cpuDefaultPartid
  post.cpuDefaultPmg = pre.cpuDefaultPmg
  post.ipiPending = pre.ipiPending
  post.uncheckedMoves = pre.uncheckedMoves
  post.plzaPartid = pre.plzaPartid
  post.plzaPmg = pre.plzaPmg
  post.lockHolder = pre.lockHolder
  post.lockWaiters = pre.lockWaiters
  post.kmodeBound = pre.kmodeBound
  post.kmodeClosid = pre.kmodeClosid
  post.kmodeRmid = pre.kmodeRmid
  post.kmodeAssignMon = pre.kmodeAssignMon
  post.plzaEnabled = pre.plzaEnabled
}

-- context switch to the idle task (its label is the default group's, so the CPU default applies) [arch/x86/include/asm/resctrl.h __resctrl_sched_in]
pred SwitchToIdle[pre, post: State, c: Cpu] {
  -- a task runs
  pre.running[c] != noTask
  -- not inside an interrupt handler
  pre.context[c] = user or pre.context[c] = kernel
  -- __switch_to(prev, idle)
  post.running = pre.running ++ c -> noTask
  -- the idle loop (no task's kernel work)
  post.context = pre.context ++ c -> user
  -- the outgoing task keeps its kernel context
  post.preemptedInKernel = pre.preemptedInKernel + { tk: Task | pre.running[c] = tk and pre.context[c] = kernel }
  -- mpam_thread_switch(idle) / __resctrl_sched_in(idle): the CPU default
  post.pqrPartid = pre.pqrPartid ++ c -> pre.cpuDefaultPartid[c]
  -- mpam_thread_switch(idle) / __resctrl_sched_in(idle): the CPU default
  post.pqrPmg = pre.pqrPmg ++ c -> pre.cpuDefaultPmg[c]
  -- unchanged
  post.ctrlState = pre.ctrlState
  post.ctrlPmg = pre.ctrlPmg
  post.limbo = pre.limbo
  post.taskPartid = pre.taskPartid
  post.taskPmg = pre.taskPmg
  post.online = pre.online
  post.cpuGroupPartid = pre.cpuGroupPartid
  post.cpuGroupPmg = pre.cpuGroupPmg
  post.cpuDefaultPartid = pre.cpuDefaultPartid
  post.cpuDefaultPmg = pre.cpuDefaultPmg
  post.ipiPending = pre.ipiPending
  post.uncheckedMoves = pre.uncheckedMoves
  post.plzaPartid = pre.plzaPartid
  post.plzaPmg = pre.plzaPmg
  post.lockHolder = pre.lockHolder
  post.lockWaiters = pre.lockWaiters
  post.kmodeBound = pre.kmodeBound
  post.kmodeClosid = pre.kmodeClosid
  post.kmodeRmid = pre.kmodeRmid
  post.kmodeAssignMon = pre.kmodeAssignMon
  post.plzaEnabled = pre.plzaEnabled
}

-- the update IPI runs on the CPU: resctrl_arch_sched_in(current) [fs/resctrl/rdtgroup.c update_cpu_closid_rmid]
pred DeliverIpi[pre, post: State, c: Cpu, t: Task] {
  -- an IPI is pending
  c in pre.ipiPending
  -- interrupts are masked while a handler runs
  not (pre.context[c] = irqFromUser or pre.context[c] = irqFromKernel)
  -- the current task
  pre.running[c] = t
  -- resctrl_arch_sync_cpu_closid_rmid
  post.ipiPending = pre.ipiPending - c
  -- resctrl_arch_sched_in(current)
  post.pqrPartid = pre.pqrPartid ++ c -> (pre.taskPartid[t] = Closid0 => pre.cpuDefaultPartid[c] else pre.taskPartid[t])
  -- resctrl_arch_sched_in(current)
  post.pqrPmg = pre.pqrPmg ++ c -> (pre.taskPmg[t] = Rmid0 => pre.cpuDefaultPmg[c] else pre.taskPmg[t])
  -- unchanged
  post.ctrlState = pre.ctrlState
  post.ctrlPmg = pre.ctrlPmg
  post.limbo = pre.limbo
  post.taskPartid = pre.taskPartid
  post.taskPmg = pre.taskPmg
  post.online = pre.online
  post.running = pre.running
  post.context = pre.context
  post.cpuGroupPartid = pre.cpuGroupPartid
  post.cpuGroupPmg = pre.cpuGroupPmg
  post.cpuDefaultPartid = pre.cpuDefaultPartid
  post.cpuDefaultPmg = pre.cpuDefaultPmg
  post.preemptedInKernel = pre.preemptedInKernel
  post.uncheckedMoves = pre.uncheckedMoves
  post.plzaPartid = pre.plzaPartid
  post.plzaPmg = pre.plzaPmg
  post.lockHolder = pre.lockHolder
  post.lockWaiters = pre.lockWaiters
  post.kmodeBound = pre.kmodeBound
  post.kmodeClosid = pre.kmodeClosid
  post.kmodeRmid = pre.kmodeRmid
  post.kmodeAssignMon = pre.kmodeAssignMon
  post.plzaEnabled = pre.plzaEnabled
}

-- the update IPI runs on an idle CPU: the idle task is in the default group, so the CPU default applies [fs/resctrl/rdtgroup.c update_cpu_closid_rmid]
pred DeliverIpiIdle[pre, post: State, c: Cpu] {
  -- an IPI is pending
  c in pre.ipiPending
  -- the CPU is idle
  pre.running[c] = noTask
  -- interrupts are masked while a handler runs
  not (pre.context[c] = irqFromUser or pre.context[c] = irqFromKernel)
  -- resctrl_arch_sync_cpu_closid_rmid
  post.ipiPending = pre.ipiPending - c
  -- resctrl_arch_sched_in(idle)
  post.pqrPartid = pre.pqrPartid ++ c -> pre.cpuDefaultPartid[c]
  -- resctrl_arch_sched_in(idle)
  post.pqrPmg = pre.pqrPmg ++ c -> pre.cpuDefaultPmg[c]
  -- unchanged
  post.ctrlState = pre.ctrlState
  post.ctrlPmg = pre.ctrlPmg
  post.limbo = pre.limbo
  post.taskPartid = pre.taskPartid
  post.taskPmg = pre.taskPmg
  post.online = pre.online
  post.running = pre.running
  post.context = pre.context
  post.cpuGroupPartid = pre.cpuGroupPartid
  post.cpuGroupPmg = pre.cpuGroupPmg
  post.cpuDefaultPartid = pre.cpuDefaultPartid
  post.cpuDefaultPmg = pre.cpuDefaultPmg
  post.preemptedInKernel = pre.preemptedInKernel
  post.uncheckedMoves = pre.uncheckedMoves
  post.plzaPartid = pre.plzaPartid
  post.plzaPmg = pre.plzaPmg
  post.lockHolder = pre.lockHolder
  post.lockWaiters = pre.lockWaiters
  post.kmodeBound = pre.kmodeBound
  post.kmodeClosid = pre.kmodeClosid
  post.kmodeRmid = pre.kmodeRmid
  post.kmodeAssignMon = pre.kmodeAssignMon
  post.plzaEnabled = pre.plzaEnabled
}

-- the running task enters the kernel (syscall or fault): EL0 -> EL1, CPL 3 -> 0 [arch/arm64/kernel/entry-common.c el0_svc]
pred KernelEnter[pre, post: State, c: Cpu, t: Task] {
  -- the running task
  pre.running[c] = t
  -- from user mode
  pre.context[c] = user
  -- el0_svc; no register is written on entry
  post.context = pre.context ++ c -> kernel
  -- unchanged
  post.ctrlState = pre.ctrlState
  post.ctrlPmg = pre.ctrlPmg
  post.limbo = pre.limbo
  post.taskPartid = pre.taskPartid
  post.taskPmg = pre.taskPmg
  post.online = pre.online
  post.running = pre.running
  post.cpuGroupPartid = pre.cpuGroupPartid
  post.cpuGroupPmg = pre.cpuGroupPmg
  post.cpuDefaultPartid = pre.cpuDefaultPartid
  post.cpuDefaultPmg = pre.cpuDefaultPmg
  post.ipiPending = pre.ipiPending
  post.preemptedInKernel = pre.preemptedInKernel
  post.uncheckedMoves = pre.uncheckedMoves
  post.pqrPartid = pre.pqrPartid
  post.pqrPmg = pre.pqrPmg
  post.plzaPartid = pre.plzaPartid
  post.plzaPmg = pre.plzaPmg
  post.lockHolder = pre.lockHolder
  post.lockWaiters = pre.lockWaiters
  post.kmodeBound = pre.kmodeBound
  post.kmodeClosid = pre.kmodeClosid
  post.kmodeRmid = pre.kmodeRmid
  post.kmodeAssignMon = pre.kmodeAssignMon
  post.plzaEnabled = pre.plzaEnabled
}

-- the task returns to user mode [ERET / SYSRET]
pred KernelExit[pre, post: State, c: Cpu, t: Task] {
  -- the running task
  pre.running[c] = t
  -- in the kernel
  pre.context[c] = kernel
  -- no kernel lock is held or awaited across return
  not (some lh: Lock | pre.lockHolder[lh] = t or t in pre.lockWaiters[lh])
  -- ERET to EL0
  post.context = pre.context ++ c -> user
  -- unchanged
  post.ctrlState = pre.ctrlState
  post.ctrlPmg = pre.ctrlPmg
  post.limbo = pre.limbo
  post.taskPartid = pre.taskPartid
  post.taskPmg = pre.taskPmg
  post.online = pre.online
  post.running = pre.running
  post.cpuGroupPartid = pre.cpuGroupPartid
  post.cpuGroupPmg = pre.cpuGroupPmg
  post.cpuDefaultPartid = pre.cpuDefaultPartid
  post.cpuDefaultPmg = pre.cpuDefaultPmg
  post.ipiPending = pre.ipiPending
  post.preemptedInKernel = pre.preemptedInKernel
  post.uncheckedMoves = pre.uncheckedMoves
  post.pqrPartid = pre.pqrPartid
  post.pqrPmg = pre.pqrPmg
  post.plzaPartid = pre.plzaPartid
  post.plzaPmg = pre.plzaPmg
  post.lockHolder = pre.lockHolder
  post.lockWaiters = pre.lockWaiters
  post.kmodeBound = pre.kmodeBound
  post.kmodeClosid = pre.kmodeClosid
  post.kmodeRmid = pre.kmodeRmid
  post.kmodeAssignMon = pre.kmodeAssignMon
  post.plzaEnabled = pre.plzaEnabled
}

-- an interrupt is taken on the CPU [interrupt entry at EL1 / CPL 0]
pred IrqEnter[pre, post: State, c: Cpu] {
  -- an online CPU, busy or idle
  c in pre.online
  -- interrupts do not nest here
  pre.context[c] = user or pre.context[c] = kernel
  -- interrupts run at EL1 / CPL 0
  post.context = pre.context ++ c -> (pre.context[c] = user => irqFromUser else irqFromKernel)
  -- unchanged
  post.ctrlState = pre.ctrlState
  post.ctrlPmg = pre.ctrlPmg
  post.limbo = pre.limbo
  post.taskPartid = pre.taskPartid
  post.taskPmg = pre.taskPmg
  post.online = pre.online
  post.running = pre.running
  post.cpuGroupPartid = pre.cpuGroupPartid
  post.cpuGroupPmg = pre.cpuGroupPmg
  post.cpuDefaultPartid = pre.cpuDefaultPartid
  post.cpuDefaultPmg = pre.cpuDefaultPmg
  post.ipiPending = pre.ipiPending
  post.preemptedInKernel = pre.preemptedInKernel
  post.uncheckedMoves = pre.uncheckedMoves
  post.pqrPartid = pre.pqrPartid
  post.pqrPmg = pre.pqrPmg
  post.plzaPartid = pre.plzaPartid
  post.plzaPmg = pre.plzaPmg
  post.lockHolder = pre.lockHolder
  post.lockWaiters = pre.lockWaiters
  post.kmodeBound = pre.kmodeBound
  post.kmodeClosid = pre.kmodeClosid
  post.kmodeRmid = pre.kmodeRmid
  post.kmodeAssignMon = pre.kmodeAssignMon
  post.plzaEnabled = pre.plzaEnabled
}

-- the interrupt handler returns [interrupt exit]
pred IrqExit[pre, post: State, c: Cpu] {
  -- in an interrupt
  pre.context[c] = irqFromUser or pre.context[c] = irqFromKernel
  -- return to the interrupted context
  post.context = pre.context ++ c -> (pre.context[c] = irqFromUser => user else kernel)
  -- unchanged
  post.ctrlState = pre.ctrlState
  post.ctrlPmg = pre.ctrlPmg
  post.limbo = pre.limbo
  post.taskPartid = pre.taskPartid
  post.taskPmg = pre.taskPmg
  post.online = pre.online
  post.running = pre.running
  post.cpuGroupPartid = pre.cpuGroupPartid
  post.cpuGroupPmg = pre.cpuGroupPmg
  post.cpuDefaultPartid = pre.cpuDefaultPartid
  post.cpuDefaultPmg = pre.cpuDefaultPmg
  post.ipiPending = pre.ipiPending
  post.preemptedInKernel = pre.preemptedInKernel
  post.uncheckedMoves = pre.uncheckedMoves
  post.pqrPartid = pre.pqrPartid
  post.pqrPmg = pre.pqrPmg
  post.plzaPartid = pre.plzaPartid
  post.plzaPmg = pre.plzaPmg
  post.lockHolder = pre.lockHolder
  post.lockWaiters = pre.lockWaiters
  post.kmodeBound = pre.kmodeBound
  post.kmodeClosid = pre.kmodeClosid
  post.kmodeRmid = pre.kmodeRmid
  post.kmodeAssignMon = pre.kmodeAssignMon
  post.plzaEnabled = pre.plzaEnabled
}

-- the task takes a free kernel lock [kernel/locking/mutex.c mutex_lock]
pred LockTake[pre, post: State, c: Cpu, t: Task, l: Lock] {
  -- the running task
  pre.running[c] = t
  -- kernel locks are used in kernel context
  pre.context[c] = kernel
  -- the lock is free
  pre.lockHolder[l] = noTask
  -- mutex_lock
  post.lockHolder = pre.lockHolder ++ l -> t
  -- a waiter stops waiting when it gets the lock
  post.lockWaiters = (pre.lockWaiters - l <: pre.lockWaiters) + l -> (pre.lockWaiters[l] - t)
  -- unchanged
  post.ctrlState = pre.ctrlState
  post.ctrlPmg = pre.ctrlPmg
  post.limbo = pre.limbo
  post.taskPartid = pre.taskPartid
  post.taskPmg = pre.taskPmg
  post.online = pre.online
  post.running = pre.running
  post.context = pre.context
  post.cpuGroupPartid = pre.cpuGroupPartid
  post.cpuGroupPmg = pre.cpuGroupPmg
  post.cpuDefaultPartid = pre.cpuDefaultPartid
  post.cpuDefaultPmg = pre.cpuDefaultPmg
  post.ipiPending = pre.ipiPending
  post.preemptedInKernel = pre.preemptedInKernel
  post.uncheckedMoves = pre.uncheckedMoves
  post.pqrPartid = pre.pqrPartid
  post.pqrPmg = pre.pqrPmg
  post.plzaPartid = pre.plzaPartid
  post.plzaPmg = pre.plzaPmg
  post.kmodeBound = pre.kmodeBound
  post.kmodeClosid = pre.kmodeClosid
  post.kmodeRmid = pre.kmodeRmid
  post.kmodeAssignMon = pre.kmodeAssignMon
  post.plzaEnabled = pre.plzaEnabled
}

-- the task waits for a kernel lock another task holds [kernel/locking/mutex.c __mutex_lock_common]
pred LockWait[pre, post: State, c: Cpu, t: Task, l: Lock] {
  -- the running task
  pre.running[c] = t
  -- kernel locks are used in kernel context
  pre.context[c] = kernel
  -- the lock is held
  pre.lockHolder[l] != noTask
  -- by another task
  pre.lockHolder[l] != t
  -- one lock at a time
  not (some lh: Lock | pre.lockHolder[lh] = t or t in pre.lockWaiters[lh])
  -- mutex_lock: optimistic spinning on the owner
  post.lockWaiters = (pre.lockWaiters - l <: pre.lockWaiters) + l -> (pre.lockWaiters[l] + t)
  -- unchanged
  post.ctrlState = pre.ctrlState
  post.ctrlPmg = pre.ctrlPmg
  post.limbo = pre.limbo
  post.taskPartid = pre.taskPartid
  post.taskPmg = pre.taskPmg
  post.online = pre.online
  post.running = pre.running
  post.context = pre.context
  post.cpuGroupPartid = pre.cpuGroupPartid
  post.cpuGroupPmg = pre.cpuGroupPmg
  post.cpuDefaultPartid = pre.cpuDefaultPartid
  post.cpuDefaultPmg = pre.cpuDefaultPmg
  post.ipiPending = pre.ipiPending
  post.preemptedInKernel = pre.preemptedInKernel
  post.uncheckedMoves = pre.uncheckedMoves
  post.pqrPartid = pre.pqrPartid
  post.pqrPmg = pre.pqrPmg
  post.plzaPartid = pre.plzaPartid
  post.plzaPmg = pre.plzaPmg
  post.lockHolder = pre.lockHolder
  post.kmodeBound = pre.kmodeBound
  post.kmodeClosid = pre.kmodeClosid
  post.kmodeRmid = pre.kmodeRmid
  post.kmodeAssignMon = pre.kmodeAssignMon
  post.plzaEnabled = pre.plzaEnabled
}

-- the task releases a kernel lock [kernel/locking/mutex.c mutex_unlock]
pred LockRelease[pre, post: State, c: Cpu, t: Task, l: Lock] {
  -- the running task
  pre.running[c] = t
  -- kernel locks are used in kernel context
  pre.context[c] = kernel
  -- the holder
  pre.lockHolder[l] = t
  -- mutex_unlock
  post.lockHolder = pre.lockHolder ++ l -> noTask
  -- unchanged
  post.ctrlState = pre.ctrlState
  post.ctrlPmg = pre.ctrlPmg
  post.limbo = pre.limbo
  post.taskPartid = pre.taskPartid
  post.taskPmg = pre.taskPmg
  post.online = pre.online
  post.running = pre.running
  post.context = pre.context
  post.cpuGroupPartid = pre.cpuGroupPartid
  post.cpuGroupPmg = pre.cpuGroupPmg
  post.cpuDefaultPartid = pre.cpuDefaultPartid
  post.cpuDefaultPmg = pre.cpuDefaultPmg
  post.ipiPending = pre.ipiPending
  post.preemptedInKernel = pre.preemptedInKernel
  post.uncheckedMoves = pre.uncheckedMoves
  post.pqrPartid = pre.pqrPartid
  post.pqrPmg = pre.pqrPmg
  post.plzaPartid = pre.plzaPartid
  post.plzaPmg = pre.plzaPmg
  post.lockWaiters = pre.lockWaiters
  post.kmodeBound = pre.kmodeBound
  post.kmodeClosid = pre.kmodeClosid
  post.kmodeRmid = pre.kmodeRmid
  post.kmodeAssignMon = pre.kmodeAssignMon
  post.plzaEnabled = pre.plzaEnabled
}

-- a CPU goes offline; its task migrates away [fs/resctrl/rdtgroup.c resctrl_offline_cpu]
pred CpuOffline[pre, post: State, c: Cpu] {
  -- resctrl_offline_cpu takes rdtgroup_mutex; a resctrl write holds cpus_read_lock, which hotplug waits for
  pre.ipiPending = none
  pre.uncheckedMoves = none
  all pm: Closid | pre.ctrlState[pm] != dying
  -- an online CPU
  c in pre.online
  -- one CPU always stays online
  2 <= #pre.online
  -- not inside an interrupt handler
  pre.context[c] = user or pre.context[c] = kernel
  -- cpuhp teardown
  post.online = pre.online - c
  -- migrate_tasks
  post.running = pre.running ++ c -> noTask
  -- offline
  post.context = pre.context ++ c -> user
  -- the migrated task keeps its kernel context
  post.preemptedInKernel = pre.preemptedInKernel + { tk: Task | pre.running[c] = tk and pre.context[c] = kernel }
  -- resctrl_offline_cpu: cleared from its group's cpu_mask
  post.cpuGroupPartid = pre.cpuGroupPartid ++ c -> Closid0
  -- resctrl_offline_cpu: clear_childcpus
  post.cpuGroupPmg = pre.cpuGroupPmg ++ c -> Rmid0
  -- resctrl_arch_offline_cpu: clear_closid_rmid
  post.cpuDefaultPartid = pre.cpuDefaultPartid ++ c -> Closid0
  -- resctrl_arch_offline_cpu: clear_closid_rmid
  post.cpuDefaultPmg = pre.cpuDefaultPmg ++ c -> Rmid0
  -- resctrl_arch_offline_cpu: clear_closid_rmid
  post.pqrPartid = pre.pqrPartid ++ c -> Closid0
  -- resctrl_arch_offline_cpu: clear_closid_rmid
  post.pqrPmg = pre.pqrPmg ++ c -> Rmid0
  -- clear_closid_rmid does not touch PQR_PLZA_ASSOC (v4)
  post.plzaPartid = pre.plzaPartid ++ c -> pre.plzaPartid[c]
  -- clear_closid_rmid does not touch PQR_PLZA_ASSOC (v4)
  post.plzaPmg = pre.plzaPmg ++ c -> pre.plzaPmg[c]
  -- unchanged
  post.ctrlState = pre.ctrlState
  post.ctrlPmg = pre.ctrlPmg
  post.limbo = pre.limbo
  post.taskPartid = pre.taskPartid
  post.taskPmg = pre.taskPmg
  post.ipiPending = pre.ipiPending
  post.uncheckedMoves = pre.uncheckedMoves
  post.lockHolder = pre.lockHolder
  post.lockWaiters = pre.lockWaiters
  post.kmodeBound = pre.kmodeBound
  post.kmodeClosid = pre.kmodeClosid
  post.kmodeRmid = pre.kmodeRmid
  post.kmodeAssignMon = pre.kmodeAssignMon
  post.plzaEnabled = pre.plzaEnabled
}

-- a CPU comes online in the default group with its label registers reset [fs/resctrl/rdtgroup.c resctrl_online_cpu]
pred CpuOnline[pre, post: State, c: Cpu] {
  -- resctrl_online_cpu takes rdtgroup_mutex
  pre.ipiPending = none
  pre.uncheckedMoves = none
  all pm: Closid | pre.ctrlState[pm] != dying
  -- an offline CPU
  c not in pre.online
  -- resctrl_online_cpu: added to rdtgroup_default.cpu_mask
  post.online = pre.online + c
  -- resctrl_arch_online_cpu: clear_closid_rmid
  post.cpuDefaultPartid = pre.cpuDefaultPartid ++ c -> Closid0
  -- resctrl_arch_online_cpu: clear_closid_rmid
  post.cpuDefaultPmg = pre.cpuDefaultPmg ++ c -> Rmid0
  -- resctrl_arch_online_cpu: clear_closid_rmid
  post.pqrPartid = pre.pqrPartid ++ c -> Closid0
  -- resctrl_arch_online_cpu: clear_closid_rmid
  post.pqrPmg = pre.pqrPmg ++ c -> Rmid0
  -- resctrl_kmode_online_cpu: configure(cpumask_of(cpu))
  post.plzaPartid = pre.plzaPartid ++ c -> (pre.kmodeBound = TRUE => pre.kmodeClosid else pre.plzaPartid[c])
  -- resctrl_kmode_online_cpu
  post.plzaPmg = pre.plzaPmg ++ c -> (pre.kmodeBound = TRUE => pre.kmodeRmid else pre.plzaPmg[c])
  -- resctrl_kmode_online_cpu: joins kmode_cpu_mask when bound
  post.plzaEnabled = (pre.kmodeBound = TRUE => pre.plzaEnabled + c else pre.plzaEnabled)
  -- unchanged
  post.ctrlState = pre.ctrlState
  post.ctrlPmg = pre.ctrlPmg
  post.limbo = pre.limbo
  post.taskPartid = pre.taskPartid
  post.taskPmg = pre.taskPmg
  post.running = pre.running
  post.context = pre.context
  post.cpuGroupPartid = pre.cpuGroupPartid
  post.cpuGroupPmg = pre.cpuGroupPmg
  post.ipiPending = pre.ipiPending
  post.preemptedInKernel = pre.preemptedInKernel
  post.uncheckedMoves = pre.uncheckedMoves
  post.lockHolder = pre.lockHolder
  post.lockWaiters = pre.lockWaiters
  post.kmodeBound = pre.kmodeBound
  post.kmodeClosid = pre.kmodeClosid
  post.kmodeRmid = pre.kmodeRmid
  post.kmodeAssignMon = pre.kmodeAssignMon
}

-- No two live control groups share a PARTID/CLOSID, and no CPU runs on a freed one.
pred PartidExclusive[s: State] {
  all c: Cpu | c in s.online implies (s.ctrlState[s.pqrPartid[c]] != free and s.ctrlState[(c in s.plzaEnabled => s.plzaPartid[c] else s.pqrPartid[c])] != free)
}

-- No two live monitor groups share a monitor label, and none is reused from limbo.
pred MonitorExclusive[s: State] {
  all p: Closid | all q: Closid | (s.ctrlState[p] != free and s.ctrlState[q] != free and p != q) implies not (Closid0 = Closid0 and s.ctrlPmg[p] = s.ctrlPmg[q])
  all p: Closid | s.ctrlState[p] != free implies s.ctrlPmg[p] not in s.limbo[Closid0]
  all c: Cpu | c in s.online implies ((some qu: Closid | s.ctrlState[qu] != free and Closid0 = Closid0 and s.ctrlPmg[qu] = s.pqrPmg[c]) and (some qu: Closid | s.ctrlState[qu] != free and Closid0 = Closid0 and s.ctrlPmg[qu] = ((c in s.plzaEnabled and s.kmodeAssignMon = TRUE) => s.plzaPmg[c] else s.pqrPmg[c])))
}

-- Tasks and CPUs of a removed group fall back to its parent (the default group for a control group).
pred DefaultFallback[s: State] {
  all t: Task | s.ctrlState[s.taskPartid[t]] = live and s.taskPmg[t] = s.ctrlPmg[s.taskPartid[t]]
  all c: Cpu | c in s.online implies ((s.ctrlState[s.cpuGroupPartid[c]] = live and s.cpuGroupPmg[c] = s.ctrlPmg[s.cpuGroupPartid[c]]) and (s.ctrlState[s.cpuDefaultPartid[c]] = live and s.cpuDefaultPmg[c] = s.ctrlPmg[s.cpuDefaultPartid[c]]))
}

-- Once updates are delivered, each CPU runs with the label resctrl assigned to its task.
pred LabelCoherence[s: State] {
  all c: Cpu | all t: Task | (c in s.online and c not in s.ipiPending and s.running[c] = t and t not in s.uncheckedMoves) implies (s.pqrPartid[c] = (s.taskPartid[t] = Closid0 => s.cpuGroupPartid[c] else s.taskPartid[t]) and s.pqrPmg[c] = (s.taskPmg[t] = Rmid0 => s.cpuGroupPmg[c] else s.taskPmg[t]))
  all c: Cpu | (c in s.online and c not in s.ipiPending and s.running[c] = noTask) implies (s.pqrPartid[c] = s.cpuGroupPartid[c] and s.pqrPmg[c] = s.cpuGroupPmg[c])
}

-- A task holding a kernel lock that others wait for runs, in the kernel on a CPU with no update pending, under the group the policy designates for kernel work (PARTID 0 unless the policy binds another).
pred NoPriorityInversion[s: State] {
  all l: Lock | all c: Cpu | all t: Task | ((s.lockHolder[l] = t and s.lockWaiters[l] != none and s.running[c] = t and s.context[c] = kernel) and c not in s.ipiPending) implies (s.context[c] = user => s.pqrPartid[c] else (c in s.plzaEnabled => s.plzaPartid[c] else s.pqrPartid[c])) = (s.kmodeBound = TRUE => s.kmodeClosid else Closid0)
}

-- An interrupt taken while a task runs, on a CPU with no update pending, is labelled with the designated kernel group's PARTID or with one other than the task's own.
pred IrqIsolation[s: State] {
  all c: Cpu | all t: Task | (c in s.online and c not in s.ipiPending and s.running[c] = t and (s.context[c] = irqFromUser or s.context[c] = irqFromKernel)) implies ((s.context[c] = user => s.pqrPartid[c] else (c in s.plzaEnabled => s.plzaPartid[c] else s.pqrPartid[c])) = (s.kmodeBound = TRUE => s.kmodeClosid else Closid0) or (s.context[c] = user => s.pqrPartid[c] else (c in s.plzaEnabled => s.plzaPartid[c] else s.pqrPartid[c])) != (s.taskPartid[t] = Closid0 => s.cpuGroupPartid[c] else s.taskPartid[t]))
}

-- Kernel work done on behalf of a task is counted in the task's own monitor group: in the kernel, on a CPU with no update pending, the monitor label in force (RMID; on MPAM the PARTID/PMG pair) is the one resctrl assigns the task.
pred MonitorAttribution[s: State] {
  all c: Cpu | all t: Task | (c in s.online and c not in s.ipiPending and s.running[c] = t and t not in s.uncheckedMoves) implies (s.context[c] = kernel implies (s.context[c] = user => s.pqrPmg[c] else ((c in s.plzaEnabled and s.kmodeAssignMon = TRUE) => s.plzaPmg[c] else s.pqrPmg[c])) = (s.taskPmg[t] = Rmid0 => s.cpuGroupPmg[c] else s.taskPmg[t]))
}

-- The default group always exists with label (0, 0) (rdtgroup_setup_default; rmdir refuses it).
pred DefaultGroupLive[s: State] {
  s.ctrlState[Closid0] = live
  s.ctrlPmg[Closid0] = Rmid0
}

-- A free group slot holds no ids.
pred FreeSlotsClean[s: State] {
  all p: Closid | s.ctrlState[p] = free implies s.ctrlPmg[p] = Rmid0
}

-- One CPU always stays online.
pred SomeCpuOnline[s: State] {
  some c: Cpu | c in s.online
}

-- An offline CPU is idle, in the default group and without a pending IPI (resctrl_offline_cpu).
pred OfflineCpusQuiet[s: State] {
  all c: Cpu | c not in s.online implies (s.running[c] = noTask and s.context[c] = user and (s.cpuGroupPartid[c] = Closid0 and s.cpuGroupPmg[c] = Rmid0) and c not in s.ipiPending)
}

-- An idle CPU runs no task's kernel work: it is in its idle loop or in an interrupt taken there.
pred IdleCpusRunNoKernelWork[s: State] {
  all c: Cpu | s.running[c] = noTask implies (s.context[c] = user or s.context[c] = irqFromUser)
}

-- A task switched out in kernel mode runs nowhere until it is switched back in.
pred PreemptedTasksAreOffCpu[s: State] {
  all t: Task | t in s.preemptedInKernel implies (all c: Cpu | s.running[c] != t)
}

-- A task runs on at most one CPU.
pred OneCpuPerTask[s: State] {
  all c: Cpu | all d: Cpu | all t: Task | (c != d and s.running[c] = t) implies s.running[d] != t
}

-- Each CPU's arch default is the label of the group whose cpu_mask holds it.
pred DefaultsFollowCpuMasks[s: State] {
  all c: Cpu | s.cpuDefaultPartid[c] = s.cpuGroupPartid[c] and s.cpuDefaultPmg[c] = s.cpuGroupPmg[c]
}

-- A bound group is live and PLZA_ASSOC carries its ids on every online CPU.
pred KmodeBindingLive[s: State] {
  s.kmodeBound = TRUE implies (s.ctrlState[s.kmodeClosid] = live and s.kmodeRmid = s.ctrlPmg[s.kmodeClosid] and (all c: Cpu | c in s.online implies (s.plzaPartid[c] = s.kmodeClosid and s.plzaPmg[c] = s.kmodeRmid)))
}

-- Without a binding the binding's fields are reset.
pred KmodeUnboundClean[s: State] {
  not s.kmodeBound = TRUE implies (s.kmodeClosid = Closid0 and s.kmodeRmid = Rmid0 and not s.kmodeAssignMon = TRUE)
}

-- The default group stays bound as mounted (RMID_EN clear), with PLZA_EN and the default group's ids in PLZA_ASSOC on every CPU, online or not.
pred KmodeBoundAtMount[s: State] {
  s.kmodeBound = TRUE
  s.kmodeClosid = Closid0
  s.kmodeRmid = Rmid0
  not s.kmodeAssignMon = TRUE
  all c: Cpu | c in s.plzaEnabled and (s.plzaPartid[c] = Closid0 and s.plzaPmg[c] = Rmid0)
}

-- The candidates, proved together: partid-exclusive, monitor-exclusive, default-fallback, label-coherence, no-priority-inversion, irq-isolation, monitor-attribution, default-group-live, free-slots-clean, some-cpu-online, offline-cpus-quiet, idle-cpus-run-no-kernel-work, preempted-tasks-are-off-cpu, one-cpu-per-task, defaults-follow-cpu-masks, kmode-binding-live, kmode-unbound-clean, kmode-bound-at-mount.
pred Inductive[s: State] {
  PartidExclusive[s]
  MonitorExclusive[s]
  DefaultFallback[s]
  LabelCoherence[s]
  NoPriorityInversion[s]
  IrqIsolation[s]
  MonitorAttribution[s]
  DefaultGroupLive[s]
  FreeSlotsClean[s]
  SomeCpuOnline[s]
  OfflineCpusQuiet[s]
  IdleCpusRunNoKernelWork[s]
  PreemptedTasksAreOffCpu[s]
  OneCpuPerTask[s]
  DefaultsFollowCpuMasks[s]
  KmodeBindingLive[s]
  KmodeUnboundClean[s]
  KmodeBoundAtMount[s]
}

-- Initiation: the initial state satisfies Inductive.
check Initiation { Init[pre] implies Inductive[pre] } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int
-- Consecution, one check per action: a step from a state satisfying Inductive keeps it.
check Consecution_MkdirCtrl { Inductive[pre] and (some x: Rmid | MkdirCtrl[pre, post, x]) implies Inductive[post] } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int
check Consecution_RmdirCtrl { Inductive[pre] and (some p: Closid | RmdirCtrl[pre, post, p]) implies Inductive[post] } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int
check Consecution_RmdirCtrlDone { Inductive[pre] and (some p: Closid | RmdirCtrlDone[pre, post, p]) implies Inductive[post] } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int
check Consecution_LimboDrain { Inductive[pre] and (some p: Closid, x: Rmid | LimboDrain[pre, post, p, x]) implies Inductive[post] } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int
check Consecution_MoveTask { Inductive[pre] and (some t: Task, p: Closid | MoveTask[pre, post, t, p]) implies Inductive[post] } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int
check Consecution_CheckTaskCurr { Inductive[pre] and (some t: Task | CheckTaskCurr[pre, post, t]) implies Inductive[post] } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int
check Consecution_CpusAdd { Inductive[pre] and (some p: Closid, c: Cpu | CpusAdd[pre, post, p, c]) implies Inductive[post] } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int
check Consecution_CpusDrop { Inductive[pre] and (some p: Closid, c: Cpu | CpusDrop[pre, post, p, c]) implies Inductive[post] } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int
check Consecution_Switch { Inductive[pre] and (some c: Cpu, t: Task | Switch[pre, post, c, t]) implies Inductive[post] } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int
check Consecution_SwitchToIdle { Inductive[pre] and (some c: Cpu | SwitchToIdle[pre, post, c]) implies Inductive[post] } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int
check Consecution_DeliverIpi { Inductive[pre] and (some c: Cpu, t: Task | DeliverIpi[pre, post, c, t]) implies Inductive[post] } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int
check Consecution_DeliverIpiIdle { Inductive[pre] and (some c: Cpu | DeliverIpiIdle[pre, post, c]) implies Inductive[post] } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int
check Consecution_KernelEnter { Inductive[pre] and (some c: Cpu, t: Task | KernelEnter[pre, post, c, t]) implies Inductive[post] } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int
check Consecution_KernelExit { Inductive[pre] and (some c: Cpu, t: Task | KernelExit[pre, post, c, t]) implies Inductive[post] } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int
check Consecution_IrqEnter { Inductive[pre] and (some c: Cpu | IrqEnter[pre, post, c]) implies Inductive[post] } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int
check Consecution_IrqExit { Inductive[pre] and (some c: Cpu | IrqExit[pre, post, c]) implies Inductive[post] } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int
check Consecution_LockTake { Inductive[pre] and (some c: Cpu, t: Task, l: Lock | LockTake[pre, post, c, t, l]) implies Inductive[post] } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int
check Consecution_LockWait { Inductive[pre] and (some c: Cpu, t: Task, l: Lock | LockWait[pre, post, c, t, l]) implies Inductive[post] } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int
check Consecution_LockRelease { Inductive[pre] and (some c: Cpu, t: Task, l: Lock | LockRelease[pre, post, c, t, l]) implies Inductive[post] } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int
check Consecution_CpuOffline { Inductive[pre] and (some c: Cpu | CpuOffline[pre, post, c]) implies Inductive[post] } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int
check Consecution_CpuOnline { Inductive[pre] and (some c: Cpu | CpuOnline[pre, post, c]) implies Inductive[post] } for exactly 2 Cpu, exactly 2 Task, exactly 1 Lock, exactly 2 Closid, exactly 2 Rmid, exactly 3 Status, exactly 4 Context, exactly 3 TaskOrNone, exactly 2 Bool, 4 Int
