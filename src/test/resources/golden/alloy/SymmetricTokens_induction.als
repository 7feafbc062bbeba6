-- SymmetricTokens: 5 symmetric tasks cycling through 4 phases, at most 2 in the last
-- Written by mpamcheck from the spec SymmetricTokens (induction form).
-- Range sorts are ordered atoms; the command's Int bitwidth holds every integer.
module SymmetricTokens_induction

-- interchangeable atoms, so the solver may break their symmetry
sig Proc {}

-- the integers 0 .. 3, one atom each
abstract sig Phase {}
one sig Phase0, Phase1, Phase2, Phase3 extends Phase {}
fun Phase_int: Phase -> Int { Phase0 -> 0 + Phase1 -> 1 + Phase2 -> 2 + Phase3 -> 3 }
fun Phase_next: Phase -> Phase { Phase0 -> Phase1 + Phase1 -> Phase2 + Phase2 -> Phase3 }

-- A state; pre and post are the states before and after one step.
abstract sig State {
  -- each task's phase
  phase: Proc -> one Phase
}
one sig pre, post extends State {}

pred Init[s: State] {
  s.phase = Proc -> Phase0
}

-- move to the next phase
pred Advance[pre, post: State, t: Proc] {
  Phase2 in pre.phase[t].^Phase_next
  post.phase = pre.phase ++ t -> plus[pre.phase[t].Phase_int, 1].~Phase_int
}

-- enter the last phase if there is room
pred Enter[pre, post: State, t: Proc] {
  pre.phase[t] = Phase2
  #{ u: Proc | pre.phase[u] = Phase3 } < 2
  post.phase = pre.phase ++ t -> Phase3
}

-- start over
pred Leave[pre, post: State, t: Proc] {
  pre.phase[t] = Phase3
  post.phase = pre.phase ++ t -> Phase0
}

-- At most 2 tasks are in the last phase.
pred Capacity[s: State] {
  #{ u: Proc | s.phase[u] = Phase3 } <= 2
}

-- The candidates, proved together: capacity.
pred Inductive[s: State] {
  Capacity[s]
}

-- Initiation: the initial state satisfies Inductive.
check Initiation { Init[pre] implies Inductive[pre] } for exactly 5 Proc, exactly 4 Phase, 4 Int
-- Consecution, one check per action: a step from a state satisfying Inductive keeps it.
check Consecution_Advance { Inductive[pre] and (some t: Proc | Advance[pre, post, t]) implies Inductive[post] } for exactly 5 Proc, exactly 4 Phase, 4 Int
check Consecution_Enter { Inductive[pre] and (some t: Proc | Enter[pre, post, t]) implies Inductive[post] } for exactly 5 Proc, exactly 4 Phase, 4 Int
check Consecution_Leave { Inductive[pre] and (some t: Proc | Leave[pre, post, t]) implies Inductive[post] } for exactly 5 Proc, exactly 4 Phase, 4 Int
