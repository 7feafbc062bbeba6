package org.mpamcheck.engine;

import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.IOR;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.LASTORE;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.LADD;
import static org.objectweb.asm.Opcodes.LAND;
import static org.objectweb.asm.Opcodes.LUSHR;
import static org.objectweb.asm.Opcodes.LOR;
import static org.objectweb.asm.Opcodes.LSHL;
import static org.objectweb.asm.Opcodes.LSUB;
import static org.objectweb.asm.Opcodes.LALOAD;
import static org.objectweb.asm.Opcodes.LCONST_0;
import static org.objectweb.asm.Opcodes.PUTFIELD;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.V17;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Spec;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Generates a class implementing {@link Transitions} for one spec: one method per action (its
 * parameters as nested loops, each condition tested in the outermost loop whose parameters it
 * reads, cheap conditions first; see {@link ConditionPlan}), one per invariant. The class is
 * defined as a hidden class in this package, so it calls the engine's package-private helpers
 * directly and is unloaded with its last instance.
 *
 * <p>Why ASM and hidden classes rather than a source compiler (Janino, javac): the expression
 * tree maps onto bytecode node by node (a jump per boolean, a long per scalar), so generating it
 * costs milliseconds and no source text; ASM is one small jar with no dependencies; and a hidden
 * class needs no class loader of its own. The interpreter ({@link CompiledSpec}) stays the
 * reference: tests check both give the same counts and traces.
 */
final class BytecodeCompiler {

    private static final String NAME = "org/mpamcheck/engine/GeneratedTransitions";
    private static final String FRAME = "org/mpamcheck/engine/Frame";
    private static final String SINK = "org/mpamcheck/engine/Transitions$SuccessorSink";
    private static final String ACTION_DESC = "([JL" + FRAME + ";L" + SINK + ";)I";

    private BytecodeCompiler() {
    }

