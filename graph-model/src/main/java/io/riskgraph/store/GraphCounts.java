package io.riskgraph.store;

import java.util.SortedMap;

/** Counts per node label and per relationship type. */
public record GraphCounts(SortedMap<String, Long> nodesByLabel, SortedMap<String, Long> relationshipsByType) {
    public long nodes(String label) { return nodesByLabel.getOrDefault(label, 0L); }

    public long relationships(String type) { return relationshipsByType.getOrDefault(type, 0L); }
}
