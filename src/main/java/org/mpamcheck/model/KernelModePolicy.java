package org.mpamcheck.model;

import static org.mpamcheck.spec.Exprs.eq;

import java.util.List;
import java.util.Optional;
import org.mpamcheck.spec.Expr;

/**
 * What a kernel does with the label of kernel-mode work: one implementation per proposal. The
 * model asks these hooks where the kernel decides (the label in force at EL1 / CPL 0, the kernel
 * register's value when a context switch or an IPI loads the registers, interrupt entry and
 * exit); {@link #declare} adds the variant's own variables and rdtgroup_mutex holders, and
 * {@link #steps} adds, replaces, wraps or removes steps by their ids ({@link CoreSteps}).
 * Built-in variants use nothing but these hooks; a proposal from a file is the same.
 */
public interface KernelModePolicy {

    /** The id reports and the command line use, e.g. {@code arm64-kernel-follows}. */
    String id();

    /** One line: what the kernel does with the kernel-mode label. */
    String description();

    Architecture architecture();

    /** Whether the variant has a second label register for kernel mode (MPAM1_EL1, PLZA_ASSOC). */
    boolean hasKernelRegister();

    /**
     * The label in force for kernel work and interrupts on {@code cpu} (arm64: MPAM1_EL1; x86:
     * PQR_ASSOC, or PLZA_ASSOC at CPL 0 where PLZA is enabled).
     */
    Label kernelLabel(ResctrlState s, Expr cpu);

    /**
     * The kernel register's new value when a context switch or an IPI loads {@code user} into the
     * user register of {@code cpu}; empty leaves it unchanged.
     */
    default Optional<Label> kernelRegisterOnLoad(ResctrlState s, Expr cpu, Label user) {
        return Optional.empty();
    }

    /** The kernel register's value on interrupt entry; empty leaves it unchanged. */
    default Optional<Label> kernelRegisterOnIrqEntry(ResctrlState s, Expr cpu) {
        return Optional.empty();
    }

    /** The kernel register's value on interrupt exit; empty leaves it unchanged. */
    default Optional<Label> kernelRegisterOnIrqExit(ResctrlState s, Expr cpu) {
        return Optional.empty();
    }

    /**
     * Whether {@code partid} is the group the variant designates for kernel work, the one the
     * platform leaves unrestricted: lock holders and interrupts should run under it, and kernel
     * work of other groups' tasks running under it makes it unusable for limits. By default
     * PARTID/CLOSID 0, the default group's (the snapshot's premise); PLZA designates the bound
     * group.
     */
    default Expr designatedKernelGroup(ResctrlState s, Expr partid) {
        return eq(partid, s.partid(0));
    }

    /**
     * Declares the variant's own variables ({@link ResctrlState#declare}) and the states in
     * which its own multi-step writes hold rdtgroup_mutex ({@link ResctrlState#holdMutexWhile}).
     */
    default void declare(ResctrlState s) {
    }

    /** Adds the variant's own steps and replaces, wraps or removes core ones. */
    default void steps(StepCatalog steps, ResctrlState s) {
    }

    /**
     * What the variant keeps true of its registers, as lemmas for the induction proofs (the
     * search checks them too, so a wrong one is caught).
     */
    default List<Claim> lemmas() {
        return List.of();
    }
}
