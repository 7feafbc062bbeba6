package org.mpamcheck.model;

import java.util.StringJoiner;
import org.mpamcheck.spec.ActionInstance;
import org.mpamcheck.spec.State;
import org.mpamcheck.spec.Value;

/**
 * One step of a trace as a narrator sees it: the action instance, the states before and after,
 * and the model whose handles name the variables. Reads values only; every rule is in the spec.
 */
public record StepView(ActionInstance action, State before, State after, ResctrlState model) {

    public Value arg(int i) {
        return action.args().get(i);
    }

    public Architecture arch() {
        return model.arch;
    }

    /** The value of a function-valued variable at index {@code i}, before the step. */
    public Value before(StateVar v, int i) {
        return ((Value.FnVal) before.get(v.variable())).apply(i);
    }

    public Value after(StateVar v, int i) {
        return ((Value.FnVal) after.get(v.variable())).apply(i);
    }

    /** The first index where a function-valued variable changed, or -1. */
    public int changedIndex(StateVar v) {
        Value.FnVal a = (Value.FnVal) before.get(v.variable());
        Value.FnVal b = (Value.FnVal) after.get(v.variable());
        for (int i = 0; i < a.values().size(); i++) {
            if (!a.apply(i).equals(b.apply(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The CPUs the step marked for an update IPI, in words. */
    public String interrupted() {
        Value.SetVal a = (Value.SetVal) before.get(model.ipiPending.variable());
        Value.SetVal b = (Value.SetVal) after.get(model.ipiPending.variable());
        StringJoiner j = new StringJoiner(", ");
        for (int c = 0; c < model.cpu.size(); c++) {
            if (b.contains(c) && !a.contains(c)) {
                j.add("cpu" + c);
            }
        }
        return j.length() == 0 ? "not running, no IPI (its next switch-in loads the label)"
                : "running, IPI to " + j;
    }

    /** {@code cpu0: } for a CPU event. */
    public String onCpu(int argIndex) {
        return Narration.cpuName(arg(argIndex)) + ": ";
    }

    public String pid(int argIndex) {
        return Narration.pid(arg(argIndex));
    }

    /** A monitor group's directory, by its parent at the step. */
    public String monDir(Value mon) {
        MonitorGroups mg = model.monitors.orElseThrow();
        int index = ((Value.Atom) mon).index();
        int parent = ((Value.Atom) before(mg.partid(), index)).intValue();
        return Narration.monDir(parent, mon.toString());
    }

    /** The online CPUs of control group {@code p} after the step, as a cpus_list value. */
    public String cpusOfCtrl(int p) {
        StringJoiner j = new StringJoiner(",");
        Value.SetVal on = (Value.SetVal) after.get(model.online.variable());
        for (int c = 0; c < on.element().size(); c++) {
            if (on.contains(c) && ((Value.Atom) after(model.cpuGroupPartid, c)).intValue() == p) {
                j.add(Integer.toString(c));
            }
        }
        return j.length() == 0 ? "\"\"" : j.toString();
    }

    /** The online CPUs of monitor group {@code m} after the step, as a cpus_list value. */
    public String cpusOfMon(int m) {
        MonitorGroups mg = model.monitors.orElseThrow();
        StringJoiner j = new StringJoiner(",");
        Value.SetVal on = (Value.SetVal) after.get(model.online.variable());
        for (int c = 0; c < on.element().size(); c++) {
            if (on.contains(c) && after(model.cpuGroupPartid, c).equals(after(mg.partid(), m))
                    && after(model.cpuGroupPmg, c).equals(after(mg.pmg(), m))) {
                j.add(Integer.toString(c));
            }
        }
        return j.length() == 0 ? "\"\"" : j.toString();
    }
}