    static Transitions compile(CompiledSpec compiled) {
        Spec spec = compiled.spec;
        BytecodeClass owner = new BytecodeClass(NAME, spec, compiled.layout);
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_FINAL, NAME, null, "java/lang/Object",
                new String[] {"org/mpamcheck/engine/Transitions"});
        cw.visitField(ACC_FINAL, "k", "[Ljava/lang/Object;", null, null).visitEnd();
        constructor(cw);
        List<Action> actions = spec.actions();
        for (int a = 0; a < actions.size(); a++) {
            action(cw, owner, compiled, a);
        }
        successors(cw, actions.size(), compiled.layout.slots());
        packsSuccessors(cw);
        for (int i = 0; i < spec.invariants().size(); i++) {
            MethodVisitor mv = cw.visitMethod(0, "inv" + i, "([J)Z", null, null);
            mv.visitCode();
            BytecodeExprs ex = new BytecodeExprs(mv, owner, 2);
            Label no = new Label();
            ex.jump(spec.invariants().get(i).predicate(), no, false);
            mv.visitInsn(ICONST_1);
            mv.visitInsn(IRETURN);
            mv.visitLabel(no);
            mv.visitInsn(ICONST_0);
            mv.visitInsn(IRETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
        holds(cw, spec.invariants().size());
        pack(cw, compiled.layout);
        unpack(cw, compiled.layout);
        cw.visitEnd();
        try {
            // -Dmpamcheck.visibleClass: an ordinary class, so profilers (JFR) show its frames,
            // which they hide for hidden classes; one spec per JVM then (the name is fixed)
            Class<?> generated = Boolean.getBoolean("mpamcheck.visibleClass")
                    ? MethodHandles.lookup().defineClass(cw.toByteArray())
                    : MethodHandles.lookup().defineHiddenClass(cw.toByteArray(), true)
                            .lookupClass();
            return (Transitions) MethodHandles.lookup().findConstructor(generated,
                    MethodType.methodType(void.class, Object[].class))
                    .invoke(owner.constants());
        } catch (Throwable t) {
            throw new IllegalStateException("generated code for " + spec.name()
                    + " was rejected: " + t, t);
        }
    }

    private static void constructor(ClassWriter cw) {
        MethodVisitor mv = cw.visitMethod(0, "<init>", "([Ljava/lang/Object;)V", null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitFieldInsn(PUTFIELD, NAME, "k", "[Ljava/lang/Object;");
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void packsSuccessors(ClassWriter cw) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "packsSuccessors", "()Z", null, null);
        mv.visitCode();
        mv.visitInsn(ICONST_1);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * successors(s, f, sink): each action in order; bit 1 = some enabled, bit 2 = stop. The
     * frame's successor buffer starts as a copy of the state; each step writes the variables it
     * updates and restores them after the sink, so a step copies only what it changes.
     */
    private static void successors(ClassWriter cw, int actions, int slots) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "successors",
                "([JL" + FRAME + ";L" + SINK + ";)Z", null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 1);
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ALOAD, 2);
        mv.visitFieldInsn(GETFIELD, FRAME, "next", "[J");
        mv.visitInsn(ICONST_0);
        new BytecodeExprs(mv, null, 5).pushInt(slots);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/System", "arraycopy",
                "(Ljava/lang/Object;ILjava/lang/Object;II)V", false);
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, 4);
        Label stop = new Label();
        for (int a = 0; a < actions; a++) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ALOAD, 1);
            mv.visitVarInsn(ALOAD, 2);
            mv.visitVarInsn(ALOAD, 3);
            mv.visitMethodInsn(INVOKEVIRTUAL, NAME, "a" + a, ACTION_DESC, false);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ILOAD, 4);
            mv.visitInsn(IOR);
            mv.visitVarInsn(ISTORE, 4);
            mv.visitInsn(ICONST_0 + 2);
            mv.visitInsn(org.objectweb.asm.Opcodes.IAND);
            mv.visitJumpInsn(IFNE, stop);
        }
        mv.visitVarInsn(ILOAD, 4);
        mv.visitInsn(IRETURN);
        mv.visitLabel(stop);
        mv.visitInsn(ICONST_1);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** pack(slots, out): each word or-ed together from its slots, straight-line. */
    private static void pack(ClassWriter cw, SlotLayout layout) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "pack", "([J[J)V", null, null);
        mv.visitCode();
        BytecodeExprs ex = new BytecodeExprs(mv, null, 3);
        int k = 0;
        for (int w = 0; w < layout.words(); w++) {
            mv.visitVarInsn(ALOAD, 2);
            ex.pushInt(w);
            mv.visitInsn(LCONST_0);
            for (; k < layout.slots() && layout.slotWord(k) == w; k++) {
                orSlot(mv, ex, layout, 1, k);
            }
            mv.visitInsn(LASTORE);
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * ORs slot {@code k} of the long[] in local {@code slots} into the word on the stack, offset
     * by its base and shifted to its place.
     */
    static void orSlot(MethodVisitor mv, BytecodeExprs ex, SlotLayout layout, int slots, int k) {
        mv.visitVarInsn(ALOAD, slots);
        ex.pushInt(k);
        mv.visitInsn(LALOAD);
        if (layout.slotBase(k) != 0) {
            ex.pushLong(layout.slotBase(k));
            mv.visitInsn(LSUB);
        }
        if (layout.slotShift(k) != 0) {
            ex.pushInt(layout.slotShift(k));
            mv.visitInsn(LSHL);
        }
        mv.visitInsn(LOR);
    }

    /** unpack(packed, from, slots): each slot shifted and masked out of its word, straight-line. */
    private static void unpack(ClassWriter cw, SlotLayout layout) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "unpack", "([JI[J)V", null, null);
        mv.visitCode();
        BytecodeExprs ex = new BytecodeExprs(mv, null, 4);
        for (int k = 0; k < layout.slots(); k++) {
            mv.visitVarInsn(ALOAD, 3);
            ex.pushInt(k);
            mv.visitVarInsn(ALOAD, 1);
            mv.visitVarInsn(ILOAD, 2);
            ex.pushInt(layout.slotWord(k));
            mv.visitInsn(IADD);
            mv.visitInsn(LALOAD);
            if (layout.slotShift(k) != 0) {
                ex.pushInt(layout.slotShift(k));
                mv.visitInsn(LUSHR);
            }
            if (layout.slotBits(k) < 64) {
                ex.pushLong((1L << layout.slotBits(k)) - 1);
                mv.visitInsn(LAND);
            }
            if (layout.slotBase(k) != 0) {
                ex.pushLong(layout.slotBase(k));
                mv.visitInsn(LADD);
            }
            mv.visitInsn(LASTORE);
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void holds(ClassWriter cw, int invariants) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "holds", "(I[JL" + FRAME + ";)Z", null,
                null);
        mv.visitCode();
        Label fail = new Label();
        if (invariants > 0) {
            Label[] cases = new Label[invariants];
            for (int i = 0; i < invariants; i++) {
                cases[i] = new Label();
            }
            mv.visitVarInsn(ILOAD, 1);
            mv.visitTableSwitchInsn(0, invariants - 1, fail, cases);
            for (int i = 0; i < invariants; i++) {
                mv.visitLabel(cases[i]);
                mv.visitVarInsn(ALOAD, 0);
                mv.visitVarInsn(ALOAD, 2);
                mv.visitMethodInsn(INVOKEVIRTUAL, NAME, "inv" + i, "([J)Z", false);
                mv.visitInsn(IRETURN);
            }
        }
        mv.visitLabel(fail);
        mv.visitInsn(ICONST_0);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * a{n}(s, f, sink): locals 0 this, 1 state, 2 frame, 3 sink, 4 result, 5 the successor
     * array (the frame's buffer). Returns 1 when some instance was enabled, 3 when the sink
     * asked to stop.
     */
    private static void action(ClassWriter cw, BytecodeClass owner, CompiledSpec compiled,
            int a) {
        Action action = compiled.spec.actions().get(a);
        MethodVisitor mv = cw.visitMethod(0, "a" + a, ACTION_DESC, null, null);
        mv.visitCode();
        BytecodeExprs ex = new BytecodeExprs(mv, owner, 6);
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, 4);
        mv.visitVarInsn(ALOAD, 2);
        mv.visitFieldInsn(GETFIELD, FRAME, "next", "[J");
        mv.visitVarInsn(ASTORE, 5);
        ConditionPlan plan = ConditionPlan.of(action);
        Label end = new Label();
        level(ex, compiled, owner, a, action, plan, 0, end);
        mv.visitLabel(end);
        mv.visitVarInsn(ILOAD, 4);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** The conditions tested at loop depth {@code d}, then the loop over parameter d or the step. */
    private static void level(BytecodeExprs ex, CompiledSpec compiled, BytecodeClass owner, int a,
            Action action, ConditionPlan plan, int d, Label skip) {
        for (ConditionPlan.Condition c : plan.at(d)) {
            ex.jump(c.expr(), skip, c.refusal());
        }
        if (d < action.params().size()) {
            ex.loop(action.params().get(d), (i, exit) -> {
                Label next = new Label();
                level(ex, compiled, owner, a, action, plan, d + 1, next);
                ex.mv().visitLabel(next);
            });
        } else {
            BytecodeStepWriter.step(ex, compiled, a, action);
        }
    }
}
