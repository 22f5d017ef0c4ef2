package io.riskgraph.store;

import java.util.List;
import java.util.Map;

/**
 * Nodes of one label to create or update by key, each with its relationships to other keyed nodes.
 * Applying the same batch twice leaves the store as after the first time.
 *
 * @param node          label and key property of the nodes
 * @param relationships the relationship kinds rows may carry; {@link Row#links()} refers to them by index
 * @param rows          the nodes; a property whose value is null is removed from the node
 */
public record UpsertBatch(NodeKey node, List<RelationshipSpec> relationships, List<Row> rows) {
    public UpsertBatch {
        relationships = List.copyOf(relationships);
        rows = List.copyOf(rows);
        for (Row row : rows) {
            for (Link link : row.links()) {
                if (link.spec() < 0 || link.spec() >= relationships.size()) {
                    throw new IllegalArgumentException("link refers to relationship spec " + link.spec()
                            + " but the batch declares " + relationships.size());
                }
            }
        }
    }

    /** One node: its key, its properties and its links. */
    public record Row(Object key, Map<String, Object> properties, List<Link> links) {
        public Row {
            if (key == null) throw new IllegalArgumentException("row key is null");
            links = links == null ? List.of() : List.copyOf(links);
        }
    }

    /** A relationship from the row's node to the node with {@code otherKey}, of {@code relationships[spec]}. */
    public record Link(int spec, Object otherKey, Map<String, Object> properties) {
        public Link {
            if (otherKey == null) throw new IllegalArgumentException("link target key is null");
            properties = properties == null ? Map.of() : properties;
        }
    }
}
