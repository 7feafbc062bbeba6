-- SymmetricTokens: 5 symmetric tasks cycling through 4 phases, at most 2 in the last
-- Written by mpamcheck from the spec SymmetricTokens (temporal form).
-- Range sorts are Alloy integers; the command's Int bitwidth holds every value.
module SymmetricTokens

abstract sig Proc {}
one sig proc0, proc1, proc2, proc3, proc4 extends Proc {}

-- the integers 0 .. 3
fun Phase: set Int { { n: Int | 0 <= n and n <= 3 } }

-- The state: one atom whose fields change from step to step.
one sig State {
  -- each task's phase
  var phase: Proc -> one Int
}

-- Integer-valued fields stay inside their sorts.
fact typing {
  always {
    State.phase[Proc] in Phase
  }
}

fact init {
  State.phase = proc0 -> 0 + proc1 -> 0 + proc2 -> 0 + proc3 -> 0 + proc4 -> 0
}

-- move to the next phase
pred Advance[t: Proc] {
  State.phase[t] < 2
  State.phase' = State.phase ++ t -> plus[State.phase[t], 1]
}

-- enter the last phase if there is room
pred Enter[t: Proc] {
  State.phase[t] = 2
  #{ u: Proc | State.phase[u] = 3 } < 2
  State.phase' = State.phase ++ t -> 3
}

-- start over
pred Leave[t: Proc] {
  State.phase[t] = 3
  State.phase' = State.phase ++ t -> 0
}

-- Nothing changes: lets every finite behaviour extend to an infinite trace.
pred Stutter {
  State.phase' = State.phase
}

fact transition {
  always (
    Stutter
    or (some t: Proc | Advance[t])
    or (some t: Proc | Enter[t])
    or (some t: Proc | Leave[t])
  )
}

-- At most 2 tasks are in the last phase.
pred Capacity {
  #{ u: Proc | State.phase[u] = 3 } <= 2
}

check Capacity { always Capacity } for exactly 5 Proc, 4 Int, 1..10 steps
