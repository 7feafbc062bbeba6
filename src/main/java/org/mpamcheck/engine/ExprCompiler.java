package org.mpamcheck.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Exprs;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Value;

/**
 * Compiles expressions into closures over a {@link Frame}. Bound parameters get frame positions
 * by nesting depth; applications rooted at a state variable read their slot directly instead of
 * copying the function.
 */
final class ExprCompiler implements Expr.Visitor<Compiled> {

    private final Spec spec;
    private final SlotLayout layout;
    private final List<Param> scope = new ArrayList<>();
    private int maxDepth;

    ExprCompiler(Spec spec, SlotLayout layout) {
        this.spec = spec;
        this.layout = layout;
    }

    int boundSlots() {
        return maxDepth;
    }

    /** Binds a parameter at the next frame position; returns that position. */
    int bind(Param p) {
        scope.add(p);
        maxDepth = Math.max(maxDepth, scope.size());
        return scope.size() - 1;
    }

    void unbind(int count) {
        for (int i = 0; i < count; i++) {
            scope.remove(scope.size() - 1);
        }
    }

    Compiled compile(Expr e) {
        return e.accept(this);
    }

    Eval scalar(Expr e) {
        Compiled c = compile(e);
        if (c.isArray()) {
            throw new IllegalStateException("expected a scalar: " + Exprs.text(e));
        }
        return c.scalar();
    }

    /** The long that stands for element {@code index} of {@code sort} when bound or compared. */
    static long elementValue(Sort sort, int index) {
        return sort instanceof RangeSort r ? r.lo() + index : index;
    }

    /** The index of a value in {@code sort}, checked. */
    static int indexOf(Sort sort, long value, String what) {
        long i = sort instanceof RangeSort r ? value - r.lo() : value;
        if (i < 0 || i >= sort.size()) {
            throw new EvaluationException(value + " is outside " + sort.name() + " in " + what);
        }
        return (int) i;
    }

    private static long[] flatten(Value v) {
        long[] out = new long[SlotLayout.width(v.type())];
        fill(v, out, 0);
        return out;
    }

    private static int fill(Value v, long[] out, int at) {
        if (v instanceof Value.FnVal f) {
            for (Value x : f.values()) {
                at = fill(x, out, at);
            }
            return at;
        }
        out[at] = SlotLayout.scalarCode(v);
        return at + 1;
    }

    public Compiled visit(Expr.Const e) {
        if (e.value() instanceof Value.FnVal) {
            long[] flat = flatten(e.value());
            return Compiled.ofArray(e.type(), f -> flat.clone());
        }
        long v = SlotLayout.scalarCode(e.value());
        return Compiled.ofScalar(e.type(), f -> v);
    }

    public Compiled visit(Expr.VarRef e) {
        int off = layout.offset(spec.variables().indexOf(e.variable()));
        if (e.type() instanceof Type.FnOf) {
            int end = off + SlotLayout.width(e.type());
            return Compiled.ofArray(e.type(), f -> Arrays.copyOfRange(f.state, off, end));
        }
        return Compiled.ofScalar(e.type(), f -> f.state[off]);
    }

    public Compiled visit(Expr.ParamRef e) {
        int pos = scope.lastIndexOf(e.param());
        return Compiled.ofScalar(e.type(), f -> f.bound[pos]);
    }

    /** Option index {@code i} is base index {@code i}: the code is the base value's. */
    public Compiled visit(Expr.Some e) {
        Eval x = compile(e.value()).scalar();
        return Compiled.ofScalar(e.type(), x);
    }

    public Compiled visit(Expr.Eq e) {
        Compiled a = compile(e.left());
        Compiled b = compile(e.right());
        if (a.isArray()) {
            return Compiled.ofScalar(e.type(), f -> Arrays.equals(a.array().eval(f), b.array().eval(f))
                    ? 1 : 0);
        }
        Eval x = a.scalar();
        Eval y = b.scalar();
        return Compiled.ofScalar(e.type(), f -> x.eval(f) == y.eval(f) ? 1 : 0);
    }

    public Compiled visit(Expr.Not e) {
        Eval x = scalar(e.operand());
        return Compiled.ofScalar(e.type(), f -> 1 - x.eval(f));
    }

