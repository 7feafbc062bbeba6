-- MutexSplit: a lock shared by 2 CPUs, test and set split
-- Written by mpamcheck from the spec MutexSplit (induction form).
-- Range sorts are ordered atoms; the command's Int bitwidth holds every integer.
module MutexSplit_induction

-- interchangeable atoms, so the solver may break their symmetry
sig Cpu {}

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
  s.pc = Cpu -> idle
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

-- At most one CPU holds the lock.
pred MutualExclusion[s: State] {
  all c: Cpu | all d: Cpu | (s.pc[c] = critical and s.pc[d] = critical) implies c = d
}

-- The candidates, proved together: mutual-exclusion.
pred Inductive[s: State] {
  MutualExclusion[s]
}

-- Initiation: the initial state satisfies Inductive.
check Initiation { Init[pre] implies Inductive[pre] } for exactly 2 Cpu, exactly 4 Pc, exactly 2 Bool, 4 Int
-- Consecution, one check per action: a step from a state satisfying Inductive keeps it.
check Consecution_Try { Inductive[pre] and (some c: Cpu | Try[pre, post, c]) implies Inductive[post] } for exactly 2 Cpu, exactly 4 Pc, exactly 2 Bool, 4 Int
check Consecution_Test { Inductive[pre] and (some c: Cpu | Test[pre, post, c]) implies Inductive[post] } for exactly 2 Cpu, exactly 4 Pc, exactly 2 Bool, 4 Int
check Consecution_Set { Inductive[pre] and (some c: Cpu | Set[pre, post, c]) implies Inductive[post] } for exactly 2 Cpu, exactly 4 Pc, exactly 2 Bool, 4 Int
check Consecution_Release { Inductive[pre] and (some c: Cpu | Release[pre, post, c]) implies Inductive[post] } for exactly 2 Cpu, exactly 4 Pc, exactly 2 Bool, 4 Int
