package org.mpamcheck.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.spec.Invariant;
import org.mpamcheck.alloy.AlloyEmitter;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.ResctrlModel;
import org.mpamcheck.model.Scope;
import org.mpamcheck.model.Variants;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.tla.TlaModule;
import org.mpamcheck.tla.TlaEmitter;

/**
 * The files of {@code models/} (each variant's TLA+ module, TLC config and Alloy module) and of
 * {@code proofs/} (each variant's Alloy induction checks).
 */
final class ModelExport {

    /** The scope the committed models are exported at. */
    static final Scope SCOPE = Scope.ci();

    private ModelExport() {
    }

    /**
     * The files of {@code proofs/}: per variant, the induction checks of everything the search at
     * ci finds to hold, properties and lemmas, proved together (what {@code prove} checks).
     */
    static Map<String, String> proofFiles(Scope scope) {
        return proofFiles(scope, Variants.all());
    }

    static Map<String, String> proofFiles(Scope scope, List<KernelModePolicy> variants) {
        Map<String, String> files = new LinkedHashMap<>();
        for (KernelModePolicy v : variants) {
            Map<String, Verdict> searched = ProveCommand.searchVerdicts(v);
            Spec spec = ResctrlModel.spec(v, scope);
            List<Invariant> holding = spec.invariants().stream()
                    .filter(i -> ProveCommand.candidate(searched, i)).toList();
            files.put(spec.name() + ".als", AlloyEmitter.induction(spec, holding));
        }
        return files;
    }

    /** File name to content, in a stable order. */
    static Map<String, String> files(Scope scope) {
        return files(scope, Variants.all());
    }

    static Map<String, String> files(Scope scope, List<KernelModePolicy> variants) {
        Map<String, String> files = new LinkedHashMap<>();
        for (KernelModePolicy v : variants) {
            Spec spec = ResctrlModel.spec(v, scope);
            TlaModule tla = TlaEmitter.emit(spec);
            files.put(tla.name() + ".tla", tla.tla());
            files.put(tla.name() + ".cfg", tla.cfg());
            files.put(spec.name() + ".als", AlloyEmitter.temporal(spec, scope.steps()));
        }
        return files;
    }
}
