package org.mpamcheck.smt;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Expr;
import com.microsoft.z3.FuncDecl;
import com.microsoft.z3.Model;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.ActionInstance;
import org.mpamcheck.spec.BoolSort;
import org.mpamcheck.spec.EnumSort;
import org.mpamcheck.spec.OptionSort;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.State;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Value;
import org.mpamcheck.spec.Variable;

/**
 * Reads a Z3 model back into spec values at the finite size the model has: each uninterpreted
 * sort's universe becomes the elements of that sort (a range sort's in the model's order, so its
 * named constants land on their own indices), and the spec at those sizes gives the sorts the
 * values belong to.
 */
final class CtiReader {

    private final Z3Encoding z;
    private final Model model;
    private final Map<String, List<Expr<?>>> universe = new LinkedHashMap<>();
    final Map<String, Integer> sizes = new TreeMap<>();
    final Spec sized;

    CtiReader(Z3Encoding z, Model model, SpecAtSizes specs) {
        this.z = z;
        this.model = model;
        for (Sort s : z.spec.sorts()) {
            if (Z3Sorts.unbounded(s)) {
                List<Expr<?>> elems = elements(s);
                universe.put(s.name(), elems);
                sizes.put(s.name(), elems.size());
            }
        }
        try {
            this.sized = specs.at(sizes);
        } catch (IllegalArgumentException e) {
            throw new SizesOutsideModel(sizes + ": " + e.getMessage());
        }
    }

    /** The model's sizes are ones the spec cannot be built at (fewer PARTIDs than it needs). */
    static final class SizesOutsideModel extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SizesOutsideModel(String message) {
            super(message);
        }
    }

    private List<Expr<?>> elements(Sort s) {
        com.microsoft.z3.Sort zs = z.sorts.of(s);
        Expr<?>[] u = model.getSortUniverse(zs);
        List<Expr<?>> elems = new ArrayList<>();
        if (u == null || u.length == 0) {
            elems.add(model.eval(z.ctx.mkConst("any!" + s.name(), zs), true));
        } else {
            elems.addAll(List.of(u));
        }
        if (s instanceof RangeSort r) {
            // In a total order, an element's index is the number of elements below it.
            Expr<?>[] ordered = new Expr<?>[elems.size()];
            for (Expr<?> e : elems) {
                int below = 0;
                for (Expr<?> f : elems) {
                    if (!f.equals(e) && isTrue(z.sorts.le(r, f, e))) {
                        below++;
                    }
                }
                if (below >= ordered.length || ordered[below] != null) {
                    throw new IllegalStateException("the model's order on " + s.name()
                            + " is not total");
                }
                ordered[below] = e;
            }
            elems = List.of(ordered);
            for (Map.Entry<Integer, Expr<?>> c : z.sorts.named(r).entrySet()) {
                if (c.getKey() >= elems.size()
                        || !model.eval(c.getValue(), true).equals(elems.get(c.getKey()))) {
                    throw new IllegalStateException("the model puts " + s.name() + " "
                            + s.label(c.getKey()) + " out of its place");
                }
            }
        }
        return elems;
    }

    private boolean isTrue(BoolExpr b) {
        return model.eval(b, true).isTrue();
    }

    /** A state of the sized spec from one declared state's function symbols. */
    State state(Map<Variable, FuncDecl<?>> decls) {
        List<Value> values = new ArrayList<>();
        for (Variable v : sized.variables()) {
            FuncDecl<?> f = decls.entrySet().stream().filter(e -> e.getKey().name()
                    .equals(v.name())).findFirst().orElseThrow().getValue();
            values.add(value(f, v.type(), new ArrayList<>()));
        }
        return new State(sized.variables(), values);
    }

    private Value value(FuncDecl<?> f, Type t, List<Expr<?>> args) {
        if (t instanceof Type.Scalar s) {
            return atom(s.sort(), model.eval(z.ctx.mkApp(f, args.toArray(Expr[]::new)), true));
        }
        Sort domain = t instanceof Type.SetOf so ? so.element() : ((Type.FnOf) t).domain();
        Type range = t instanceof Type.SetOf ? Type.BOOL : ((Type.FnOf) t).range();
        List<Value> images = new ArrayList<>();
        for (int i = 0; i < domain.size(); i++) {
            List<Expr<?>> more = new ArrayList<>(args);
            more.add(term(domain, i));
            images.add(value(f, range, more));
        }
        if (t instanceof Type.SetOf so) {
            long bits = 0;
            for (int i = 0; i < images.size(); i++) {
                if (((Value.Atom) images.get(i)).index() == 1) {
                    bits |= 1L << i;
                }
            }
            return new Value.SetVal(so.element(), bits);
        }
        return new Value.FnVal((Type.FnOf) t, images);
    }

    /** The Z3 term of element {@code i} of a sized sort. */
    private Expr<?> term(Sort s, int i) {
        if (Z3Sorts.unbounded(s)) {
            return universe.get(s.name()).get(i);
        }
        if (s instanceof OptionSort o && i != o.noneIndex()) {
            return z.sorts.some(o, term(o.base(), i));
        }
        return z.sorts.element(new Value.Atom(s, i));
    }

    /** The element of a sized sort that a model value is. */
    Value.Atom atom(Sort s, Expr<?> v) {
        if (s instanceof BoolSort) {
            return Value.bool(v.isTrue());
        }
        if (s instanceof EnumSort e) {
            return e.value(v.getFuncDecl().getName().toString());
        }
        if (s instanceof OptionSort o) {
            if (!model.eval(z.ctx.mkApp(z.sorts.isSome(o), v), true).isTrue()) {
                return o.none();
            }
            return o.some(atom(o.base(), model.eval(z.ctx.mkApp(z.sorts.val(o), v), true))
                    .index());
        }
        int i = universe.get(s.name()).indexOf(v);
        if (i < 0) {
            throw new IllegalStateException("the model value " + v + " is no element of "
                    + s.name());
        }
        return new Value.Atom(s, i);
    }

    /** The action instance whose parameters the model gives these constants. */
    ActionInstance instance(Action baseAction, Map<Param, Expr<?>> params) {
        Action a = sized.action(baseAction.name());
        List<Value> args = new ArrayList<>();
        for (int i = 0; i < a.params().size(); i++) {
            Expr<?> c = params.get(baseAction.params().get(i));
            args.add(atom(a.params().get(i).sort(), model.eval(c, true)));
        }
        return new ActionInstance(a.name(), args);
    }
}
