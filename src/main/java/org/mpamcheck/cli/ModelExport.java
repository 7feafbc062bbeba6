package org.mpamcheck.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mpamcheck.alloy.AlloyEmitter;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.ResctrlModel;
import org.mpamcheck.model.Scope;
import org.mpamcheck.model.Variants;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.tla.TlaModule;
import org.mpamcheck.tla.TlaEmitter;

/** The files of {@code models/}: each variant's TLA+ module, TLC config and Alloy module. */
final class ModelExport {

    /** The scope the committed models are exported at. */
    static final Scope SCOPE = Scope.ci();

    private ModelExport() {
    }

    /** File name to content, in a stable order. */
    static Map<String, String> files(Scope scope) {
        Map<String, String> files = new LinkedHashMap<>();
        for (KernelModePolicy v : Variants.all()) {
            Spec spec = ResctrlModel.spec(v, scope);
            TlaModule tla = TlaEmitter.emit(spec);
            files.put(tla.name() + ".tla", tla.tla());
            files.put(tla.name() + ".cfg", tla.cfg());
            files.put(spec.name() + ".als", AlloyEmitter.temporal(spec, scope.steps()));
        }
        return files;
    }
}
