-- MutexSplit: a lock shared by 2 CPUs, test and set split
-- Written by mpamcheck from the spec MutexSplit (temporal form).
-- Range sorts are ordered atoms; the command's Int bitwidth holds every integer.
module MutexSplit

-- interchangeable atoms, so the solver may break their symmetry
sig Cpu {}

abstract sig Pc {}
one sig idle, trying, tested, critical extends Pc {}

abstract sig Bool {}
one sig FALSE, TRUE extends Bool {}

-- The state: one atom whose fields change from step to step.
one sig State {
  -- each CPU's position
  var pc: Cpu -> one Pc,
  -- the lock word
  var locked: one Bool
}

fact init {
  State.pc = Cpu -> idle
  State.locked = FALSE
}

-- start to take the lock
pred Try[c: Cpu] {
  State.pc[c] = idle
  State.pc' = State.pc ++ c -> trying
  -- unchanged
  State.locked' = State.locked
}

-- read the lock word: free
pred Test[c: Cpu] {
  State.pc[c] = trying
  State.locked = FALSE
  State.pc' = State.pc ++ c -> tested
  -- unchanged
  State.locked' = State.locked
}

-- write the lock word
pred Set[c: Cpu] {
  State.pc[c] = tested
  State.pc' = State.pc ++ c -> critical
  State.locked' = TRUE
}

-- leave the critical section
pred Release[c: Cpu] {
  State.pc[c] = critical
  State.pc' = State.pc ++ c -> idle
  State.locked' = FALSE
}

-- Nothing changes: lets every finite behaviour extend to an infinite trace.
pred Stutter {
  State.pc' = State.pc
  State.locked' = State.locked
}

fact transition {
  always (
    Stutter
    or (some c: Cpu | Try[c])
    or (some c: Cpu | Test[c])
    or (some c: Cpu | Set[c])
    or (some c: Cpu | Release[c])
  )
}

-- At most one CPU holds the lock.
pred MutualExclusion {
  all c: Cpu | all d: Cpu | (State.pc[c] = critical and State.pc[d] = critical) implies c = d
}

check MutualExclusion { always MutualExclusion } for exactly 2 Cpu, exactly 4 Pc, exactly 2 Bool, 4 Int, 1..10 steps
