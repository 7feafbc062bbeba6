package org.mpamcheck.model;

/**
 * What a CPU executes: user mode, kernel work for the running task (syscall, fault), or an
 * interrupt handler, which returns to where it came from.
 */
public enum CpuContext {
    USER("user"),
    KERNEL("kernel"),
    IRQ_FROM_USER("irqFromUser"),
    IRQ_FROM_KERNEL("irqFromKernel"),
    /** A KVM guest's kernel (EL1) on the VMM task's vCPU thread (scopes with guests only). */
    GUEST_KERNEL("guestKernel"),
    /** A KVM guest's user space (EL0). */
    GUEST_USER("guestUser");

    private final String specName;

    CpuContext(String specName) {
        this.specName = specName;
    }

    /** The value's name in the spec and the exported modules. */
    public String specName() {
        return specName;
    }

    /** How a register table prints it: both interrupt contexts are {@code irq}. */
    public String tableName() {
        return specName.startsWith("irq") ? "irq" : specName;
    }

    public static CpuContext ofSpecName(String name) {
        for (CpuContext c : values()) {
            if (c.specName.equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no CPU context " + name);
    }
}
