package org.mpamcheck.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mpamcheck.alloy.InductionResult;
import org.mpamcheck.model.Properties;
import org.mpamcheck.model.Scope;
import org.mpamcheck.model.TraceNarrator;
import org.mpamcheck.model.ValueNames;
import org.mpamcheck.spec.Invariant;

/**
 * {@code prove --format json}: per variant, the status of every property and lemma (PROVED,
 * NOT_INDUCTIVE, VIOLATED, INCOMPLETE, ERROR), the solver's figures, and each counterexample to
 * induction as pre-state, step (told in resctrl terms) and post-state.
 */
public final class ProofJson {

    private ProofJson() {
    }

    public static String render(List<ProofRun> runs, List<String> properties, Scope proofScope,
            Scope searchScope, Provenance provenance) {
        ObjectNode root = JsonReport.header(provenance);
        root.put("command", "prove");
        root.put("scope", proofScope.name());
        root.put("bounds", proofScope.bounds());
        root.put("searchBounds", searchScope.bounds());
        ArrayNode props = root.putArray("properties");
        properties.forEach(p -> props.addObject().put("id", p)
                .put("description", Properties.description(p)));
        ArrayNode variants = root.putArray("variants");
        for (ProofRun r : runs) {
            ObjectNode v = variants.addObject().put("variant", r.policy().id())
                    .put("solver", r.outcome().solver()).put("rounds", r.outcome().rounds())
                    .put("satProblems", r.outcome().solves())
                    .put("seconds", Math.round(r.outcome().seconds() * 1000) / 1000.0)
                    .put("clauses", r.outcome().clauses());
            ObjectNode status = v.putObject("properties");
            properties.forEach(p -> status.put(p, r.status(p).name()));
            ArrayNode lemmas = v.putArray("lemmas");
            for (Invariant l : r.lemmas()) {
                lemmas.addObject().put("id", l.name()).put("description", l.description())
                        .put("status", r.status(l.name()).name());
            }
            ArrayNode unproved = v.putArray("unproved");
            Set<InductionResult> seen = new HashSet<>();
            for (InductionResult res : r.outcome().results().values()) {
                if (res != null && res.outcome() != InductionResult.Outcome.PROVED
                        && seen.add(res)) {
                    unproved.add(unproved(r, res, proofScope));
                }
            }
        }
        return JsonReport.write(root);
    }

    private static ObjectNode unproved(ProofRun r, InductionResult res, Scope scope) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("outcome", res.outcome().name());
        ArrayNode broken = o.putArray("broken");
        res.broken().forEach(broken::add);
        if (!res.message().isEmpty()) {
            o.put("message", res.message());
        }
        res.cti().ifPresent(c -> {
            TraceNarrator n = new TraceNarrator(r.policy(), scope);
            ObjectNode cti = o.putObject("counterexampleToInduction");
            cti.put("pre", n.table(c.pre()));
            cti.put("step", c.action().map(a -> n.command(a, c.pre(), c.post()).strip())
                    .orElse("(no single action instance)"));
            c.action().ifPresent(a -> cti.put("action",
                    ValueNames.of(r.policy(), scope).action(a)));
            cti.put("post", n.table(c.post()));
        });
        return o;
    }
}
