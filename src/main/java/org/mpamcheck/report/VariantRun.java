package org.mpamcheck.report;

import java.util.List;
import java.util.Optional;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Result;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.spec.Spec;

/** One variant's spec, each engine's result on it, and the verdicts they agree on. */
public record VariantRun(KernelModePolicy policy, Spec spec, List<Result> results,
        List<PropertyResult> agreed) {

    public VariantRun {
        results = List.copyOf(results);
        agreed = List.copyOf(agreed);
    }

    public String id() {
        return policy.id();
    }

    public Optional<PropertyResult> agreed(String property) {
        return agreed.stream().filter(p -> p.invariant().equals(property)).findFirst();
    }
}
