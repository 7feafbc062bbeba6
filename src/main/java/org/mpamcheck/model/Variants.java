package org.mpamcheck.model;

import java.util.List;
import org.mpamcheck.model.variants.Arm64GroupMapped;
import org.mpamcheck.model.variants.Arm64IrqDefault;
import org.mpamcheck.model.variants.Arm64KernelDefault;
import org.mpamcheck.model.variants.Arm64KernelFollows;
import org.mpamcheck.model.variants.Arm64KernelGroup;
import org.mpamcheck.model.variants.Arm64PerGroup;
import org.mpamcheck.model.variants.X86Plza;
import org.mpamcheck.model.variants.X86Rdt;

/**
 * The built-in kernel-mode variants: the matrix the tool checks by default. A proposal under
 * review is not added here; it is checked from its own file ({@code --proposal FILE}).
 */
public final class Variants {

    private static final List<KernelModePolicy> ALL = List.of(
            new Arm64KernelDefault(),
            new Arm64KernelFollows(),
            new Arm64PerGroup(),
            new Arm64IrqDefault(),
            new Arm64KernelGroup(),
            new Arm64GroupMapped(),
            new X86Rdt(),
            new X86Plza(),
            new X86Plza(X86Plza.Config.BOUND_INHERIT_MON),
            new X86Plza(X86Plza.Config.BOUND_ASSIGN_MON),
            new X86Plza(X86Plza.Config.UNBOUND));

    private Variants() {
    }

    public static List<KernelModePolicy> all() {
        return ALL;
    }

    public static List<String> ids() {
        return ALL.stream().map(KernelModePolicy::id).toList();
    }

    /** The variant with this id; the message names the valid ids and the nearest one. */
    public static KernelModePolicy byId(String id) {
        return ALL.stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown variant '" + id + "'; valid: "
                        + String.join(", ", ids()) + Suggest.nearest(id, ids())));
    }
}
