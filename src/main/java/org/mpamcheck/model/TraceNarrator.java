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
    private final List<String> policyVariables;

    public TraceNarrator(KernelModePolicy policy, Scope scope) {
        this.policy = policy;
        this.arch = policy.architecture();
        this.policyVariables = policy.variables(new ResctrlState(policy, scope)).stream()
                .map(v -> v.variable().name()).toList();
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

    /** One step as a command or event. */
    public String command(ActionInstance a, State before, State after) {
        List<Value> x = a.args();
        switch (a.action()) {
            case "MkdirCtrl": {
                int p = changedIndex(before, after, "ctrlState");
                return "mkdir /sys/fs/resctrl/g" + p + "   (" + arch.controlName() + " " + p + ", "
                        + arch.monitorName() + " " + x.get(0) + ")";
            }
            case "MkdirMon":
                return "mkdir " + Narration.monDir(intOf(x.get(0)), x.get(1).toString()) + "   ("
                        + arch.monitorName() + " " + x.get(2) + ")";
            case "RmdirCtrl":
                return "rmdir " + Narration.groupDir(x.get(0));
            case "RmdirCtrlDone":
                return "  ... rmdir returns: " + arch.controlName() + " " + x.get(0)
                        + " is free, its monitor ids enter limbo";
            case "RmdirMon":
                return "rmdir " + monDir(before, x.get(0));
            case "RmdirMonDone":
                return "  ... rmdir returns: " + arch.monitorName() + " "
                        + fn(before, "monPmg", index(x.get(0))) + " enters limbo";
            case "LimboDrain":
                return "limbo worker: " + (arch.monitorsScopedByControl() ? arch.controlName()
                        + " " + x.get(0) + " " : "") + arch.monitorName() + " " + x.get(1)
                        + " is clean again";
            case "MoveTask":
                return "echo " + Narration.pid(x.get(0)) + " > " + Narration.groupDir(x.get(1))
                        + "/tasks";
            case "MoveTaskToMon":
                return "echo " + Narration.pid(x.get(0)) + " > " + monDir(before, x.get(1))
                        + "/tasks";
            case "CpusAdd":
            case "CpusDrop":
                return "echo " + cpusOfCtrl(after, intOf(x.get(0))) + " > "
                        + Narration.groupDir(x.get(0)) + "/cpus_list";
            case "CpusAddMon":
            case "CpusDropMon":
                return "echo " + cpusOfMon(after, index(x.get(0))) + " > "
                        + monDir(before, x.get(0)) + "/cpus_list";
            case "Switch":
                return cpu(x.get(0)) + "switch to task " + Narration.pid(x.get(1));
            case "DeliverIpi":
            case "DeliverIpiIdle":
                return cpu(x.get(0)) + "update IPI arrives (resctrl_arch_sched_in)";
            case "KernelEnter":
                return cpu(x.get(0)) + "task " + Narration.pid(x.get(1))
                        + " enters the kernel (syscall)";
            case "KernelExit":
                return cpu(x.get(0)) + "task " + Narration.pid(x.get(1)) + " returns to user space";
            case "IrqEnter":
                return cpu(x.get(0)) + "interrupt";
            case "IrqExit":
                return cpu(x.get(0)) + "interrupt handler returns";
            case "LockTake":
                return cpu(x.get(0)) + "task " + Narration.pid(x.get(1)) + " takes " + x.get(2);
            case "LockWait":
                return cpu(x.get(0)) + "task " + Narration.pid(x.get(1)) + " waits for "
                        + x.get(2);
            case "LockRelease":
                return cpu(x.get(0)) + "task " + Narration.pid(x.get(1)) + " releases " + x.get(2);
            case "CpuOffline":
                return "echo 0 > /sys/devices/system/cpu/" + Narration.cpuName(x.get(0))
                        + "/online";
            case "CpuOnline":
                return "echo 1 > /sys/devices/system/cpu/" + Narration.cpuName(x.get(0))
                        + "/online";
            default:
                return policy.narrate(a, arch);
        }
    }

    private static String cpu(Value c) {
        return Narration.cpuName(c) + ": ";
    }

    /** The per-CPU registers and the groups of one state. */
    public String table(State s) {
        boolean kernelRegister = policy.hasKernelRegister();
        List<String> header = new ArrayList<>(List.of("cpu", "task", "context",
                arch.userRegister()));
        if (kernelRegister) {
            header.add(arch.kernelRegister());
        }
        header.addAll(List.of("cpus default", "ipi"));
        Table cpus = new Table(header.toArray(new String[0]));
        String user = ResctrlState.registerVariable(arch.userRegister());
        String kernel = ResctrlState.registerVariable(arch.kernelRegister());
        Value.SetVal online = (Value.SetVal) s.get("online");
        Value.SetVal ipi = (Value.SetVal) s.get("ipiPending");
        int n = online.element().size();
        for (int c = 0; c < n; c++) {
            List<String> row = new ArrayList<>();
            row.add("cpu" + c);
            if (!online.contains(c)) {
                row.addAll(List.of("offline", "-", "-"));
                if (kernelRegister) {
                    row.add("-");
                }
                row.addAll(List.of("-", "-"));
                cpus.row(row.toArray(new String[0]));
                continue;
            }
            Value running = fnValue(s, "running", c);
            row.add(running.toString().startsWith("no") ? "idle"
                    : Narration.pid(running));
            row.add(contextName(fn(s, "context", c)));
            row.add(label(s, user, c));
            if (kernelRegister) {
                row.add(label(s, kernel, c));
            }
            row.add(fn(s, "cpuDefaultPartid", c) + "/" + fn(s, "cpuDefaultPmg", c));
            row.add(ipi.contains(c) ? "pending" : "-");
            cpus.row(row.toArray(new String[0]));
        }
        return cpus.render("       ") + groups(s).render("       ") + extras(s);
    }

    private static String contextName(String context) {
        return context.startsWith("irq") ? "irq" : context;
    }

    private String label(State s, String register, int c) {
        return fn(s, register + "Partid", c) + "/" + fn(s, register + "Pmg", c);
    }

    private Table groups(State s) {
        Table t = new Table("group", arch.controlName() + "/" + arch.monitorName(), "state",
                "tasks", "cpus");
        Value.FnVal state = (Value.FnVal) s.get("ctrlState");
        for (int p = 0; p < state.values().size(); p++) {
            String st = state.apply(p).toString();
            if (st.equals("free")) {
                continue;
            }
            String pmg = fn(s, "ctrlPmg", p);
            t.row(Narration.groupName(p), p + "/" + pmg, st, tasksWith(s, p, pmg),
                    cpusWith(s, p, pmg));
        }
        if (has(s, "monState")) {
            Value.FnVal mons = (Value.FnVal) s.get("monState");
            for (int m = 0; m < mons.values().size(); m++) {
                String st = mons.apply(m).toString();
                if (st.equals("free")) {
                    continue;
                }
                int p = Integer.parseInt(fn(s, "monPartid", m));
                String pmg = fn(s, "monPmg", m);
                t.row(Narration.groupName(p) + (p == 0 ? "" : "/") + "mon_groups/m" + m,
                        p + "/" + pmg, st, tasksWith(s, p, pmg), cpusWith(s, p, pmg));
            }
        }
        return t;
    }

    /** Limbo, locks and the variant's own variables, one line each. */
    private String extras(State s) {
        StringBuilder b = new StringBuilder();
        Value.FnVal limbo = (Value.FnVal) s.get("limbo");
        StringJoiner dirty = new StringJoiner(", ");
        for (int p = 0; p < limbo.values().size(); p++) {
            for (Value.Atom x : ((Value.SetVal) limbo.apply(p)).elements()) {
                dirty.add(arch.monitorsScopedByControl() ? p + "/" + x : x.toString());
            }
        }
        if (dirty.length() > 0) {
            b.append("       limbo: ").append(dirty).append('\n');
        }
        if (has(s, "lockHolder")) {
            Value.FnVal holder = (Value.FnVal) s.get("lockHolder");
            for (int l = 0; l < holder.values().size(); l++) {
                Value h = holder.apply(l);
                if (h.toString().startsWith("no")) {
                    continue;
                }
                StringJoiner w = new StringJoiner(", ");
                ((Value.SetVal) ((Value.FnVal) s.get("lockWaiters")).apply(l)).elements()
                        .forEach(t -> w.add(Narration.pid(t)));
                b.append("       lock").append(l).append(": held by ").append(Narration.pid(h))
                        .append(w.length() > 0 ? ", waited for by " + w : "").append('\n');
            }
        }
        for (String v : policyVariables) {
            b.append("       ").append(v).append(" = ").append(s.get(v)).append('\n');
        }
        return b.toString();
    }

    private String tasksWith(State s, int p, String pmg) {
        StringJoiner j = new StringJoiner(",");
        Value.FnVal tp = (Value.FnVal) s.get("taskPartid");
        for (int t = 0; t < tp.values().size(); t++) {
            if (fn(s, "taskPartid", t).equals(Integer.toString(p))
                    && fn(s, "taskPmg", t).equals(pmg)) {
                j.add(Integer.toString(Narration.FIRST_PID + t));
            }
        }
        return j.length() == 0 ? "-" : j.toString();
    }

    private String cpusWith(State s, int p, String pmg) {
        StringJoiner j = new StringJoiner(",");
        Value.SetVal online = (Value.SetVal) s.get("online");
        for (int c = 0; c < online.element().size(); c++) {
            if (online.contains(c) && fn(s, "cpuDefaultPartid", c).equals(Integer.toString(p))
                    && fn(s, "cpuDefaultPmg", c).equals(pmg)) {
                j.add(Integer.toString(c));
            }
        }
        return j.length() == 0 ? "-" : j.toString();
    }

    private String cpusOfCtrl(State s, int p) {
        StringJoiner j = new StringJoiner(",");
        Value.SetVal online = (Value.SetVal) s.get("online");
        for (int c = 0; c < online.element().size(); c++) {
            if (online.contains(c) && fn(s, "cpuDefaultPartid", c).equals(Integer.toString(p))) {
                j.add(Integer.toString(c));
            }
        }
        return j.length() == 0 ? "\"\"" : j.toString();
    }

    private String cpusOfMon(State s, int m) {
        String partid = fn(s, "monPartid", m);
        String pmg = fn(s, "monPmg", m);
        return cpusWith(s, Integer.parseInt(partid), pmg).replace("-", "\"\"");
    }

    private String monDir(State s, Value mon) {
        return Narration.monDir(Integer.parseInt(fn(s, "monPartid", index(mon))), mon.toString());
    }

    private static boolean has(State s, String name) {
        return s.variables().stream().anyMatch(v -> v.name().equals(name));
    }

    private static int changedIndex(State before, State after, String var) {
        Value.FnVal a = (Value.FnVal) before.get(var);
        Value.FnVal b = (Value.FnVal) after.get(var);
        for (int i = 0; i < a.values().size(); i++) {
            if (!a.apply(i).equals(b.apply(i))) {
                return i;
            }
        }
        return -1;
    }

    private static Value fnValue(State s, String var, int i) {
        return ((Value.FnVal) s.get(var)).apply(i);
    }

    private static String fn(State s, String var, int i) {
        return fnValue(s, var, i).toString();
    }

    private static int index(Value v) {
        return ((Value.Atom) v).index();
    }

    private static int intOf(Value v) {
        return ((Value.Atom) v).intValue();
    }
}
