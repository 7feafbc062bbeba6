package org.mpamcheck.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mpamcheck.engine.Successors;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.State;
import org.mpamcheck.spec.Trace;
import org.mpamcheck.spec.Value;

/**
 * What a variant pays in label-register writes and barriers per CPU event, measured: every
 * reachable transition of the model at {@link #SCOPE} is taken, and a register counts as written
 * on a transition when its value on some CPU changed (mpam_thread_switch and __resctrl_sched_in
 * skip the write when the label is unchanged, asm/mpam.h). A barrier is counted per MPAM1_EL1
 * write on arm64 that execution continues after at EL1: mpam_thread_switch writes MPAM1_EL1, then
 * isb, then MPAM0_EL1 (whose synchronisation is left to the ERET); a write just before an ERET
 * (interrupt exit) needs none, the ERET is the context synchronisation. x86's WRMSR is itself
 * serialising: no separate barrier. The figures are the most any one event of the kind costs.
 */
public final class RegisterCost {

    /** The kinds of CPU event the review asks about. */
    public enum Event {
        SWITCH("context switch", CoreSteps.SWITCH, CoreSteps.SWITCH_TO_IDLE),
        KERNEL_ENTRY("kernel entry/exit", CoreSteps.KERNEL_ENTER, CoreSteps.KERNEL_EXIT),
        INTERRUPT("interrupt entry/exit", CoreSteps.IRQ_ENTER, CoreSteps.IRQ_EXIT),
        UPDATE_IPI("update IPI", CoreSteps.DELIVER_IPI, CoreSteps.DELIVER_IPI_IDLE);

        public final String text;
        private final List<StepId> steps;

        Event(String text, StepId... steps) {
            this.text = text;
            this.steps = List.of(steps);
        }

        static Event of(String action) {
            for (Event e : values()) {
                if (e.steps.stream().anyMatch(id -> id.name().equals(action))) {
                    return e;
                }
            }
            return null;
        }
    }

    /** The most one event of a kind writes (register writes, barriers) and how often it fired. */
    public record Cost(int writes, int barriers, long transitions) {

        Cost max(int w, int b) {
            return new Cost(Math.max(writes, w), Math.max(barriers, b), transitions + 1);
        }

        /** {@code 2 writes + 1 isb}, {@code 1 MSR write}, {@code none}. */
        public String text(Architecture arch) {
            if (writes == 0 && barriers == 0) {
                return "none";
            }
            String w = writes + (arch == Architecture.X86 ? " MSR" : " sysreg")
                    + (writes == 1 ? " write" : " writes");
            return barriers == 0 ? w : w + " + " + barriers + " isb";
        }
    }

    /**
     * The scope the costs are measured at: every event kind fires there, and a register write
     * costs the same whatever the number of groups, tasks or hotplug events (about a second a
     * variant).
     */
    public static final Scope SCOPE = Scope.small().with("hotplug", 0);

    private static final int STATE_CAP = 500_000;
    private static final Map<String, Map<Event, Cost>> MEASURED = new ConcurrentHashMap<>();

    private RegisterCost() {
    }

    /** The costs of {@code policy}, measured once per run. */
    public static Map<Event, Cost> of(KernelModePolicy policy) {
        return MEASURED.computeIfAbsent(policy.id(), id -> measure(policy));
    }

    private static Map<Event, Cost> measure(KernelModePolicy policy) {
        ResctrlModel model = ResctrlModel.of(policy, SCOPE);
        Spec spec = ResctrlModel.withProperties(model.spec(), List.of());
        List<Register> registers = new ArrayList<>();
        registers.add(model.state().userRegister);
        model.state().kernelRegister.ifPresent(registers::add);
        Successors successors = new Successors(spec);
        Map<Event, Cost> costs = new EnumMap<>(Event.class);
        for (Event e : Event.values()) {
            costs.put(e, new Cost(0, 0, 0));
        }
        Set<State> seen = new HashSet<>();
        Deque<State> queue = new ArrayDeque<>();
        seen.add(spec.initialState());
        queue.add(spec.initialState());
        while (!queue.isEmpty()) {
            State from = queue.poll();
            for (Trace.Step step : successors.of(from)) {
                Event e = Event.of(step.action().action());
                if (e != null) {
                    int writes = 0;
                    int barriers = 0;
                    for (Register r : registers) {
                        int changed = changedCpus(r, from, step.state());
                        writes += changed;
                        if (r != model.state().userRegister && policy.architecture()
                                == Architecture.ARM64 && !returnsByEret(step)) {
                            barriers += changed;
                        }
                    }
                    costs.put(e, costs.get(e).max(writes, barriers));
                }
                if (seen.add(step.state())) {
                    if (seen.size() > STATE_CAP) {
                        throw new IllegalStateException("register costs of " + policy.id()
                                + ": more than " + STATE_CAP + " states at " + SCOPE.name());
                    }
                    queue.add(step.state());
                }
            }
        }
        return costs;
    }

    /** Interrupt exit ends in an ERET, a context synchronisation event: no isb is needed. */
    private static boolean returnsByEret(Trace.Step step) {
        return step.action().action().equals(CoreSteps.IRQ_EXIT.name())
                || step.action().action().equals(CoreSteps.KERNEL_EXIT.name());
    }

    private static int changedCpus(Register r, State from, State to) {
        Value.FnVal p0 = (Value.FnVal) from.get(r.partid().variable());
        Value.FnVal p1 = (Value.FnVal) to.get(r.partid().variable());
        Value.FnVal m0 = (Value.FnVal) from.get(r.pmg().variable());
        Value.FnVal m1 = (Value.FnVal) to.get(r.pmg().variable());
        int n = 0;
        for (int c = 0; c < p0.values().size(); c++) {
            if (!p0.apply(c).equals(p1.apply(c)) || !m0.apply(c).equals(m1.apply(c))) {
                n++;
            }
        }
        return n;
    }

    /** One row per variant, one column per event kind: the review's isb question in figures. */
    public static Table table(List<KernelModePolicy> policies) {
        List<String> header = new ArrayList<>(List.of("variant"));
        for (Event e : Event.values()) {
            header.add(e.text);
        }
        Table t = new Table(header.toArray(String[]::new));
        for (KernelModePolicy p : policies) {
            List<String> row = new ArrayList<>(List.of(p.id()));
            Map<Event, Cost> costs = of(p);
            for (Event e : Event.values()) {
                row.add(costs.get(e).text(p.architecture()));
            }
            t.row(row.toArray(String[]::new));
        }
        return t;
    }

    /** The table with its heading and the sentence that says what the figures are. */
    public static String section(List<KernelModePolicy> policies) {
        return "register cost: the most one event writes (an unchanged label is not rewritten),\n"
                + "measured over every transition at " + SCOPE.bounds() + "\n"
                + table(policies).render("");
    }
}
