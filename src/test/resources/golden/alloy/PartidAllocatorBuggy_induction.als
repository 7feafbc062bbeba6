-- PartidAllocatorBuggy: PARTID allocation and release with a premature free
-- Written by mpamcheck from the spec PartidAllocatorBuggy (induction form).
-- Range sorts are ordered atoms; the command's Int bitwidth holds every integer.
module PartidAllocatorBuggy_induction

-- interchangeable atoms, so the solver may break their symmetry
sig Group {}

-- the integers 0 .. 2, one atom each
abstract sig PartId {}
one sig PartId0, PartId1, PartId2 extends PartId {}
fun PartId_int: PartId -> Int { PartId0 -> 0 + PartId1 -> 1 + PartId2 -> 2 }
fun PartId_next: PartId -> PartId { PartId0 -> PartId1 + PartId1 -> PartId2 }

abstract sig Status {}
one sig free, live, dying extends Status {}

-- the least elements of a set under an order (none for the empty set)
fun smallest[s: set univ, below: univ -> univ]: set univ { s - s.below }

-- A state; pre and post are the states before and after one step.
abstract sig State {
  -- each group slot: free, live or dying (removed, PARTID not yet released)
  state: Group -> one Status,
  -- the PARTID of each allocated group
  partid: Group -> one PartId,
  -- PARTIDs free to allocate
  freeIds: set PartId,
  -- PARTIDs some CPU still runs with
  loaded: set PartId
}
one sig pre, post extends State {}

pred Init[s: State] {
  s.state = Group -> free
  s.partid = Group -> PartId0
  s.freeIds = PartId1 + PartId2
  s.loaded = none
}

-- mkdir: take the lowest free PARTID
pred Mkdir[pre, post: State, g: Group, p: PartId] {
  -- refused with ENOSPC: closid_alloc: no free CLOSID
  pre.freeIds != none
  -- a new directory
  pre.state[g] = free
  -- closid_alloc: first free bit
  p = smallest[pre.freeIds, ^PartId_next]
  post.state = pre.state ++ g -> live
  post.partid = pre.partid ++ g -> p
  post.freeIds = pre.freeIds - p
  -- unchanged
  post.loaded = pre.loaded
}

-- a CPU starts running a task of a live group
pred Run[pre, post: State, g: Group] {
  pre.state[g] = live
  post.loaded = pre.loaded + pre.partid[g]
  -- unchanged
  post.state = pre.state
  post.partid = pre.partid
  post.freeIds = pre.freeIds
}

-- a CPU stops using a PARTID (switch or IPI)
pred Unload[pre, post: State, p: PartId] {
  p in pre.loaded
  post.loaded = pre.loaded - p
  -- unchanged
  post.state = pre.state
  post.partid = pre.partid
  post.freeIds = pre.freeIds
}

-- rmdir of a live group
pred Rmdir[pre, post: State, g: Group] {
  -- rdtgroup_rmdir_ctrl
  pre.state[g] = live
  -- BUG: frees before the IPIs
  post.state = pre.state ++ g -> free
  -- closid_free
  post.freeIds = pre.freeIds + pre.partid[g]
  -- unchanged
  post.partid = pre.partid
  post.loaded = pre.loaded
}

-- No two allocated groups share a PARTID, none is free while allocated, and every PARTID a CPU runs with is allocated or the default.
pred PartidExclusive[s: State] {
  all g: Group | all h: Group | (g != h and s.state[g] != free and s.state[h] != free) implies s.partid[g] != s.partid[h]
  all g: Group | s.state[g] != free implies s.partid[g] not in s.freeIds
  all p: PartId | p in s.loaded implies (p = PartId0 or (some g: Group | s.state[g] != free and s.partid[g] = p))
}

-- The candidates, proved together: partid-exclusive.
pred Inductive[s: State] {
  PartidExclusive[s]
}

-- Initiation: the initial state satisfies Inductive.
check Initiation { Init[pre] implies Inductive[pre] } for exactly 2 Group, exactly 3 PartId, exactly 3 Status, 3 Int
-- Consecution, one check per action: a step from a state satisfying Inductive keeps it.
check Consecution_Mkdir { Inductive[pre] and (some g: Group, p: PartId | Mkdir[pre, post, g, p]) implies Inductive[post] } for exactly 2 Group, exactly 3 PartId, exactly 3 Status, 3 Int
check Consecution_Run { Inductive[pre] and (some g: Group | Run[pre, post, g]) implies Inductive[post] } for exactly 2 Group, exactly 3 PartId, exactly 3 Status, 3 Int
check Consecution_Unload { Inductive[pre] and (some p: PartId | Unload[pre, post, p]) implies Inductive[post] } for exactly 2 Group, exactly 3 PartId, exactly 3 Status, 3 Int
check Consecution_Rmdir { Inductive[pre] and (some g: Group | Rmdir[pre, post, g]) implies Inductive[post] } for exactly 2 Group, exactly 3 PartId, exactly 3 Status, 3 Int
