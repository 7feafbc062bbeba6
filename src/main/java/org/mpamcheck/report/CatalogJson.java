package org.mpamcheck.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.Properties;
import org.mpamcheck.model.Scope;
import org.mpamcheck.model.Variants;

/** {@code list --format json}: every id the commands accept, with its one-line description. */
public final class CatalogJson {

    private CatalogJson() {
    }

    public static String render(Map<String, String> engines, java.util.List<String> scopeKeys,
            Provenance provenance) {
        ObjectNode root = JsonReport.header(provenance);
        root.put("command", "list");
        ArrayNode variants = root.putArray("variants");
        for (KernelModePolicy v : Variants.all()) {
            variants.addObject().put("id", v.id()).put("description", v.description())
                    .put("architecture", v.architecture().id());
        }
        ArrayNode properties = root.putArray("properties");
        Properties.DESCRIPTIONS.forEach((id, d) -> properties.addObject().put("id", id)
                .put("description", d));
        ArrayNode scopes = root.putArray("scopes");
        Scope.named().forEach((id, d) -> scopes.addObject().put("id", id).put("description", d)
                .put("bounds", Scope.parse(id).bounds()));
        ArrayNode keys = root.putArray("scopeKeys");
        scopeKeys.forEach(keys::add);
        ArrayNode list = root.putArray("engines");
        engines.forEach((id, d) -> list.addObject().put("id", id).put("description", d));
        return JsonReport.write(root);
    }
}
