package org.mpamcheck.model;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.mpamcheck.spec.ActionInstance;
import org.mpamcheck.spec.State;
import org.mpamcheck.spec.Trace;
import org.mpamcheck.spec.Value;

/**
 * Tells a trace of the resctrl model as a kernel developer would: each step as the resctrl
 * command or CPU event it models, each state as a per-CPU register table and a group table.
 * It reads only values; every rule lives in the spec.
 */
public final class TraceNarrator {

    private final KernelModePolicy policy;
    private final Architecture arch;
    private final ResctrlModel model;
    private final ResctrlState m;

    public TraceNarrator(KernelModePolicy policy, Scope scope) {
        this.policy = policy;
        this.arch = policy.architecture();
        this.model = ResctrlModel.of(policy, scope);
        this.m = model.state();
    }

    /** The numbered steps, each followed by the state it leads to when {@code tables}. */
    public String story(Trace trace, boolean everyTable) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%3d  %s%n", 0, "mount: every task and CPU in the default group"));
        if (everyTable) {
            b.append(table(trace.initial()));
        }
        State before = trace.initial();
        for (int i = 0; i < trace.steps().size(); i++) {
            Trace.Step step = trace.steps().get(i);
            b.append(String.format("%3d  %s%n", i + 1, command(step.action(), before, step.state())));
            if (everyTable || i == trace.steps().size() - 1) {
                b.append(table(step.state()));
            }
            before = step.state();
        }
        return b.toString();
    }

    /** One step as a command or event: the step's own narration. */
    public String command(ActionInstance a, State before, State after) {
        return model.steps().find(StepId.of(a.action()))
                .map(step -> step.narrator().tell(new StepView(a, before, after, m)))
                .orElseThrow(() -> new IllegalArgumentException(policy.id()
                        + " has no step " + a.action()));
    }

    /** The per-CPU registers and the groups of one state. */
    public String table(State s) {
        boolean kernelRegister = policy.hasKernelRegister();
        List<String> header = new ArrayList<>(List.of("cpu", "task", "context",
                arch.userRegister()));
        if (kernelRegister) {
            header.add(arch.kernelRegister());
        }
        header.addAll(List.of("cpus group", "arch default", "ipi"));
        Table cpus = new Table(header.toArray(new String[0]));
        Value.SetVal online = (Value.SetVal) s.get(m.online.variable());
        Value.SetVal ipi = (Value.SetVal) s.get(m.ipiPending.variable());
        int n = online.element().size();
        for (int c = 0; c < n; c++) {
            List<String> row = new ArrayList<>();
            row.add("cpu" + c);
            if (!online.contains(c)) {
                row.addAll(List.of("offline", "-", "-"));
                if (kernelRegister) {
                    row.add("-");
                }
                row.addAll(List.of("-", "-", "-"));
                cpus.row(row.toArray(new String[0]));
                continue;
            }
            Value running = fnValue(s, m.running, c);
            row.add(running.equals(m.taskOrNone.none()) ? Narration.IDLE : Narration.pid(running));
            row.add(CpuContext.ofSpecName(fn(s, m.cpuContext, c)).tableName());
            row.add(label(s, m.userRegister, c));
            final int cpu = c;
            m.kernelRegister.ifPresent(k -> row.add(label(s, k, cpu)));
            row.add(fn(s, m.cpuGroupPartid, c) + "/" + fn(s, m.cpuGroupPmg, c));
            row.add(fn(s, m.cpuDefaultPartid, c) + "/" + fn(s, m.cpuDefaultPmg, c));
            row.add(ipi.contains(c) ? "pending" : "-");
            cpus.row(row.toArray(new String[0]));
        }
        return cpus.render("       ") + groups(s).render("       ") + extras(s);
    }

    private static String label(State s, Register r, int c) {
        return fn(s, r.partid(), c) + "/" + fn(s, r.pmg(), c);
    }

    private Table groups(State s) {
        Table t = new Table("group", arch.controlName() + "/" + arch.monitorName(), "state",
                "tasks", "cpus");
        Value free = m.value(GroupStatus.FREE);
        for (int p = 0; p < m.partid.size(); p++) {
            Value st = fnValue(s, m.ctrlState, p);
            if (st.equals(free)) {
                continue;
            }
            String pmg = fn(s, m.ctrlPmg, p);
            t.row(Narration.groupName(p), p + "/" + pmg, st.toString(), tasksWith(s, p, pmg),
                    cpusWith(s, p, pmg));
        }
        m.monitors.ifPresent(mg -> {
            for (int i = 0; i < mg.sort().size(); i++) {
                Value st = fnValue(s, mg.state(), i);
                if (st.equals(free)) {
                    continue;
                }
                int p = ((Value.Atom) fnValue(s, mg.partid(), i)).intValue();
                String pmg = fn(s, mg.pmg(), i);
                t.row(Narration.groupName(p) + (p == 0 ? "" : "/") + "mon_groups/m" + i,
                        p + "/" + pmg, st.toString(), tasksWith(s, p, pmg), cpusWith(s, p, pmg));
            }
        });
        return t;
    }

    /** Limbo, locks and the variant's own variables, one line each. */
    private String extras(State s) {
        StringBuilder b = new StringBuilder();
        StringJoiner dirty = new StringJoiner(", ");
        for (int p = 0; p < m.partid.size(); p++) {
            for (Value.Atom x : ((Value.SetVal) fnValue(s, m.limbo, p)).elements()) {
                dirty.add(arch.monitorsScopedByControl() ? p + "/" + x : x.toString());
            }
        }
        if (dirty.length() > 0) {
            b.append("       limbo: ").append(dirty).append('\n');
        }
        m.locks.ifPresent(locks -> {
            for (int l = 0; l < locks.sort().size(); l++) {
                Value h = fnValue(s, locks.holder(), l);
                if (h.equals(m.taskOrNone.none())) {
                    continue;
                }
                StringJoiner w = new StringJoiner(", ");
                ((Value.SetVal) fnValue(s, locks.waiters(), l)).elements()
                        .forEach(t -> w.add(Narration.pid(t)));
                b.append("       lock").append(l).append(": held by ").append(Narration.pid(h))
                        .append(w.length() > 0 ? ", waited for by " + w : "").append('\n');
            }
        });
        for (StateVar v : m.policyVariables()) {
            b.append("       ").append(v.name()).append(" = ").append(s.get(v.variable()))
                    .append('\n');
        }
        return b.toString();
    }

    private String tasksWith(State s, int p, String pmg) {
        StringJoiner j = new StringJoiner(",");
        for (int t = 0; t < m.task.size(); t++) {
            if (fn(s, m.taskPartid, t).equals(Integer.toString(p))
                    && fn(s, m.taskPmg, t).equals(pmg)) {
                j.add(Integer.toString(Narration.FIRST_PID + t));
            }
        }
        return j.length() == 0 ? "-" : j.toString();
    }

    private String cpusWith(State s, int p, String pmg) {
        StringJoiner j = new StringJoiner(",");
        Value.SetVal online = (Value.SetVal) s.get(m.online.variable());
        for (int c = 0; c < m.cpu.size(); c++) {
            if (online.contains(c) && fn(s, m.cpuGroupPartid, c).equals(Integer.toString(p))
                    && fn(s, m.cpuGroupPmg, c).equals(pmg)) {
                j.add(Integer.toString(c));
            }
        }
        return j.length() == 0 ? "-" : j.toString();
    }

    private static Value fnValue(State s, StateVar v, int i) {
        return ((Value.FnVal) s.get(v.variable())).apply(i);
    }

    private static String fn(State s, StateVar v, int i) {
        return fnValue(s, v, i).toString();
    }
}
