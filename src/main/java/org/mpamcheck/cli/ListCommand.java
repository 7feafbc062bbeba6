package org.mpamcheck.cli;

import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mpamcheck.model.KernelModePolicy;
import org.mpamcheck.model.Properties;
import org.mpamcheck.model.Scope;
import org.mpamcheck.model.Variants;
import org.mpamcheck.report.CatalogJson;
import org.mpamcheck.report.TextReport;

/** Every id the other commands accept, with one line each. */
final class ListCommand implements Command {

    public String name() {
        return "list";
    }

    public String synopsis() {
        return "";
    }

    public String summary() {
        return "variants, properties, scopes and engines: id and one line each";
    }

    public Options options() {
        Options o = new Options();
        o.addOption(Selection.option("format", "F", "text or json (default: text)"));
        return o;
    }

    public int run(CommandLine line, Session session) {
        if (ReportFormat.format(line, List.of("text", "json")).equals("json")) {
            session.out().print(CatalogJson.render(Engines.DESCRIPTIONS, Scope.KEYS,
                    ReportFormat.provenance()));
            return 0;
        }
        StringBuilder b = new StringBuilder("variants\n");
        for (KernelModePolicy v : Variants.all()) {
            b.append(TextReport.wrap(String.format("  %-24s ", v.id()), v.description()));
        }
        b.append("properties\n");
        for (Map.Entry<String, String> p : Properties.DESCRIPTIONS.entrySet()) {
            b.append(TextReport.wrap(String.format("  %-24s ", p.getKey()), p.getValue()));
        }
        b.append("scopes\n");
        for (Map.Entry<String, String> s : Scope.named().entrySet()) {
            b.append(String.format("  %-24s %s%n", s.getKey(), Scope.parse(s.getKey()).bounds()));
            b.append(String.format("  %-24s %s%n", "", s.getValue()));
        }
        b.append(String.format("  %-24s %s%n", "KEY=N,...", "over ci; keys: "
                + String.join(", ", Scope.KEYS)));
        b.append("engines\n");
        for (Map.Entry<String, String> e : Engines.DESCRIPTIONS.entrySet()) {
            b.append(String.format("  %-24s %s%n", e.getKey(), e.getValue()));
        }
        session.out().print(b);
        return 0;
    }
}
