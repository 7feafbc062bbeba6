package org.mpamcheck.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A property that held because nothing exercised it is VACUOUS, not HOLDS. The search checks,
 * beside each property about a situation, a witness invariant "the premise is false"; when that
 * witness holds over an exhaustive search, no reachable state has the premise.
 */
public final class Vacuity {

    private Vacuity() {
    }

    /**
     * @param agreed the engines' agreed verdicts
     * @param witnessOf each property's witness invariant name (properties without a premise
     *     absent)
     * @param witnesses the searching engine's results, witnesses included
     * @param premises each witness's premise in words
     */
    public static List<PropertyResult> apply(List<PropertyResult> agreed,
            Map<String, String> witnessOf, Result witnesses, Map<String, String> premises) {
        List<PropertyResult> out = new ArrayList<>();
        for (PropertyResult p : agreed) {
            Optional<PropertyResult> w = Optional.ofNullable(witnessOf.get(p.invariant()))
                    .flatMap(witnesses::property);
            if (p.verdict() == Verdict.HOLDS && w.isPresent()
                    && w.get().verdict() == Verdict.HOLDS) {
                out.add(new PropertyResult(p.invariant(), Verdict.VACUOUS, Optional.empty(),
                        "no reachable state has its premise: "
                                + premises.getOrDefault(w.get().invariant(), "")));
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
