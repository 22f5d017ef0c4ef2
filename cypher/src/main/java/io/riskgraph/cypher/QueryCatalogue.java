package io.riskgraph.cypher;

import io.riskgraph.query.NamedQueries;
import io.riskgraph.query.NamedQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The analysts' named queries: one .cypher file each under queries/, listed in queries/index, with a header of
 * '// description:' and '// param NAME: text' lines. Run through the {@link ReadOnlyQueryRunner} like any
 * other statement.
 */
public final class QueryCatalogue implements NamedQueries {
    private static final String DESCRIPTION = "// description:";
    private static final String PARAM = "// param ";

    private final Map<String, NamedQuery> queries = new LinkedHashMap<>();

    public QueryCatalogue() {
        for (String name : CypherResources.read("queries/index").split("\n")) {
            if (name.isBlank()) continue;
            queries.put(name.strip(), parse(name.strip(), CypherResources.read("queries/" + name.strip() + ".cypher")));
        }
    }

    static NamedQuery parse(String name, String text) {
        String description = "";
        List<NamedQuery.Param> params = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.startsWith(DESCRIPTION)) {
                description = t.substring(DESCRIPTION.length()).strip();
            } else if (t.startsWith(PARAM)) {
                String rest = t.substring(PARAM.length());
                int colon = rest.indexOf(':');
                params.add(new NamedQuery.Param(rest.substring(0, colon).strip(), rest.substring(colon + 1).strip()));
            } else if (!t.startsWith("//")) {
                body.append(line).append('\n');
            }
        }
        String cypher = body.toString().strip();
        if (cypher.endsWith(";")) cypher = cypher.substring(0, cypher.length() - 1);
        if (description.isEmpty()) throw new IllegalStateException("query " + name + " has no description line");
        return new NamedQuery(name, description, List.copyOf(params), cypher);
    }

    @Override
    public String language() { return "Cypher"; }

    @Override
    public List<NamedQuery> all() { return List.copyOf(queries.values()); }

    @Override
    public Optional<NamedQuery> find(String name) { return Optional.ofNullable(queries.get(name)); }
}
