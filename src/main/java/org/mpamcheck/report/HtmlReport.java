package org.mpamcheck.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The counterexample explorer: one self-contained HTML file (inline style and script, a
 * content-security policy that forbids every network request) holding the matrix and every
 * trace as {@link ExplorerData}. The page's code is the resource {@code explorer.html}.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    /** The matrix; every violated cell opens its trace. */
    public static String render(Report r, Provenance provenance) {
        return page(ExplorerData.of(r, "mpamcheck: " + r.runs().size() + " variant(s) x "
                + r.properties().size() + " properties", provenance));
    }

    /** One variant and property ({@code explain}): the page opens on its trace, if violated. */
    public static String explain(Report r, Provenance provenance) {
        ObjectNode data = ExplorerData.of(r, "mpamcheck explain " + r.runs().get(0).id() + " / "
                + r.properties().get(0), provenance);
        if (data.withArray("traces").size() > 0) {
            data.put("open", 0);
        }
        return page(data);
    }

    /**
     * Variants side by side ({@code compare}): the page opens on the first property whose
     * verdicts separate the variants, the first variant with a counterexample for it on the
     * left and the next variant on the right (its trace, or its verdict when it holds).
     */
    public static String compare(Report r, Provenance provenance, String separating) {
        ObjectNode data = ExplorerData.of(r, "mpamcheck compare " + String.join(" vs ",
                r.runs().stream().map(VariantRun::id).toList()), provenance);
        JsonNode traces = data.get("traces");
        for (int i = 0; i < traces.size(); i++) {
            if (traces.get(i).get("property").asText().equals(separating)) {
                data.put("open", i);
                String left = traces.get(i).get("variant").asText();
                for (JsonNode v : data.get("variants")) {
                    if (!v.get("id").asText().equals(left)) {
                        JsonNode cell = cellOf(v, separating);
                        data.put("compare", cell.has("trace") ? "t" + cell.get("trace").asInt()
                                : "v" + v.get("id").asText());
                        break;
                    }
                }
                break;
            }
        }
        return page(data);
    }

    private static JsonNode cellOf(JsonNode variant, String property) {
        for (JsonNode c : variant.get("cells")) {
            if (c.get("property").asText().equals(property)) {
                return c;
            }
        }
        throw new IllegalStateException("no cell for " + property);
    }

    private static String page(ObjectNode data) {
        String json;
        try {
            json = new ObjectMapper().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("explorer data: " + e.getMessage(), e);
        }
        // inside <script> only "</" could end the element early; \u003c is the same JSON string
        String inline = json.replace("<", "\\u003c");
        return template().replace("@TITLE@", escape(data.get("title").asText()))
                .replace("@DATA@", inline);
    }

    private static String template() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("explorer.html")) {
            if (in == null) {
                throw new IllegalStateException("explorer.html is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
