package org.mpamcheck.engine;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.IFNULL;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKEINTERFACE;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.LASTORE;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.LAND;
import static org.objectweb.asm.Opcodes.LOR;
import static org.objectweb.asm.Opcodes.LSHL;
import static org.objectweb.asm.Opcodes.LSUB;
import static org.objectweb.asm.Opcodes.LALOAD;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.POP;

import java.util.List;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Param;
import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Update;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * The code of one enabled action instance inside a generated action method (see
 * {@link BytecodeCompiler}): the successor is the frame's buffer with the updated variables
 * written (the buffer holds a copy of the state elsewhere and is restored after the sink), and,
 * when the frame holds the packed parent, the packed successor is the parent's words with only
 * the words holding updated slots rewritten. Locals: 1 state, 2 frame, 3 sink, 4 result, 5 the
 * successor buffer.
 */
final class BytecodeStepWriter {

    private static final String FRAME = "org/mpamcheck/engine/Frame";
    private static final String SINK = "org/mpamcheck/engine/Transitions$SuccessorSink";

    private BytecodeStepWriter() {
    }

    /**
     * An enabled instance: write the updated variables into the frame's successor buffer (a copy
     * of the state elsewhere), pack the words they touch when the frame asks for packed
     * successors, hand both to the sink, then restore what the step changed.
     */
    static void step(BytecodeExprs ex, CompiledSpec compiled, int a, Action action) {
        MethodVisitor mv = ex.mv();
        SlotLayout layout = compiled.layout;
        mv.visitInsn(ICONST_1);
        mv.visitVarInsn(ISTORE, 4);
        Spec spec = compiled.spec;
        for (Update u : action.updates()) {
            int off = layout.offset(spec.variables().indexOf(u.variable()));
            if (u.variable().type() instanceof Type.FnOf) {
                int offLocal = ex.newInt();
                ex.pushInt(off);
                mv.visitVarInsn(ISTORE, offLocal);
                ex.write(u.value(), 5, offLocal, off);
            } else {
                mv.visitVarInsn(ALOAD, 5);
                ex.pushInt(off);
                ex.value(u.value());
                mv.visitInsn(LASTORE);
            }
        }
        for (Update u : action.updates()) {
            int off = layout.offset(spec.variables().indexOf(u.variable()));
            if (!layout.slotIsSet(off) && layout.slotSort(off) instanceof RangeSort r) {
                mv.visitVarInsn(ALOAD, 5);
                ex.pushInt(off);
                ex.pushInt(SlotLayout.width(u.variable().type()));
                ex.pushConstant(r, "org/mpamcheck/spec/RangeSort");
                ex.pushConstant(action.name(), "java/lang/String");
                ex.pushConstant(u.variable().name(), "java/lang/String");
                mv.visitMethodInsn(INVOKESTATIC, "org/mpamcheck/engine/GeneratedRuntime",
                        "checkRange", "([JIILorg/mpamcheck/spec/RangeSort;Ljava/lang/String;"
                                + "Ljava/lang/String;)V", false);
            }
        }
        java.util.TreeMap<Integer, List<Integer>> touched = touchedWords(compiled, action);
        int parent = ex.newRef();
        int parentOffset = ex.newInt();
        int packed = ex.newRef();
        mv.visitVarInsn(ALOAD, 2);
        mv.visitFieldInsn(GETFIELD, FRAME, "packedNext", "[J");
        mv.visitVarInsn(ASTORE, packed);
        mv.visitVarInsn(ALOAD, 2);
        mv.visitFieldInsn(GETFIELD, FRAME, "parentOffset", "I");
        mv.visitVarInsn(ISTORE, parentOffset);
        mv.visitVarInsn(ALOAD, 2);
        mv.visitFieldInsn(GETFIELD, FRAME, "parentPacked", "[J");
        mv.visitVarInsn(ASTORE, parent);
        Label unpacked = new Label();
        mv.visitVarInsn(ALOAD, parent);
        mv.visitJumpInsn(IFNULL, unpacked);
        for (var word : touched.entrySet()) {
            int w = word.getKey();
            long mask = 0;
            for (int k : word.getValue()) {
                long bits = layout.slotBits(k) == 64 ? -1L : (1L << layout.slotBits(k)) - 1;
                mask |= bits << layout.slotShift(k);
            }
            mv.visitVarInsn(ALOAD, packed);
            ex.pushInt(w);
            parentWord(ex, parent, parentOffset, w);
            ex.pushLong(~mask);
            mv.visitInsn(LAND);
            for (int k : word.getValue()) {
                BytecodeCompiler.orSlot(mv, ex, layout, 5, k);
            }
            mv.visitInsn(LASTORE);
        }
        mv.visitLabel(unpacked);
        mv.visitVarInsn(ALOAD, 2);
        mv.visitFieldInsn(GETFIELD, FRAME, "bound", "[J");
        List<Param> params = action.params();
        for (int j = 0; j < params.size(); j++) {
            mv.visitInsn(DUP);
            ex.pushInt(j);
            mv.visitVarInsn(LLOAD, ex.localOf(params.get(j)));
            mv.visitInsn(LASTORE);
        }
        mv.visitInsn(POP);
        mv.visitVarInsn(ALOAD, 3);
        ex.pushInt(a);
        mv.visitVarInsn(ALOAD, 2);
        mv.visitFieldInsn(GETFIELD, FRAME, "bound", "[J");
        mv.visitVarInsn(ALOAD, 5);
        mv.visitMethodInsn(INVOKEINTERFACE, SINK, "accept", "(I[J[J)Z", true);
        int go = ex.newInt();
        mv.visitVarInsn(ISTORE, go);
        for (Update u : action.updates()) {
            int off = layout.offset(spec.variables().indexOf(u.variable()));
            int width = SlotLayout.width(u.variable().type());
            if (width == 1) {
                mv.visitVarInsn(ALOAD, 5);
                ex.pushInt(off);
                mv.visitVarInsn(ALOAD, 1);
                ex.pushInt(off);
                mv.visitInsn(LALOAD);
                mv.visitInsn(LASTORE);
            } else {
                mv.visitVarInsn(ALOAD, 1);
                ex.pushInt(off);
                mv.visitVarInsn(ALOAD, 5);
                ex.pushInt(off);
                ex.pushInt(width);
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/System", "arraycopy",
                        "(Ljava/lang/Object;ILjava/lang/Object;II)V", false);
            }
        }
        Label restored = new Label();
        mv.visitVarInsn(ALOAD, parent);
        mv.visitJumpInsn(IFNULL, restored);
        for (int w : touched.keySet()) {
            mv.visitVarInsn(ALOAD, packed);
            ex.pushInt(w);
            parentWord(ex, parent, parentOffset, w);
            mv.visitInsn(LASTORE);
        }
        mv.visitLabel(restored);
        Label next = new Label();
        mv.visitVarInsn(ILOAD, go);
        mv.visitJumpInsn(IFNE, next);
        ex.pushInt(3);
        mv.visitInsn(IRETURN);
        mv.visitLabel(next);
    }

    /** Pushes the parent's packed word {@code w}. */
    private static void parentWord(BytecodeExprs ex, int parent, int parentOffset, int w) {
        MethodVisitor mv = ex.mv();
        mv.visitVarInsn(ALOAD, parent);
        mv.visitVarInsn(ILOAD, parentOffset);
        ex.pushInt(w);
        mv.visitInsn(IADD);
        mv.visitInsn(LALOAD);
    }

    /** The packed words holding slots the action updates, each with those slots in order. */
    private static java.util.TreeMap<Integer, List<Integer>> touchedWords(CompiledSpec compiled,
            Action action) {
        SlotLayout layout = compiled.layout;
        java.util.TreeMap<Integer, List<Integer>> out = new java.util.TreeMap<>();
        for (Update u : action.updates()) {
            int off = layout.offset(compiled.spec.variables().indexOf(u.variable()));
            for (int k = off; k < off + SlotLayout.width(u.variable().type()); k++) {
                out.computeIfAbsent(layout.slotWord(k), w -> new java.util.ArrayList<>()).add(k);
            }
        }
        return out;
    }
}
