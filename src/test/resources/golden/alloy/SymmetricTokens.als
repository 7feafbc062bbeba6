-- SymmetricTokens: 5 symmetric tasks cycling through 4 phases, at most 2 in the last
-- Written by mpamcheck from the spec SymmetricTokens (temporal form).
-- Range sorts are ordered atoms; the command's Int bitwidth holds every integer.
module SymmetricTokens

-- interchangeable atoms, so the solver may break their symmetry
sig Proc {}

-- the integers 0 .. 3, one atom each
abstract sig Phase {}
one sig Phase0, Phase1, Phase2, Phase3 extends Phase {}
fun Phase_int: Phase -> Int { Phase0 -> 0 + Phase1 -> 1 + Phase2 -> 2 + Phase3 -> 3 }
fun Phase_next: Phase -> Phase { Phase0 -> Phase1 + Phase1 -> Phase2 + Phase2 -> Phase3 }

-- The state: one atom whose fields change from step to step.
one sig State {
  -- each task's phase
  var phase: Proc -> one Phase
}

fact init {
  State.phase = Proc -> Phase0
}

-- move to the next phase
pred Advance[t: Proc] {
  Phase2 in State.phase[t].^Phase_next
  State.phase' = State.phase ++ t -> plus[State.phase[t].Phase_int, 1].~Phase_int
}

-- enter the last phase if there is room
pred Enter[t: Proc] {
  State.phase[t] = Phase2
  #{ u: Proc | State.phase[u] = Phase3 } < 2
  State.phase' = State.phase ++ t -> Phase3
}

-- start over
pred Leave[t: Proc] {
  State.phase[t] = Phase3
  State.phase' = State.phase ++ t -> Phase0
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
  #{ u: Proc | State.phase[u] = Phase3 } <= 2
}

check Capacity { always Capacity } for exactly 5 Proc, exactly 4 Phase, 4 Int, 1..10 steps
