package org.mpamcheck.alloy;

import edu.mit.csail.sdg.ast.Sig;
import edu.mit.csail.sdg.parser.CompModule;
import edu.mit.csail.sdg.translator.A4Solution;
import edu.mit.csail.sdg.translator.A4Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.SpecException;
import org.mpamcheck.spec.State;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Value;
import org.mpamcheck.spec.Variable;

/**
 * Reads spec states back from an Alloy solution: the tuples of each state field, for one state
 * atom ({@code State}, {@code pre} or {@code post}) at one step, decoded into spec values by the
 * same names table the emitter used.
 */
final class AlloyStates {

    private final ModuleText module;
    private final Map<String, Sig.Field> fields = new HashMap<>();
    private final Map<Sort, Map<String, Integer>> indices = new HashMap<>();
    private final Set<String> anonymousAtoms = new HashSet<>();

    AlloyStates(ModuleText module, CompModule world) {
        this.module = module;
        for (Sort s : module.shape.anonymous()) {
            for (int i = 0; i < s.size(); i++) {
                anonymousAtoms.add(module.names.element(s, i));
            }
        }
        for (Sig sig : world.getAllReachableSigs()) {
            if (sig.label.equals("this/" + AlloyNames.STATE)) {
                sig.getFields().forEach(f -> fields.put(f.label, f));
            }
        }
    }

    /** The state held by the atom of sig {@code owner} (e.g. "State", "pre") at {@code step}. */
    State read(A4Solution solution, String owner, int step) {
        List<Variable> vars = module.spec.variables();
        List<Value> values = new ArrayList<>();
        for (Variable v : vars) {
            Sig.Field field = fields.get(module.names.variable(v));
            if (field == null) {
                throw new SpecException("the Alloy module has no field for " + v.name());
            }
            List<List<String>> rows = new ArrayList<>();
            for (A4Tuple t : solution.eval(field, step)) {
                if (!t.sig(0).label.equals("this/" + owner)) {
                    continue;
                }
                List<String> row = new ArrayList<>();
                for (int i = 1; i < t.arity(); i++) {
                    row.add(atomName(t.atom(i)));
                }
                rows.add(row);
            }
            values.add(decode(v.type(), rows));
        }
        return new State(vars, values);
    }

    /** A one sig's atom {@code cpu0$0} is named {@code cpu0}; anonymous atoms keep {@code Cpu$3}. */
    private String atomName(String atom) {
        return anonymousAtoms.contains(atom) ? atom : atom.replaceAll("\\$\\d+$", "");
    }

    private Value decode(Type t, List<List<String>> rows) {
        if (t instanceof Type.Scalar s) {
            if (rows.size() != 1) {
                throw new SpecException("Alloy gave " + rows.size() + " values for a " + s);
            }
            return new Value.Atom(s.sort(), index(s.sort(), rows.get(0).get(0)));
        }
        if (t instanceof Type.SetOf s) {
            long bits = 0;
            for (List<String> row : rows) {
                bits |= 1L << index(s.element(), row.get(0));
            }
            return new Value.SetVal(s.element(), bits);
        }
        Type.FnOf f = (Type.FnOf) t;
        List<Value> images = new ArrayList<>();
        for (int i = 0; i < f.domain().size(); i++) {
            String arg = module.names.element(f.domain(), i);
            List<List<String>> sub = rows.stream().filter(r -> r.get(0).equals(arg))
                    .map(r -> r.subList(1, r.size())).toList();
            images.add(decode(f.range(), sub));
        }
        return new Value.FnVal(f, images);
    }

    private int index(Sort sort, String atom) {
        Map<String, Integer> bySort = indices.computeIfAbsent(sort, s -> {
            Map<String, Integer> m = new HashMap<>();
            for (int i = 0; i < s.size(); i++) {
                m.put(module.names.element(s, i), i);
            }
            return m;
        });
        Integer i = bySort.get(atom);
        if (i == null) {
            throw new SpecException("Alloy atom " + atom + " is not in sort " + sort.name());
        }
        return i;
    }
}
