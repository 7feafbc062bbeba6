package org.mpamcheck.engine;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.BIPUSH;
import static org.objectweb.asm.Opcodes.CHECKCAST;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFGE;
import static org.objectweb.asm.Opcodes.IFGT;
import static org.objectweb.asm.Opcodes.IFLE;
import static org.objectweb.asm.Opcodes.IFLT;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.IMUL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.I2L;
import static org.objectweb.asm.Opcodes.L2I;
import static org.objectweb.asm.Opcodes.LADD;
import static org.objectweb.asm.Opcodes.LALOAD;
import static org.objectweb.asm.Opcodes.LAND;
import static org.objectweb.asm.Opcodes.LCMP;
import static org.objectweb.asm.Opcodes.LCONST_0;
import static org.objectweb.asm.Opcodes.LCONST_1;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.LOR;
import static org.objectweb.asm.Opcodes.LSHL;
import static org.objectweb.asm.Opcodes.LSTORE;
import static org.objectweb.asm.Opcodes.LSUB;
import static org.objectweb.asm.Opcodes.LXOR;
import static org.objectweb.asm.Opcodes.SIPUSH;

import java.util.ArrayList;
import java.util.List;
import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Exprs;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.Type;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Emits the bytecode of expressions into one generated method, with the interpreter's semantics
 * ({@link ExprCompiler}): scalars, integers and sets are longs; booleans are jumps; functions are
 * written slot by slot into an array. Applications rooted at a state variable read their slot of
 * the state array directly. Local 1 holds the state; parameters live in long locals.
 */
final class BytecodeExprs {

    private static final String RUNTIME = "org/mpamcheck/engine/GeneratedRuntime";
    private static final String SORT = "org/mpamcheck/spec/Sort";

    private record Binding(Param param, int local) {
    }

    private final MethodVisitor mv;
    private final BytecodeClass owner;
    private final List<Binding> env = new ArrayList<>();
    private final BytecodeFunctionWriter functions;
    private int nextLocal;

    BytecodeExprs(MethodVisitor mv, BytecodeClass owner, int firstFreeLocal) {
        this.mv = mv;
        this.owner = owner;
        this.nextLocal = firstFreeLocal;
        this.functions = new BytecodeFunctionWriter(this);
    }

    BytecodeClass owner() {
        return owner;
    }

    MethodVisitor mv() {
        return mv;
    }

    int newLong() {
        int l = nextLocal;
        nextLocal += 2;
        return l;
    }

    int newRef() {
        return nextLocal++;
    }

    int newInt() {
        return nextLocal++;
    }

    void bind(Param p, int local) {
        env.add(new Binding(p, local));
    }

    void unbind() {
        env.remove(env.size() - 1);
    }

    int localOf(Param p) {
        for (int i = env.size() - 1; i >= 0; i--) {
            if (env.get(i).param().equals(p)) {
                return env.get(i).local();
            }
        }
        throw new IllegalStateException("unbound parameter " + p.name());
    }

