package io.riskgraph.cypher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The analysts' named queries: one .cypher file each under queries/, listed in queries/index, with a header of
 * '// description:' and '// param NAME: text' lines. Run through the {@link ReadOnlyQueryRunner} like any
 * other statement.
 */
public final class QueryCatalogue {
    private static final String DESCRIPTION = "// description:";
    private static final String PARAM = "// param ";

    public record Param(String name, String description) {}

    public record NamedQuery(String name, String description, List<Param> params, String cypher) {
        /** Refuses missing or unknown parameters with a message that lists the right ones. */
        public void checkParams(Set<String> given) {
            Set<String> declared = new TreeSet<>();
            params.forEach(p -> declared.add(p.name()));
            Set<String> missing = new TreeSet<>(declared);
            missing.removeAll(given);
            Set<String> unknown = new TreeSet<>(given);
            unknown.removeAll(declared);
            if (!missing.isEmpty() || !unknown.isEmpty()) {
                StringBuilder m = new StringBuilder("query '" + name + "'");
                if (!missing.isEmpty()) m.append(" needs ").append(String.join(", ", missing));
                if (!unknown.isEmpty()) m.append(missing.isEmpty() ? "" : ";").append(" has no parameter ")
                        .append(String.join(", ", unknown));
                m.append(" (parameters: ").append(declared.isEmpty() ? "none" : String.join(", ", declared)).append(')');
                throw new IllegalArgumentException(m.toString());
            }
        }
    }

    private final Map<String, NamedQuery> queries = new LinkedHashMap<>();

    public QueryCatalogue() {
        for (String name : CypherResources.read("queries/index").split("\n")) {
            if (name.isBlank()) continue;
            queries.put(name.strip(), parse(name.strip(), CypherResources.read("queries/" + name.strip() + ".cypher")));
        }
    }

    static NamedQuery parse(String name, String text) {
        String description = "";
        List<Param> params = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.startsWith(DESCRIPTION)) {
                description = t.substring(DESCRIPTION.length()).strip();
            } else if (t.startsWith(PARAM)) {
                String rest = t.substring(PARAM.length());
                int colon = rest.indexOf(':');
                params.add(new Param(rest.substring(0, colon).strip(), rest.substring(colon + 1).strip()));
            } else if (!t.startsWith("//")) {
                body.append(line).append('\n');
            }
        }
        String cypher = body.toString().strip();
        if (cypher.endsWith(";")) cypher = cypher.substring(0, cypher.length() - 1);
        if (description.isEmpty()) throw new IllegalStateException("query " + name + " has no description line");
        return new NamedQuery(name, description, List.copyOf(params), cypher);
    }

    public List<NamedQuery> all() { return List.copyOf(queries.values()); }

    public Optional<NamedQuery> find(String name) { return Optional.ofNullable(queries.get(name)); }

    public NamedQuery get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no query named '" + name + "'; known: "
                + String.join(", ", queries.keySet())));
    }
}
