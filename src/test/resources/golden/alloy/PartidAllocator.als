-- PartidAllocator: PARTID allocation and release
-- Written by mpamcheck from the spec PartidAllocator (temporal form).
-- Range sorts are ordered atoms; the command's Int bitwidth holds every integer.
module PartidAllocator

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

-- The state: one atom whose fields change from step to step.
one sig State {
  -- each group slot: free, live or dying (removed, PARTID not yet released)
  var state: Group -> one Status,
  -- the PARTID of each allocated group
  var partid: Group -> one PartId,
  -- PARTIDs free to allocate
  var freeIds: set PartId,
  -- PARTIDs some CPU still runs with
  var loaded: set PartId
}

fact init {
  State.state = Group -> free
  State.partid = Group -> PartId0
  State.freeIds = PartId1 + PartId2
  State.loaded = none
}

-- mkdir: take the lowest free PARTID
pred Mkdir[g: Group, p: PartId] {
  -- refused with ENOSPC: closid_alloc: no free CLOSID
  State.freeIds != none
  -- a new directory
  State.state[g] = free
  -- closid_alloc: first free bit
  p = smallest[State.freeIds, ^PartId_next]
  State.state' = State.state ++ g -> live
  State.partid' = State.partid ++ g -> p
  State.freeIds' = State.freeIds - p
  -- unchanged
  State.loaded' = State.loaded
}

-- a CPU starts running a task of a live group
pred Run[g: Group] {
  State.state[g] = live
  State.loaded' = State.loaded + State.partid[g]
  -- unchanged
  State.state' = State.state
  State.partid' = State.partid
  State.freeIds' = State.freeIds
}

-- a CPU stops using a PARTID (switch or IPI)
pred Unload[p: PartId] {
  p in State.loaded
  State.loaded' = State.loaded - p
  -- unchanged
  State.state' = State.state
  State.partid' = State.partid
  State.freeIds' = State.freeIds
}

-- rmdir of a live group
pred Rmdir[g: Group] {
  -- rdtgroup_rmdir_ctrl
  State.state[g] = live
  -- the group is dying until the IPIs
  State.state' = State.state ++ g -> dying
  -- closid_free
  State.freeIds' = State.freeIds
  -- unchanged
  State.partid' = State.partid
  State.loaded' = State.loaded
}

-- free the PARTID once no CPU runs with it
pred Release[g: Group] {
  State.state[g] = dying
  -- update_closid_rmid has completed
  State.partid[g] not in State.loaded
  State.state' = State.state ++ g -> free
  -- closid_free
  State.freeIds' = State.freeIds + State.partid[g]
  -- unchanged
  State.partid' = State.partid
  State.loaded' = State.loaded
}

-- Nothing changes: lets every finite behaviour extend to an infinite trace.
pred Stutter {
  State.state' = State.state
  State.partid' = State.partid
  State.freeIds' = State.freeIds
  State.loaded' = State.loaded
}

fact transition {
  always (
    Stutter
    or (some g: Group, p: PartId | Mkdir[g, p])
    or (some g: Group | Run[g])
    or (some p: PartId | Unload[p])
    or (some g: Group | Rmdir[g])
    or (some g: Group | Release[g])
  )
}

-- No two allocated groups share a PARTID, none is free while allocated, and every PARTID a CPU runs with is allocated or the default.
pred PartidExclusive {
  all g: Group | all h: Group | (g != h and State.state[g] != free and State.state[h] != free) implies State.partid[g] != State.partid[h]
  all g: Group | State.state[g] != free implies State.partid[g] not in State.freeIds
  all p: PartId | p in State.loaded implies (p = PartId0 or (some g: Group | State.state[g] != free and State.partid[g] = p))
}

check PartidExclusive { always PartidExclusive } for exactly 2 Group, exactly 3 PartId, exactly 3 Status, 3 Int, 1..10 steps
