package org.mpamcheck.report;

import java.util.List;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.model.Scope;

/** What a check run produced: the scope, the engines, the properties asked about, one run per variant. */
public record Report(Scope scope, List<String> engines, List<String> properties,
        List<VariantRun> runs) {

    public Report {
        engines = List.copyOf(engines);
        properties = List.copyOf(properties);
        runs = List.copyOf(runs);
    }

    /** The worst agreed verdict over every variant and property. */
    public Verdict overall() {
        Verdict worst = Verdict.HOLDS;
        for (VariantRun r : runs) {
            for (PropertyResult p : r.agreed()) {
                if (properties.contains(p.invariant()) && p.verdict().ordinal() > worst.ordinal()) {
                    worst = p.verdict();
                }
            }
        }
        return worst;
    }
}
