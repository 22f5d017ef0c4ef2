package io.riskgraph.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the platform needs from a graph store. The Neo4j adapter (module {@code cypher}) is the default; a second
 * backend implements this same interface and no caller changes. Implementations are thread-safe.
 */
public interface GraphStore extends AutoCloseable {

    /** Creates or updates nodes by key with their relationships; idempotent. */
    WriteCounts upsert(UpsertBatch batch);

    /** Creates or updates relationships between keyed nodes; idempotent. */
    WriteCounts upsert(RelationshipBatch batch);

    /** Node counts per label, relationship counts per type. */
    GraphCounts counts();

    /** Streams nodes with any of {@code labels} to the sink (ids are the store's numeric ids). */
    void streamNodes(List<String> labels, ProjectionSink sink, int batchSize);

    /**
     * Streams relationships of the given types (all types when empty) to the sink, with the numeric value of
     * {@code weightProperty} (may be null) as weight.
     */
    void streamRelationships(List<String> types, String weightProperty, ProjectionSink sink, int batchSize);

    /**
     * Streams one property of the nodes with {@code label} that have it, as (store id, value) in batches; the
     * arrays are reused between calls.
     */
    void streamNodeProperty(String label, String property, PropertySink sink, int batchSize);

    /**
     * Several properties of the nodes with {@code label}, one streamed read per property: per store id (ascending)
     * the values in the order of {@code properties}, null where a node lacks one. Only nodes that have at least one.
     */
    default java.util.SortedMap<Long, Object[]> nodeProperties(String label, List<String> properties) {
        java.util.TreeMap<Long, Object[]> rows = new java.util.TreeMap<>();
        for (int p = 0; p < properties.size(); p++) {
            int col = p;
            streamNodeProperty(label, properties.get(p), (ids, values, n) -> {
                for (int i = 0; i < n; i++) rows.computeIfAbsent(ids[i], k -> new Object[properties.size()])[col] = values[i];
            }, 10_000);
        }
        return rows;
    }

    /** Receives (store id, value) pairs in batches. */
    @FunctionalInterface
    interface PropertySink {
        void values(long[] ids, Object[] values, int count);
    }

    /** Writes one property on nodes addressed by store id; values[i] goes to ids[i]. */
    WriteCounts writeNodeProperty(String property, long[] ids, Object[] values);

    /**
     * Writes several properties on nodes addressed by store id in one pass: for each property name, values[i] goes
     * to ids[i] (every array as long as ids).
     */
    WriteCounts writeNodeProperties(long[] ids, Map<String, Object[]> valuesByProperty);

    /** Writes properties on nodes addressed by key; each map goes to the node with that key. */
    WriteCounts writeNodeProperties(NodeKey node, Map<Object, Map<String, Object>> propertiesByKey);

    /** A node by key. */
    Optional<GraphNode> node(NodeKey node, Object key);

    /** The paths from a node to everything within the limits, shortest first. */
    List<GraphPath> neighbourhood(NodeKey node, Object key, TraversalLimits limits);

    /** Shortest paths between two nodes within the limits (all of equal, minimal length). */
    List<GraphPath> shortestPaths(NodeKey from, Object fromKey, NodeKey to, Object toKey, TraversalLimits limits);

    /**
     * For each start node (by key), the keys of the {@code target} nodes reachable within {@code limits.maxHops()}
     * relationships of {@code limits.relationshipTypes()} (either direction), breadth first, all starts in one
     * batched read per hop. A node with more than {@code limits.maxDegree()} such relationships is reached but not
     * expanded, except the start and its direct neighbours (so a direct link through a busy address still counts).
     * At most {@code limits.maxResults()} targets per start. Starts that are not in the store are absent.
     */
    Map<Object, java.util.Set<Object>> reachable(NodeKey start, java.util.Collection<?> startKeys, NodeKey target,
                                                 TraversalLimits limits);

    @Override
    void close();
}