    public Compiled visit(Expr.Junction e) {
        Eval[] ops = e.operands().stream().map(this::scalar).toArray(Eval[]::new);
        if (e.and()) {
            return Compiled.ofScalar(e.type(), f -> {
                for (Eval o : ops) {
                    if (o.eval(f) == 0) {
                        return 0;
                    }
                }
                return 1;
            });
        }
        return Compiled.ofScalar(e.type(), f -> {
            for (Eval o : ops) {
                if (o.eval(f) != 0) {
                    return 1;
                }
            }
            return 0;
        });
    }

    public Compiled visit(Expr.Implies e) {
        Eval p = scalar(e.premise());
        Eval c = scalar(e.conclusion());
        return Compiled.ofScalar(e.type(), f -> p.eval(f) == 0 || c.eval(f) != 0 ? 1 : 0);
    }

    public Compiled visit(Expr.Ite e) {
        Eval c = scalar(e.condition());
        Compiled a = compile(e.then());
        Compiled b = compile(e.otherwise());
        if (a.isArray()) {
            return Compiled.ofArray(e.type(), f -> c.eval(f) != 0 ? a.array().eval(f)
                    : b.array().eval(f));
        }
        Eval x = a.scalar();
        Eval y = b.scalar();
        return Compiled.ofScalar(e.type(), f -> c.eval(f) != 0 ? x.eval(f) : y.eval(f));
    }

    public Compiled visit(Expr.Compare e) {
        Eval a = scalar(e.left());
        Eval b = scalar(e.right());
        if (e.op() == Expr.CompareOp.LT) {
            return Compiled.ofScalar(e.type(), f -> a.eval(f) < b.eval(f) ? 1 : 0);
        }
        return Compiled.ofScalar(e.type(), f -> a.eval(f) <= b.eval(f) ? 1 : 0);
    }

    public Compiled visit(Expr.Arith e) {
        Eval a = scalar(e.left());
        Eval b = scalar(e.right());
        if (e.op() == Expr.ArithOp.PLUS) {
            return Compiled.ofScalar(e.type(), f -> a.eval(f) + b.eval(f));
        }
        return Compiled.ofScalar(e.type(), f -> a.eval(f) - b.eval(f));
    }

    public Compiled visit(Expr.Member e) {
        Sort s = ((Type.SetOf) e.set().type()).element();
        long lo = s instanceof RangeSort r ? r.lo() : 0;
        int size = s.size();
        Eval x = scalar(e.element());
        Eval set = scalar(e.set());
        return Compiled.ofScalar(e.type(), f -> {
            long i = x.eval(f) - lo;
            return i >= 0 && i < size && (set.eval(f) >>> i & 1L) != 0 ? 1 : 0;
        });
    }

    public Compiled visit(Expr.SetBinary e) {
        Eval a = scalar(e.left());
        Eval b = scalar(e.right());
        return switch (e.op()) {
            case UNION -> Compiled.ofScalar(e.type(), f -> a.eval(f) | b.eval(f));
            case DIFF -> Compiled.ofScalar(e.type(), f -> a.eval(f) & ~b.eval(f));
            case INTER -> Compiled.ofScalar(e.type(), f -> a.eval(f) & b.eval(f));
        };
    }

    public Compiled visit(Expr.SetLit e) {
        Sort s = e.element();
        Eval[] xs = e.elements().stream().map(this::scalar).toArray(Eval[]::new);
        String where = Exprs.text(e);
        return Compiled.ofScalar(e.type(), f -> {
            long bits = 0;
            for (Eval x : xs) {
                bits |= 1L << indexOf(s, x.eval(f), where);
            }
            return bits;
        });
    }

    public Compiled visit(Expr.Filter e) {
        Sort s = e.param().sort();
        int pos = bind(e.param());
        Eval pred = scalar(e.predicate());
        unbind(1);
        return Compiled.ofScalar(e.type(), f -> {
            long bits = 0;
            for (int i = 0; i < s.size(); i++) {
                f.bound[pos] = elementValue(s, i);
                if (pred.eval(f) != 0) {
                    bits |= 1L << i;
                }
            }
            return bits;
        });
    }

    public Compiled visit(Expr.Card e) {
        Eval set = scalar(e.set());
        return Compiled.ofScalar(e.type(), f -> Long.bitCount(set.eval(f)));
    }

