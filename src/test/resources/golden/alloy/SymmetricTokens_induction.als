-- SymmetricTokens: 5 symmetric tasks cycling through 4 phases, at most 2 in the last
-- Written by mpamcheck from the spec SymmetricTokens (induction form for capacity).
-- Range sorts are Alloy integers; the command's Int bitwidth holds every value.
module SymmetricTokens_induction

abstract sig Proc {}
one sig proc0, proc1, proc2, proc3, proc4 extends Proc {}

-- the integers 0 .. 3
fun Phase: set Int { { n: Int | 0 <= n and n <= 3 } }

-- A state; pre and post are the states before and after one step.
abstract sig State {
  -- each task's phase
  phase: Proc -> one Int
}
one sig pre, post extends State {}

-- Integer-valued fields stay inside their sorts.
fact typing {
  all s: State {
    s.phase[Proc] in Phase
  }
}

pred Init[s: State] {
  s.phase = proc0 -> 0 + proc1 -> 0 + proc2 -> 0 + proc3 -> 0 + proc4 -> 0
}

-- move to the next phase
pred Advance[pre, post: State, t: Proc] {
  pre.phase[t] < 2
  post.phase = pre.phase ++ t -> plus[pre.phase[t], 1]
}

-- enter the last phase if there is room
pred Enter[pre, post: State, t: Proc] {
  pre.phase[t] = 2
  #{ u: Proc | pre.phase[u] = 3 } < 2
  post.phase = pre.phase ++ t -> 3
}

-- start over
pred Leave[pre, post: State, t: Proc] {
  pre.phase[t] = 3
  post.phase = pre.phase ++ t -> 0
}

-- One step by some action instance (stuttering preserves every invariant).
pred Step[pre, post: State] {
  (some t: Proc | Advance[pre, post, t])
  or (some t: Proc | Enter[pre, post, t])
  or (some t: Proc | Leave[pre, post, t])
}

-- At most 2 tasks are in the last phase.
pred Capacity[s: State] {
  #{ u: Proc | s.phase[u] = 3 } <= 2
}

-- Initiation: the initial state satisfies Capacity.
check Initiation { Init[pre] implies Capacity[pre] } for exactly 5 Proc, 4 Int
-- Consecution: a step from a state satisfying Capacity keeps Capacity.
check Consecution { Capacity[pre] and Step[pre, post] implies Capacity[post] } for exactly 5 Proc, 4 Int
