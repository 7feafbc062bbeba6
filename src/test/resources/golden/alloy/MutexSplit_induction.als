-- MutexSplit: a lock shared by 2 CPUs, test and set split
-- Written by mpamcheck from the spec MutexSplit (induction form for mutual-exclusion).
-- Range sorts are Alloy integers; the command's Int bitwidth holds every value.
module MutexSplit_induction

abstract sig Cpu {}
one sig cpu0, cpu1 extends Cpu {}

abstract sig Pc {}
one sig idle, trying, tested, critical extends Pc {}

abstract sig Bool {}
one sig FALSE, TRUE extends Bool {}

-- A state; pre and post are the states before and after one step.
abstract sig State {
  -- each CPU's position
  pc: Cpu -> one Pc,
  -- the lock word
  locked: one Bool
}
one sig pre, post extends State {}

pred Init[s: State] {
  s.pc = cpu0 -> idle + cpu1 -> idle
  s.locked = FALSE
}

-- start to take the lock
pred Try[pre, post: State, c: Cpu] {
  pre.pc[c] = idle
  post.pc = pre.pc ++ c -> trying
  -- unchanged
  post.locked = pre.locked
}

-- read the lock word: free
pred Test[pre, post: State, c: Cpu] {
  pre.pc[c] = trying
  pre.locked = FALSE
  post.pc = pre.pc ++ c -> tested
  -- unchanged
  post.locked = pre.locked
}

-- write the lock word
pred Set[pre, post: State, c: Cpu] {
  pre.pc[c] = tested
  post.pc = pre.pc ++ c -> critical
  post.locked = TRUE
}

-- leave the critical section
pred Release[pre, post: State, c: Cpu] {
  pre.pc[c] = critical
  post.pc = pre.pc ++ c -> idle
  post.locked = FALSE
}

-- One step by some action instance (stuttering preserves every invariant).
pred Step[pre, post: State] {
  (some c: Cpu | Try[pre, post, c])
  or (some c: Cpu | Test[pre, post, c])
  or (some c: Cpu | Set[pre, post, c])
  or (some c: Cpu | Release[pre, post, c])
}

-- At most one CPU holds the lock.
pred MutualExclusion[s: State] {
  all c: Cpu | all d: Cpu | (s.pc[c] = critical and s.pc[d] = critical) implies c = d
}

-- Initiation: the initial state satisfies MutualExclusion.
check Initiation { Init[pre] implies MutualExclusion[pre] } for exactly 2 Cpu, exactly 4 Pc, exactly 2 Bool, 4 Int
-- Consecution: a step from a state satisfying MutualExclusion keeps MutualExclusion.
check Consecution { MutualExclusion[pre] and Step[pre, post] implies MutualExclusion[post] } for exactly 2 Cpu, exactly 4 Pc, exactly 2 Bool, 4 Int
