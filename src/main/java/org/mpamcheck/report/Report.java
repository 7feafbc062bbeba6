package org.mpamcheck.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

    /**
     * How many checked cells (variant x property, the engines' agreed verdict) have each verdict:
     * the one count every format prints, so text, markdown, JSON and the exit code agree.
     */
    public Map<Verdict, Integer> counts() {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        for (VariantRun r : runs) {
            for (PropertyResult p : r.agreed()) {
                if (properties.contains(p.invariant())) {
                    counts.merge(p.verdict(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /**
     * The exit code of DESIGN.md for this report; with {@code failOnVacuous}, a VACUOUS cell in
     * an otherwise passing report exits 1 like a violation.
     */
    public int exitCode(boolean failOnVacuous) {
        int code = overall().exitCode();
        return code == 0 && failOnVacuous && counts().get(Verdict.VACUOUS) > 0 ? 1 : code;
    }
}
