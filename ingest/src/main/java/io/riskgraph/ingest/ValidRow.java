package io.riskgraph.ingest;

import java.util.List;
import java.util.Map;

/** A row that passed validation: typed values by field name (extras kept as text) and its warnings. */
public record ValidRow(long line, Map<String, Object> values, List<Issue> warnings) {
    public Object get(String field) { return values.get(field); }

    public String text(String field) { return (String) values.get(field); }
}
