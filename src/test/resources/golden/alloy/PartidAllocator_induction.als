-- PartidAllocator: PARTID allocation and release
-- Written by mpamcheck from the spec PartidAllocator (induction form for partid-exclusive).
-- Range sorts are Alloy integers; the command's Int bitwidth holds every value.
module PartidAllocator_induction

abstract sig Group {}
one sig g0, g1 extends Group {}

-- the integers 0 .. 2
fun PartId: set Int { { n: Int | 0 <= n and n <= 2 } }

abstract sig Status {}
one sig free, live, dying extends Status {}

-- the least element of a set of integers (none for the empty set)
fun smallest[s: set Int]: lone Int { { n: s | no m: s | m < n } }

-- A state; pre and post are the states before and after one step.
abstract sig State {
  -- each group slot: free, live or dying (removed, PARTID not yet released)
  state: Group -> one Status,
  -- the PARTID of each allocated group
  partid: Group -> one Int,
  -- PARTIDs free to allocate
  freeIds: set Int,
  -- PARTIDs some CPU still runs with
  loaded: set Int
}
one sig pre, post extends State {}

-- Integer-valued fields stay inside their sorts.
fact typing {
  all s: State {
    s.partid[Group] in PartId
    s.freeIds in PartId
    s.loaded in PartId
  }
}

pred Init[s: State] {
  s.state = g0 -> free + g1 -> free
  s.partid = g0 -> 0 + g1 -> 0
  s.freeIds = 1 + 2
  s.loaded = none
}

-- mkdir: take the lowest free PARTID
pred Mkdir[pre, post: State, g: Group, p: Int] {
  -- refused with ENOSPC: closid_alloc: no free CLOSID
  pre.freeIds != none
  -- a new directory
  pre.state[g] = free
  -- closid_alloc: first free bit
  p = smallest[pre.freeIds]
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
pred Unload[pre, post: State, p: Int] {
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
  -- the group is dying until the IPIs
  post.state = pre.state ++ g -> dying
  -- closid_free
  post.freeIds = pre.freeIds
  -- unchanged
  post.partid = pre.partid
  post.loaded = pre.loaded
}

-- free the PARTID once no CPU runs with it
pred Release[pre, post: State, g: Group] {
  pre.state[g] = dying
  -- update_closid_rmid has completed
  pre.partid[g] not in pre.loaded
  post.state = pre.state ++ g -> free
  -- closid_free
  post.freeIds = pre.freeIds + pre.partid[g]
  -- unchanged
  post.partid = pre.partid
  post.loaded = pre.loaded
}

-- One step by some action instance (stuttering preserves every invariant).
pred Step[pre, post: State] {
  (some g: Group, p: PartId | Mkdir[pre, post, g, p])
  or (some g: Group | Run[pre, post, g])
  or (some p: PartId | Unload[pre, post, p])
  or (some g: Group | Rmdir[pre, post, g])
  or (some g: Group | Release[pre, post, g])
}

-- No two allocated groups share a PARTID, none is free while allocated, and every PARTID a CPU runs with is allocated or the default.
pred PartidExclusive[s: State] {
  all g: Group | all h: Group | (g != h and s.state[g] != free and s.state[h] != free) implies s.partid[g] != s.partid[h]
  all g: Group | s.state[g] != free implies s.partid[g] not in s.freeIds
  all p: PartId | p in s.loaded implies (p = 0 or (some g: Group | s.state[g] != free and s.partid[g] = p))
}

-- Initiation: the initial state satisfies PartidExclusive.
check Initiation { Init[pre] implies PartidExclusive[pre] } for exactly 2 Group, exactly 3 Status, 3 Int
-- Consecution: a step from a state satisfying PartidExclusive keeps PartidExclusive.
check Consecution { PartidExclusive[pre] and Step[pre, post] implies PartidExclusive[post] } for exactly 2 Group, exactly 3 Status, 3 Int
