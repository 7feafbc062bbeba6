package org.mpamcheck.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.StringJoiner;
import org.mpamcheck.spec.ActionInstance;
import org.mpamcheck.spec.OptionSort;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.Value;

/**
 * The names the reports give the spec's values, the same the register tables print: a task is
 * its PID ({@code t0 -> 101}), no task on a CPU is {@code idle} and no holder of a lock
 * {@code none}; every other element (cpu0, lock0, m0, live, irqFromUser, PARTIDs) keeps its
 * spec label. Exported modules and ITF traces keep the spec's labels: they are the spec's.
 */
public final class ValueNames {

    /** What a free lock's holder is called. */
    public static final String NO_HOLDER = "none";

    private final Sort task;
    private final OptionSort taskOrNone;
    private final String running;

    public ValueNames(ResctrlState m) {
        this.task = m.task;
        this.taskOrNone = m.taskOrNone;
        this.running = m.running.name();
    }

    public static ValueNames of(KernelModePolicy policy, Scope scope) {
        return new ValueNames(new ResctrlState(policy, scope));
    }

    /** The PID of a task, or of the task an option holds; empty for every other value. */
    public OptionalInt pid(Value.Atom a) {
        boolean isTask = a.sort().equals(task)
                || a.sort().equals(taskOrNone) && a.index() != taskOrNone.noneIndex();
        return isTask ? OptionalInt.of(Narration.FIRST_PID + a.index()) : OptionalInt.empty();
    }

    /**
     * An element as the reports print it, held by {@code variable} (the option's "none" is
     * {@code idle} in {@code running}, {@code none} elsewhere).
     */
    public String name(Value.Atom a, String variable) {
        OptionalInt pid = pid(a);
        if (pid.isPresent()) {
            return Integer.toString(pid.getAsInt());
        }
        if (a.sort().equals(taskOrNone)) {
            return running.equals(variable) ? Narration.IDLE : NO_HOLDER;
        }
        return a.label();
    }

    /** An action instance as {@code MoveTask(101, 1, 0)}: its arguments by their names. */
    public String action(ActionInstance a) {
        StringJoiner j = new StringJoiner(", ", a.action() + "(", ")");
        a.args().forEach(v -> j.add(text(v, "")));
        return j.toString();
    }

    /**
     * A value in the spec's notation ({@code {cpu0, cpu1}}, {@code (cpu0 :> 101)}) with its
     * elements named as the tables name them; {@code variable} holds it ("" if none does).
     */
    public String text(Value v, String variable) {
        if (v instanceof Value.Atom a) {
            return name(a, variable);
        }
        if (v instanceof Value.SetVal s) {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            s.elements().forEach(e -> j.add(name(e, variable)));
            return j.toString();
        }
        if (v instanceof Value.FnVal f) {
            StringJoiner j = new StringJoiner(", ", "(", ")");
            for (int i = 0; i < f.values().size(); i++) {
                j.add(name(new Value.Atom(f.type().domain(), i), variable) + " :> "
                        + text(f.apply(i), variable));
            }
            return j.toString();
        }
        return v.toString();
    }

    /** The spec labels these names replace, each with its name ({@code t0 -> 101}). */
    public Map<String, String> renamed() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < task.size(); i++) {
            m.put(task.label(i), Integer.toString(Narration.FIRST_PID + i));
        }
        m.put(taskOrNone.noneLabel(), Narration.IDLE + " (" + running + "), " + NO_HOLDER
                + " (a lock's holder)");
        return m;
    }
}
