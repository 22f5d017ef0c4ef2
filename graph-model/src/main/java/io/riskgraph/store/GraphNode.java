package io.riskgraph.store;

import java.util.List;
import java.util.Map;

/** A node as read back: the store's id for it, its labels and properties. */
public record GraphNode(String id, List<String> labels, Map<String, Object> properties) {
    public Object property(String name) { return properties.get(name); }
}