    public Compiled visit(Expr.Min e) {
        RangeSort r = (RangeSort) ((Type.SetOf) e.set().type()).element();
        Eval set = scalar(e.set());
        String where = Exprs.text(e);
        return Compiled.ofScalar(e.type(), f -> {
            long bits = set.eval(f);
            if (bits == 0) {
                throw new EvaluationException(where + " of the empty set");
            }
            return r.lo() + Long.numberOfTrailingZeros(bits);
        });
    }

    public Compiled visit(Expr.Apply e) {
        Type.FnOf fn = (Type.FnOf) e.function().type();
        int w = SlotLayout.width(fn.range());
        Eval offset = rootedOffset(e);
        if (offset != null) {
            if (e.type() instanceof Type.FnOf) {
                return Compiled.ofArray(e.type(), f -> {
                    int at = (int) offset.eval(f);
                    return Arrays.copyOfRange(f.state, at, at + w);
                });
            }
            return Compiled.ofScalar(e.type(), f -> f.state[(int) offset.eval(f)]);
        }
        Eval.Array g = compile(e.function()).array();
        Eval arg = scalar(e.argument());
        Sort d = fn.domain();
        String where = Exprs.text(e);
        if (e.type() instanceof Type.FnOf) {
            return Compiled.ofArray(e.type(), f -> {
                int at = indexOf(d, arg.eval(f), where) * w;
                return Arrays.copyOfRange(g.eval(f), at, at + w);
            });
        }
        return Compiled.ofScalar(e.type(), f -> g.eval(f)[indexOf(d, arg.eval(f), where)]);
    }

    /** For {@code v[a][b]...} with {@code v} a state variable: the slot offset; else null. */
    private Eval rootedOffset(Expr e) {
        if (e instanceof Expr.VarRef v) {
            long off = layout.offset(spec.variables().indexOf(v.variable()));
            return f -> off;
        }
        if (e instanceof Expr.Apply a) {
            Eval base = rootedOffset(a.function());
            if (base == null) {
                return null;
            }
            Type.FnOf fn = (Type.FnOf) a.function().type();
            int w = SlotLayout.width(fn.range());
            Sort d = fn.domain();
            Eval arg = scalar(a.argument());
            String where = Exprs.text(a);
            return f -> base.eval(f) + (long) indexOf(d, arg.eval(f), where) * w;
        }
        return null;
    }

    public Compiled visit(Expr.Except e) {
        Type.FnOf fn = (Type.FnOf) e.function().type();
        int w = SlotLayout.width(fn.range());
        Eval.Array g = compile(e.function()).array();
        Eval arg = scalar(e.argument());
        Compiled value = compile(e.value());
        Sort d = fn.domain();
        String where = Exprs.text(e);
        return Compiled.ofArray(e.type(), f -> {
            long[] out = g.eval(f);
            int at = indexOf(d, arg.eval(f), where) * w;
            if (value.isArray()) {
                System.arraycopy(value.array().eval(f), 0, out, at, w);
            } else {
                out[at] = value.scalar().eval(f);
            }
            return out;
        });
    }

    public Compiled visit(Expr.FnBuild e) {
        Sort s = e.param().sort();
        int w = SlotLayout.width(e.range());
        int pos = bind(e.param());
        Compiled body = compile(e.body());
        unbind(1);
        return Compiled.ofArray(e.type(), f -> {
            long[] out = new long[s.size() * w];
            for (int i = 0; i < s.size(); i++) {
                f.bound[pos] = elementValue(s, i);
                if (body.isArray()) {
                    System.arraycopy(body.array().eval(f), 0, out, i * w, w);
                } else {
                    out[i] = body.scalar().eval(f);
                }
            }
            return out;
        });
    }

    public Compiled visit(Expr.Quant e) {
        Sort s = e.param().sort();
        int pos = bind(e.param());
        Eval body = scalar(e.body());
        unbind(1);
        long stop = e.all() ? 0 : 1;
        return Compiled.ofScalar(e.type(), f -> {
            for (int i = 0; i < s.size(); i++) {
                f.bound[pos] = elementValue(s, i);
                if (body.eval(f) == stop) {
                    return stop;
                }
            }
            return 1 - stop;
        });
    }
}
