package org.mpamcheck.spec;

import java.util.List;

/**
 * An expression over the current state. The nodes form a closed, immutable tree; each node checks
 * its operands' types when it is built and names itself in the message when they do not fit. Build
 * nodes with {@link Exprs}.
 */
public sealed interface Expr {

    Type type();

    <R> R accept(Visitor<R> visitor);

    /** A literal value. */
    record Const(Value value) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }

        public Type type() {
            return value.type();
        }
    }

    /** The value of a state variable in the current state. */
    record VarRef(Variable variable) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }

        public Type type() {
            return variable.type();
        }
    }

    /** The value bound to a parameter. */
    record ParamRef(Param param) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }

        public Type type() {
            return param.type();
        }
    }

    record Eq(Expr left, Expr right) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }

        public Eq {
            Checks.compatible("=", left, right);
        }

        public Type type() {
            return Type.BOOL;
        }
    }

    record Not(Expr operand) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }

        public Not {
            Checks.bool("~", operand);
        }

        public Type type() {
            return Type.BOOL;
        }
    }

    /** Conjunction ({@code and}) or disjunction ({@code or}) of one or more operands. */
    record Junction(boolean and, List<Expr> operands) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }

        public Junction {
            operands = List.copyOf(operands);
            if (operands.isEmpty()) {
                throw new SpecException((and ? "and" : "or") + " of nothing");
            }
            operands.forEach(o -> Checks.bool(and ? "/\\" : "\\/", o));
        }

        public Type type() {
            return Type.BOOL;
        }
    }

    record Implies(Expr premise, Expr conclusion) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }

        public Implies {
            Checks.bool("=>", premise);
            Checks.bool("=>", conclusion);
        }

        public Type type() {
            return Type.BOOL;
        }
    }

    record Ite(Expr condition, Expr then, Expr otherwise) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }

        public Ite {
            Checks.bool("IF", condition);
            Checks.compatible("IF-THEN-ELSE", then, otherwise);
        }

        public Type type() {
            return then.type() instanceof Type.Int ? otherwise.type() : then.type();
        }
    }

    enum CompareOp { LT, LE }

    record Compare(CompareOp op, Expr left, Expr right) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }

        public Compare {
            Checks.numeric(op == CompareOp.LT ? "<" : "<=", left);
            Checks.numeric(op == CompareOp.LT ? "<" : "<=", right);
        }

        public Type type() {
            return Type.BOOL;
        }
    }

    enum ArithOp { PLUS, MINUS }

    /** Integer arithmetic; a result stored into a range sort is range-checked when evaluated. */
    record Arith(ArithOp op, Expr left, Expr right) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }

        public Arith {
            Checks.numeric(op == ArithOp.PLUS ? "+" : "-", left);
            Checks.numeric(op == ArithOp.PLUS ? "+" : "-", right);
        }

        public Type type() {
            return Type.INT;
        }
    }

    record Member(Expr element, Expr set) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }

        public Member {
            Sort s = Checks.setElement("\\in", set);
            Checks.fits("\\in", Type.of(s), element);
        }

        public Type type() {
            return Type.BOOL;
        }
    }

    enum SetOp { UNION, DIFF, INTER }

    record SetBinary(SetOp op, Expr left, Expr right) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }

        public SetBinary {
            Checks.setElement(op.name().toLowerCase(), left);
            Checks.compatible(op.name().toLowerCase(), left, right);
        }

        public Type type() {
            return left.type();
        }
    }

    /** The set of the listed elements (possibly none). */
    record SetLit(Sort element, List<Expr> elements) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }

        public SetLit {
            elements = List.copyOf(elements);
            elements.forEach(e -> Checks.fits("{...}", Type.of(element), e));
        }

        public Type type() {
            return new Type.SetOf(element);
        }
    }

    /** {@code {p \in Sort : predicate}}. */
    record Filter(Param param, Expr predicate) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }

        public Filter {
            Checks.bool("{x \\in S : P}", predicate);
        }

        public Type type() {
            return new Type.SetOf(param.sort());
        }
    }

    record Card(Expr set) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }

        public Card {
            Checks.setElement("Cardinality", set);
        }

        public Type type() {
            return Type.INT;
        }
    }

    /** The least element of a non-empty set of a range sort (evaluating it on {} is an error). */
    record Min(Expr set) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }

        public Min {
            if (!(Checks.setElement("Min", set) instanceof RangeSort)) {
                throw new SpecException("Min(" + Exprs.text(set) + "): not a set of a range sort");
            }
        }

        public Type type() {
            return Type.of(((Type.SetOf) set.type()).element());
        }
    }

    record Apply(Expr function, Expr argument) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }

        public Apply {
            Type.FnOf f = Checks.function("f[x]", function);
            Checks.fits(Exprs.text(function) + "[...]", Type.of(f.domain()), argument);
        }

        public Type type() {
            return ((Type.FnOf) function.type()).range();
        }
    }

    /** {@code [function EXCEPT ![argument] = value]}. */
    record Except(Expr function, Expr argument, Expr value) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }

        public Except {
            Type.FnOf f = Checks.function("EXCEPT", function);
            Checks.fits("EXCEPT ![...]", Type.of(f.domain()), argument);
            Checks.fits("EXCEPT ... = value", f.range(), value);
        }

        public Type type() {
            return function.type();
        }
    }

    /** {@code [p \in Sort |-> body]}; the range is the body's type, or {@code range} if given. */
    record FnBuild(Param param, Type range, Expr body) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }

        public FnBuild {
            if (!range.storable()) {
                throw new SpecException("[" + param.name() + " |-> ...]: range " + range
                        + " cannot be stored");
            }
            Checks.fits("[" + param.name() + " |-> ...]", range, body);
        }

        public Type type() {
            return new Type.FnOf(param.sort(), range);
        }
    }

    /** {@code \A p \in Sort : body} or {@code \E p \in Sort : body}. */
    record Quant(boolean all, Param param, Expr body) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }

        public Quant {
            Checks.bool(all ? "\\A" : "\\E", body);
        }

        public Type type() {
            return Type.BOOL;
        }
    }

    /**
     * A base-sort value seen as an element of an option sort ({@code running[c] = some(t)}). Option
     * index {@code i} is base index {@code i}, so the value is unchanged; only its type widens.
     */
    record Some(OptionSort sort, Expr value) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }

        public Some {
            Checks.fits("some", Type.of(sort.base()), value);
        }

        public Type type() {
            return Type.of(sort);
        }
    }

    /** One method per node: the exhaustive dispatch every emitter and evaluator uses. */
    interface Visitor<R> {
        R visit(Const e);

        R visit(VarRef e);

        R visit(ParamRef e);

        R visit(Eq e);

        R visit(Not e);

        R visit(Junction e);

        R visit(Implies e);

        R visit(Ite e);

        R visit(Compare e);

        R visit(Arith e);

        R visit(Member e);

        R visit(SetBinary e);

        R visit(SetLit e);

        R visit(Filter e);

        R visit(Card e);

        R visit(Min e);

        R visit(Apply e);

        R visit(Except e);

        R visit(FnBuild e);

        R visit(Quant e);

        R visit(Some e);
    }
}
