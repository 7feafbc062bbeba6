package org.mpamcheck.alloy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.BoolSort;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Guard;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.spec.OptionSort;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Refusal;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Update;
import org.mpamcheck.spec.Value;

/**
 * What an Alloy module of a spec must declare beyond the spec's own sorts: every sort that
 * occurs anywhere (booleans, option sorts, in a fixed order), the integer bitwidth that holds
 * every integer the spec can compute, so Alloy's wrap-around arithmetic never changes a verdict,
 * and the symmetric sorts whose atoms need no names: the validator keeps constants from naming
 * their elements, so when the initial state names none either, the module can leave them
 * anonymous and Kodkod breaks their symmetry (a large saving for induction proofs).
 */
record SpecShape(List<Sort> sorts, int bitwidth, boolean usesMin, Set<Sort> anonymous) {

    static SpecShape of(Spec spec) {
        Set<Sort> found = new LinkedHashSet<>();
        List<Long> magnitudes = new ArrayList<>();
        magnitudes.add(1L);
        spec.sorts().forEach(s -> addSort(found, s));
        spec.variables().forEach(v -> addType(found, v.type()));
        spec.init().forEach(v -> addType(found, v.type()));
        boolean[] usesMin = new boolean[1];
        Bounds bounds = new Bounds(found, magnitudes, usesMin);
        for (Action a : spec.actions()) {
            a.params().forEach(p -> addSort(found, p.sort()));
            a.guards().stream().map(Guard::condition).forEach(e -> e.accept(bounds));
            a.refusals().stream().map(Refusal::when).forEach(e -> e.accept(bounds));
            a.updates().stream().map(Update::value).forEach(e -> e.accept(bounds));
        }
        spec.invariants().stream().map(Invariant::predicate).forEach(e -> e.accept(bounds));
        for (Sort s : found) {
            if (s instanceof RangeSort r) {
                magnitudes.add(Math.max(Math.abs((long) r.lo()), Math.abs((long) r.hi())));
            }
            magnitudes.add((long) s.size());
        }
        long max = magnitudes.stream().mapToLong(Long::longValue).max().orElse(1);
        // Alloy's Int with bitwidth b holds -2^(b-1) .. 2^(b-1)-1.
        int bits = 64 - Long.numberOfLeadingZeros(max) + 1;
        Set<Sort> anonymous = new LinkedHashSet<>();
        for (Sort sort : found) {
            if (sort.symmetric() && spec.init().stream().noneMatch(v -> namesElementOf(v, sort))) {
                anonymous.add(sort);
            }
        }
        return new SpecShape(List.copyOf(ordered(found)), Math.max(bits, 2), usesMin[0],
                Set.copyOf(anonymous));
    }

    /** Whether a value holds an element of {@code sort} (itself, or as an option's value). */
    private static boolean namesElementOf(Value v, Sort sort) {
        if (v instanceof Value.Atom a) {
            return a.sort().equals(sort) || (a.sort() instanceof OptionSort o
                    && o.base().equals(sort) && a.index() != o.noneIndex());
        }
        return v instanceof Value.FnVal f
                && f.values().stream().anyMatch(x -> namesElementOf(x, sort));
    }

    /** Bases before their option sort, booleans last, otherwise in order of first use. */
    private static List<Sort> ordered(Set<Sort> found) {
        List<Sort> out = new ArrayList<>();
        for (Sort s : found) {
            if (!(s instanceof OptionSort) && !(s instanceof BoolSort)) {
                out.add(s);
            }
        }
        for (Sort s : found) {
            if (s instanceof OptionSort) {
                out.add(s);
            }
        }
        if (found.contains(Sort.BOOL)) {
            out.add(Sort.BOOL);
        }
        return out;
    }

    private static void addSort(Set<Sort> found, Sort s) {
        if (s instanceof OptionSort o) {
            addSort(found, o.base());
        }
        found.add(s);
    }

