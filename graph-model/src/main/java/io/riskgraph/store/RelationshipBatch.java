package io.riskgraph.store;

import java.util.List;
import java.util.Map;

/**
 * Relationships of one type between keyed nodes, merged on (from, type, to): the same pair gets one
 * relationship whose properties the latest row sets. Missing endpoints are created as stubs.
 */
public record RelationshipBatch(String type, NodeKey from, NodeKey to, List<Row> rows) {
    public RelationshipBatch {
        NodeKey.requireIdentifier("relationship type", type);
        rows = List.copyOf(rows);
    }

    public record Row(Object fromKey, Object toKey, Map<String, Object> properties) {
        public Row {
            if (fromKey == null || toKey == null) throw new IllegalArgumentException("relationship endpoint key is null");
            properties = properties == null ? Map.of() : properties;
        }
    }
}
