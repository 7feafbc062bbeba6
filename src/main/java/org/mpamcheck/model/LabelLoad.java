package org.mpamcheck.model;

import java.util.Optional;
import org.mpamcheck.spec.Action;
import org.mpamcheck.spec.Expr;

/**
 * The register writes of resctrl_arch_sched_in (a context switch, an update IPI): the user
 * register gets the label resctrl assigns, and the kernel register what the variant says.
 */
final class LabelLoad {

    private LabelLoad() {
    }

    static Action.Builder load(ResctrlState s, Action.Builder b, Expr c, Label user, String cite) {
        s.userRegister.write(b, c, user, cite);
        return writeKernel(s, b, c, s.policy.kernelRegisterOnLoad(s, c, user), cite);
    }

    /** Writes the kernel register when the variant gives a value (empty: unchanged). */
    static Action.Builder writeKernel(ResctrlState s, Action.Builder b, Expr c,
            Optional<Label> k, String cite) {
        k.ifPresent(label -> s.kernelRegister().write(b, c, label, cite));
        return b;
    }
}