    void pushInt(int v) {
        if (v >= -1 && v <= 5) {
            mv.visitInsn(ICONST_0 + v);
        } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            mv.visitIntInsn(BIPUSH, v);
        } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            mv.visitIntInsn(SIPUSH, v);
        } else {
            mv.visitLdcInsn(v);
        }
    }

    void pushLong(long v) {
        if (v == 0 || v == 1) {
            mv.visitInsn(v == 0 ? LCONST_0 : LCONST_1);
        } else {
            mv.visitLdcInsn(v);
        }
    }

    /** Pushes a constant object held by the generated instance, cast to {@code internalName}. */
    void pushConstant(Object value, String internalName) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, owner.name(), "k", "[Ljava/lang/Object;");
        pushInt(owner.constant(value));
        mv.visitInsn(AALOAD);
        mv.visitTypeInsn(CHECKCAST, internalName);
    }

    /** First and last long of a sort's elements as bound or compared. */
    private static long lo(Sort s) {
        return s instanceof RangeSort r ? r.lo() : 0;
    }

    // ---- scalar values ---------------------------------------------------------------------

    /** Pushes the long value of a scalar, integer, set or boolean expression. */
    void value(Expr e) {
        if (e.type().equals(Type.BOOL) && !(e instanceof Expr.Const)
                && !(e instanceof Expr.VarRef) && !(e instanceof Expr.ParamRef)
                && !(e instanceof Expr.Apply) && !(e instanceof Expr.Ite)) {
            Label no = new Label();
            Label end = new Label();
            jump(e, no, false);
            mv.visitInsn(LCONST_1);
            mv.visitJumpInsn(GOTO, end);
            mv.visitLabel(no);
            mv.visitInsn(LCONST_0);
            mv.visitLabel(end);
            return;
        }
        if (e instanceof Expr.Const c) {
            pushLong(SlotLayout.scalarCode(c.value()));
        } else if (e instanceof Expr.VarRef v) {
            mv.visitVarInsn(ALOAD, 1);
            pushInt(owner.offset(v));
            mv.visitInsn(LALOAD);
        } else if (e instanceof Expr.ParamRef p) {
            mv.visitVarInsn(LLOAD, localOf(p.param()));
        } else if (e instanceof Expr.Some s) {
            value(s.value());
        } else if (e instanceof Expr.Ite i) {
            Label no = new Label();
            Label end = new Label();
            jump(i.condition(), no, false);
            value(i.then());
            mv.visitJumpInsn(GOTO, end);
            mv.visitLabel(no);
            value(i.otherwise());
            mv.visitLabel(end);
        } else if (e instanceof Expr.Arith a) {
            value(a.left());
            value(a.right());
            mv.visitInsn(a.op() == Expr.ArithOp.PLUS ? LADD : LSUB);
        } else if (e instanceof Expr.SetBinary b) {
            setBinary(b);
        } else if (e instanceof Expr.SetLit l) {
            setLit(l);
        } else if (e instanceof Expr.Filter fl) {
            filter(fl);
        } else if (e instanceof Expr.Card c) {
            value(c.set());
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "bitCount", "(J)I", false);
            mv.visitInsn(I2L);
        } else if (e instanceof Expr.Min m) {
            value(m.set());
            pushLong(lo(((Type.SetOf) m.set().type()).element()));
            pushConstant(Exprs.text(m), "java/lang/String");
            mv.visitMethodInsn(INVOKESTATIC, RUNTIME, "min", "(JJLjava/lang/String;)J", false);
        } else if (e instanceof Expr.Apply a) {
            apply(a);
        } else {
            throw new IllegalStateException("no scalar value: " + Exprs.text(e));
        }
    }

    private void setBinary(Expr.SetBinary b) {
        value(b.left());
        value(b.right());
        if (b.op() == Expr.SetOp.UNION) {
            mv.visitInsn(LOR);
        } else if (b.op() == Expr.SetOp.INTER) {
            mv.visitInsn(LAND);
        } else {
            pushLong(-1L);
            mv.visitInsn(LXOR);
            mv.visitInsn(LAND);
        }
    }

    private void setLit(Expr.SetLit l) {
        mv.visitInsn(LCONST_0);
        String where = Exprs.text(l);
        for (Expr x : l.elements()) {
            mv.visitInsn(LCONST_1);
            index(x, l.element(), where);
            mv.visitInsn(LSHL);
            mv.visitInsn(LOR);
        }
    }

    /** {x \in S : P}: a loop setting bit i when P holds for element i. */
    private void filter(Expr.Filter fl) {
        int bits = newLong();
        mv.visitInsn(LCONST_0);
        mv.visitVarInsn(LSTORE, bits);
        loop(fl.param(), (i, exit) -> {
            Label skip = new Label();
            jump(fl.predicate(), skip, false);
            mv.visitVarInsn(LLOAD, bits);
            mv.visitInsn(LCONST_1);
            mv.visitVarInsn(ILOAD, i);
            mv.visitInsn(LSHL);
            mv.visitInsn(LOR);
            mv.visitVarInsn(LSTORE, bits);
            mv.visitLabel(skip);
        });
        mv.visitVarInsn(LLOAD, bits);
    }

    /** The body of a loop over a sort: {@code index} is the int local of the element index. */
    interface LoopBody {
        void emit(int index, Label exit);
    }

    /**
     * A loop binding {@code p} to each element of its sort in order (a long local), with the
     * element's index in an int local; the body may jump to {@code exit} to leave it.
     */
    void loop(Param p, LoopBody body) {
        Sort s = p.sort();
        int i = newInt();
        int x = newLong();
        Label head = new Label();
        Label exit = new Label();
        pushInt(0);
        mv.visitVarInsn(ISTORE, i);
        mv.visitLabel(head);
        mv.visitVarInsn(ILOAD, i);
        pushInt(s.size());
        mv.visitJumpInsn(IF_ICMPGE, exit);
        mv.visitVarInsn(ILOAD, i);
        mv.visitInsn(I2L);
        if (lo(s) != 0) {
            pushLong(lo(s));
            mv.visitInsn(LADD);
        }
        mv.visitVarInsn(LSTORE, x);
        bind(p, x);
        body.emit(i, exit);
        unbind();
        mv.visitIincInsn(i, 1);
        mv.visitJumpInsn(GOTO, head);
        mv.visitLabel(exit);
    }

    private void apply(Expr.Apply a) {
        if (isRooted(a)) {
            mv.visitVarInsn(ALOAD, 1);
            offset(a);
            mv.visitInsn(LALOAD);
            return;
        }
        int arr = functions.materialize(a.function());
        mv.visitVarInsn(ALOAD, arr);
        index(a.argument(), ((Type.FnOf) a.function().type()).domain(), Exprs.text(a));
        mv.visitInsn(LALOAD);
    }

    /** Pushes the int index of the argument in the domain, checked unless it cannot be outside. */
    void index(Expr argument, Sort domain, String where) {
        value(argument);
        if (argument.type().equals(Type.of(domain))) {
            if (lo(domain) != 0) {
                pushLong(lo(domain));
                mv.visitInsn(LSUB);
            }
            mv.visitInsn(L2I);
            return;
        }
        // the bounds as constants: the sort itself only names the error
        pushLong(lo(domain));
        pushInt(domain.size());
        pushConstant(domain, SORT);
        pushConstant(where, "java/lang/String");
        mv.visitMethodInsn(INVOKESTATIC, RUNTIME, "index",
                "(JJIL" + SORT + ";Ljava/lang/String;)I", false);
    }

    static boolean isRooted(Expr e) {
        return e instanceof Expr.VarRef || (e instanceof Expr.Apply a && isRooted(a.function()));
    }

    /** Pushes the int slot offset of a rooted application {@code v[a][b]...}. */
    void offset(Expr e) {
        if (e instanceof Expr.VarRef v) {
            pushInt(owner.offset(v));
            return;
        }
        Expr.Apply a = (Expr.Apply) e;
        Type.FnOf fn = (Type.FnOf) a.function().type();
        offset(a.function());
        index(a.argument(), fn.domain(), Exprs.text(a));
        int w = SlotLayout.width(fn.range());
        if (w != 1) {
            pushInt(w);
            mv.visitInsn(IMUL);
        }
        mv.visitInsn(IADD);
    }

    // ---- conditions --------------------------------------------------------------------------

    /** Jumps to {@code target} when the boolean {@code e} equals {@code when}; else falls through. */
    void jump(Expr e, Label target, boolean when) {
        if (e instanceof Expr.Const c) {
            if ((SlotLayout.scalarCode(c.value()) != 0) == when) {
                mv.visitJumpInsn(GOTO, target);
            }
        } else if (e instanceof Expr.Not n) {
            jump(n.operand(), target, !when);
        } else if (e instanceof Expr.Junction j) {
            junction(j.and(), j.operands(), target, when);
        } else if (e instanceof Expr.Implies i) {
            junction(false, List.of(new Expr.Not(i.premise()), i.conclusion()), target, when);
        } else if (e instanceof Expr.Eq q) {
            equality(q, target, when);
        } else if (e instanceof Expr.Compare c) {
            value(c.left());
            value(c.right());
            mv.visitInsn(LCMP);
            boolean lt = c.op() == Expr.CompareOp.LT;
            mv.visitJumpInsn(when ? (lt ? IFLT : IFLE) : (lt ? IFGE : IFGT), target);
        } else if (e instanceof Expr.Member m) {
            Sort s = ((Type.SetOf) m.set().type()).element();
            value(m.element());
            value(m.set());
            pushLong(lo(s));
            pushInt(s.size());
            mv.visitMethodInsn(INVOKESTATIC, RUNTIME, "member", "(JJJI)Z", false);
            mv.visitJumpInsn(when ? IFNE : IFEQ, target);
        } else if (e instanceof Expr.Quant q) {
            quantifier(q, target, when);
        } else {
            value(e);
            mv.visitInsn(LCONST_0);
            mv.visitInsn(LCMP);
            mv.visitJumpInsn(when ? IFNE : IFEQ, target);
        }
    }

    private void junction(boolean and, List<Expr> ops, Label target, boolean when) {
        // and/false and or/true short-circuit straight to the target
        if (and != when) {
            for (Expr o : ops) {
                jump(o, target, when);
            }
            return;
        }
        Label skip = new Label();
        for (int i = 0; i < ops.size() - 1; i++) {
            jump(ops.get(i), skip, !when);
        }
        jump(ops.get(ops.size() - 1), target, when);
        mv.visitLabel(skip);
    }

    private void equality(Expr.Eq q, Label target, boolean when) {
        if (!(q.left().type() instanceof Type.FnOf)) {
            value(q.left());
            value(q.right());
            mv.visitInsn(LCMP);
            mv.visitJumpInsn(when ? IFEQ : IFNE, target);
            return;
        }
        int w = SlotLayout.width(q.left().type());
        arrayRange(q.left(), w);
        arrayRange(q.right(), w);
        mv.visitMethodInsn(INVOKESTATIC, "java/util/Arrays", "equals", "([JII[JII)Z", false);
        mv.visitJumpInsn(when ? IFNE : IFEQ, target);
    }

    /** Pushes (array, from, to) holding the function value {@code e} of width {@code w}. */
    private void arrayRange(Expr e, int w) {
        if (isRooted(e)) {
            int off = newInt();
            offset(e);
            mv.visitVarInsn(ISTORE, off);
            mv.visitVarInsn(ALOAD, 1);
            mv.visitVarInsn(ILOAD, off);
            mv.visitVarInsn(ILOAD, off);
            pushInt(w);
            mv.visitInsn(IADD);
            return;
        }
        int arr = functions.materialize(e);
        mv.visitVarInsn(ALOAD, arr);
        pushInt(0);
        pushInt(w);
    }

    /** \A / \E over a sort: a loop that leaves as soon as the answer is known. */
    private void quantifier(Expr.Quant q, Label target, boolean when) {
        Label found = new Label();
        Label out = new Label();
        loop(q.param(), (i, exit) -> jump(q.body(), found, !q.all()));
        // ran through: \A holds, \E fails
        mv.visitJumpInsn(GOTO, q.all() == when ? target : out);
        mv.visitLabel(found);
        // stopped early: \A fails, \E holds
        if (!q.all() == when) {
            mv.visitJumpInsn(GOTO, target);
        }
        mv.visitLabel(out);
    }

    /** Writes the function value {@code e} into an array; see {@link BytecodeFunctionWriter}. */
    void write(Expr e, int arr, int off, int ownOffset) {
        functions.write(e, arr, off, ownOffset);
    }
}
