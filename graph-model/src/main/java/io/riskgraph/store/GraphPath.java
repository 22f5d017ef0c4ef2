package io.riskgraph.store;

import java.util.List;

/** An alternating walk: nodes.size() == relationships.size() + 1. */
public record GraphPath(List<GraphNode> nodes, List<GraphRelationship> relationships) {
    public GraphPath {
        if (nodes.size() != relationships.size() + 1) {
            throw new IllegalArgumentException("a path of " + relationships.size() + " relationships needs "
                    + (relationships.size() + 1) + " nodes, got " + nodes.size());
        }
    }

    public int length() { return relationships.size(); }
}
