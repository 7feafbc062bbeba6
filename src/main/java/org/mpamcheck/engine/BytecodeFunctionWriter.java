package org.mpamcheck.engine;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.IMUL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.LASTORE;
import static org.objectweb.asm.Opcodes.NEWARRAY;
import static org.objectweb.asm.Opcodes.T_LONG;

import org.mpamcheck.spec.Expr;
import org.mpamcheck.spec.Exprs;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Value;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * The function-valued half of {@link BytecodeExprs}: writes a function value slot by slot into
 * an array (the successor being built, or a temporary), copying blocks of the state for
 * variables and rooted applications and skipping the copy of a variable onto itself.
 */
final class BytecodeFunctionWriter {

    private final BytecodeExprs ex;
    private final MethodVisitor mv;

    BytecodeFunctionWriter(BytecodeExprs ex) {
        this.ex = ex;
        this.mv = ex.mv();
    }


    /** A new long[] local holding the function value {@code e}. */
    int materialize(Expr e) {
        int arr = ex.newRef();
        ex.pushInt(SlotLayout.width(e.type()));
        mv.visitIntInsn(NEWARRAY, T_LONG);
        mv.visitVarInsn(ASTORE, arr);
        int off = ex.newInt();
        ex.pushInt(0);
        mv.visitVarInsn(ISTORE, off);
        write(e, arr, off, -1);
        return arr;
    }

    /**
     * Writes the function value {@code e} into array local {@code arr} from the offset in int local
     * {@code off}. {@code ownOffset} is the offset of the variable whose copy {@code arr} already
     * holds there (the successor array starts as a copy of the state), else -1.
     */
    void write(Expr e, int arr, int off, int ownOffset) {
        int w = SlotLayout.width(e.type());
        if (e instanceof Expr.VarRef v) {
            if (ex.owner().offset(v) != ownOffset) {
                copy(() -> {
                    mv.visitVarInsn(ALOAD, 1);
                    ex.pushInt(ex.owner().offset(v));
                }, arr, off, w);
            }
        } else if (e instanceof Expr.Const c) {
            long[] flat = new long[w];
            flatten(c.value(), flat, 0);
            copy(() -> {
                ex.pushConstant(flat, "[J");
                ex.pushInt(0);
            }, arr, off, w);
        } else if (e instanceof Expr.Ite i) {
            Label no = new Label();
            Label end = new Label();
            ex.jump(i.condition(), no, false);
            write(i.then(), arr, off, ownOffset);
            mv.visitJumpInsn(GOTO, end);
            mv.visitLabel(no);
            write(i.otherwise(), arr, off, ownOffset);
            mv.visitLabel(end);
        } else if (e instanceof Expr.Except x) {
            except(x, arr, off, ownOffset);
        } else if (e instanceof Expr.FnBuild b) {
            build(b, arr, off);
        } else if (e instanceof Expr.Apply a && BytecodeExprs.isRooted(a)) {
            copy(() -> {
                mv.visitVarInsn(ALOAD, 1);
                ex.offset(a);
            }, arr, off, w);
        } else if (e instanceof Expr.Apply a) {
            int g = materialize(a.function());
            copy(() -> {
                mv.visitVarInsn(ALOAD, g);
                ex.index(a.argument(), ((Type.FnOf) a.function().type()).domain(), Exprs.text(a));
                ex.pushInt(w);
                mv.visitInsn(IMUL);
            }, arr, off, w);
        } else {
            throw new IllegalStateException("no function value: " + Exprs.text(e));
        }
    }

    private void copy(Runnable pushSource, int arr, int off, int w) {
        pushSource.run();
        mv.visitVarInsn(ALOAD, arr);
        mv.visitVarInsn(ILOAD, off);
        ex.pushInt(w);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/System", "arraycopy",
                "(Ljava/lang/Object;ILjava/lang/Object;II)V", false);
    }

    private void except(Expr.Except x, int arr, int off, int ownOffset) {
        write(x.function(), arr, off, ownOffset);
        Type.FnOf fn = (Type.FnOf) x.function().type();
        int w = SlotLayout.width(fn.range());
        int at = ex.newInt();
        ex.index(x.argument(), fn.domain(), Exprs.text(x));
        storeOffset(w, off, at);
        storeAt(x.value(), arr, at, w);
    }

    /** at = (the index on the stack) * w + off: where an element of width w starts. */
    private void storeOffset(int w, int off, int at) {
        if (w != 1) {
            ex.pushInt(w);
            mv.visitInsn(IMUL);
        }
        mv.visitVarInsn(ILOAD, off);
        mv.visitInsn(IADD);
        mv.visitVarInsn(ISTORE, at);
    }

    /** Stores a value of width {@code w} (a scalar when 1 and not a function) at arr[at]. */
    private void storeAt(Expr value, int arr, int at, int w) {
        if (value.type() instanceof Type.FnOf) {
            write(value, arr, at, -1);
            return;
        }
        mv.visitVarInsn(ALOAD, arr);
        mv.visitVarInsn(ILOAD, at);
        ex.value(value);
        mv.visitInsn(LASTORE);
    }

    /** [p \in S |-> body]: a loop over the domain. */
    private void build(Expr.FnBuild b, int arr, int off) {
        int w = SlotLayout.width(b.range());
        int at = ex.newInt();
        ex.loop(b.param(), (i, exit) -> {
            mv.visitVarInsn(ILOAD, i);
            storeOffset(w, off, at);
            storeAt(b.body(), arr, at, w);
        });
    }

    private static int flatten(Value v, long[] out, int at) {
        if (v instanceof Value.FnVal f) {
            for (Value x : f.values()) {
                at = flatten(x, out, at);
            }
            return at;
        }
        out[at] = SlotLayout.scalarCode(v);
        return at + 1;
    }
}