    private static void addType(Set<Sort> found, Type t) {
        if (t instanceof Type.Scalar s) {
            addSort(found, s.sort());
        } else if (t instanceof Type.SetOf s) {
            addSort(found, s.element());
        } else if (t instanceof Type.FnOf f) {
            addSort(found, f.domain());
            addType(found, f.range());
        }
    }

    /** Collects sorts and returns an upper bound of each integer expression's magnitude. */
    private record Bounds(Set<Sort> found, List<Long> magnitudes, boolean[] usesMin) implements Expr.Visitor<Long> {

        private long note(Expr e, long m) {
            addType(found, e.type());
            magnitudes.add(m);
            return m;
        }

        private long elements(Sort s) {
            return s instanceof RangeSort r ? Math.max(Math.abs((long) r.lo()), Math.abs((long) r.hi()))
                    : s.size();
        }

        public Long visit(Expr.Const e) {
            Value v = e.value();
            long m = v instanceof Value.IntVal i ? Math.abs(i.value()) : 0;
            return note(e, m);
        }

        public Long visit(Expr.VarRef e) {
            return note(e, 0);
        }

        public Long visit(Expr.ParamRef e) {
            addSort(found, e.param().sort());
            return note(e, elements(e.param().sort()));
        }

        public Long visit(Expr.Eq e) {
            e.left().accept(this);
            e.right().accept(this);
            return 0L;
        }

        public Long visit(Expr.Not e) {
            e.operand().accept(this);
            return 0L;
        }

        public Long visit(Expr.Junction e) {
            e.operands().forEach(o -> o.accept(this));
            return 0L;
        }

        public Long visit(Expr.Implies e) {
            e.premise().accept(this);
            e.conclusion().accept(this);
            return 0L;
        }

        public Long visit(Expr.Ite e) {
            e.condition().accept(this);
            return note(e, Math.max(e.then().accept(this), e.otherwise().accept(this)));
        }

        public Long visit(Expr.Compare e) {
            e.left().accept(this);
            e.right().accept(this);
            return 0L;
        }

        public Long visit(Expr.Arith e) {
            long l = scalarBound(e.left());
            long r = scalarBound(e.right());
            return note(e, l + r);
        }

        /** A numeric operand is an Int expression or a range scalar (bounded by its sort). */
        private long scalarBound(Expr operand) {
            long m = operand.accept(this);
            if (operand.type() instanceof Type.Scalar s) {
                m = Math.max(m, elements(s.sort()));
            }
            return m;
        }

        public Long visit(Expr.Member e) {
            e.element().accept(this);
            e.set().accept(this);
            return 0L;
        }

        public Long visit(Expr.SetBinary e) {
            e.left().accept(this);
            e.right().accept(this);
            return note(e, 0);
        }

        public Long visit(Expr.SetLit e) {
            addSort(found, e.element());
            e.elements().forEach(x -> x.accept(this));
            return note(e, 0);
        }

        public Long visit(Expr.Filter e) {
            addSort(found, e.param().sort());
            e.predicate().accept(this);
            return note(e, 0);
        }

        public Long visit(Expr.Some e) {
            addSort(found, e.sort());
            return note(e, e.value().accept(this));
        }

        public Long visit(Expr.Card e) {
            e.set().accept(this);
            return note(e, ((Type.SetOf) e.set().type()).element().size());
        }

        public Long visit(Expr.Min e) {
            usesMin[0] = true;
            e.set().accept(this);
            return note(e, 0);
        }

        public Long visit(Expr.Apply e) {
            e.function().accept(this);
            e.argument().accept(this);
            return note(e, 0);
        }

        public Long visit(Expr.Except e) {
            e.function().accept(this);
            e.argument().accept(this);
            e.value().accept(this);
            return note(e, 0);
        }

        public Long visit(Expr.FnBuild e) {
            addSort(found, e.param().sort());
            addType(found, e.range());
            e.body().accept(this);
            return note(e, 0);
        }

        public Long visit(Expr.Quant e) {
            Param p = e.param();
            addSort(found, p.sort());
            e.body().accept(this);
            return 0L;
        }
    }
}
