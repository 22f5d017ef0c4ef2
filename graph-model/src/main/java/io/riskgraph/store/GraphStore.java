package io.riskgraph.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the platform needs from a graph store. The Neo4j adapter (module {@code cypher}) is the default; a second
 * backend implements this same interface and no caller changes. Implementations are thread-safe.
 */
public interface GraphStore extends GraphWriter, AutoCloseable {

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
     * Several properties of every node with {@code label}, in one read: per node its store id and, per property in
     * the order of {@code properties}, its value (null where the node lacks it), in batches of at most
     * {@code batchSize}; batches come in no particular id order, and the arrays are the callee's to reuse. This
     * default reads one property at a time; a store should answer it in one pass.
     */
    default void streamNodeProperties(String label, List<String> properties, PropertiesSink sink, int batchSize) {
        java.util.TreeMap<Long, Object[]> rows = new java.util.TreeMap<>();
        streamNodes(List.of(label), new ProjectionSink() {
            @Override
            public void nodes(long[] ids, int[] labelIndex, int count) {
                for (int i = 0; i < count; i++) rows.put(ids[i], new Object[properties.size()]);
            }
        }, batchSize);
        for (int p = 0; p < properties.size(); p++) {
            int col = p;
            streamNodeProperty(label, properties.get(p), (ids, values, n) -> {
                for (int i = 0; i < n; i++) {
                    Object[] row = rows.get(ids[i]);
                    if (row != null) row[col] = values[i];
                }
            }, batchSize);
        }
        long[] ids = new long[batchSize];
        Object[][] columns = new Object[properties.size()][batchSize];
        int k = 0;
        for (var row : rows.entrySet()) {
            ids[k] = row.getKey();
            for (int p = 0; p < columns.length; p++) columns[p][k] = row.getValue()[p];
            if (++k == batchSize) {
                sink.values(ids, columns, k);
                k = 0;
            }
        }
        if (k > 0) sink.values(ids, columns, k);
    }

    /** Receives per node its store id and its values, column by column: {@code columns[property][i]} is ids[i]'s. */
    @FunctionalInterface
    interface PropertiesSink {
        void values(long[] ids, Object[][] columns, int count);
    }

    /**
     * Several properties of the nodes with {@code label}: per store id (ascending) the values in the order of
     * {@code properties}, null where a node lacks one. Only nodes that have at least one.
     */
    default java.util.SortedMap<Long, Object[]> nodeProperties(String label, List<String> properties) {
        java.util.TreeMap<Long, Object[]> rows = new java.util.TreeMap<>();
        streamNodeProperties(label, properties, (ids, columns, n) -> {
            for (int i = 0; i < n; i++) {
                Object[] row = new Object[properties.size()];
                boolean any = false;
                for (int p = 0; p < row.length; p++) any |= (row[p] = columns[p][i]) != null;
                if (any) rows.put(ids[i], row);
            }
        }, 10_000);
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

    /** A column of {@link #writeNodeColumns} that removes its property from the nodes (where they have it). */
    enum Removal { REMOVE }

    /**
     * Writes numeric columns onto nodes addressed by store id: each value of {@code columns} is a {@code double[]} or a
     * {@code long[]} as long as {@code ids}, and its element i goes to ids[i]; or {@link Removal#REMOVE}, which removes
     * the property from every node in ids. This default boxes them for {@link #writeNodeProperties(long[], Map)} (where
     * null removes); a store should write them as they are.
     */
    default WriteCounts writeNodeColumns(long[] ids, Map<String, ?> columns) {
        Map<String, Object[]> boxed = new java.util.LinkedHashMap<>();
        columns.forEach((name, column) -> boxed.put(name, switch (column) {
            case double[] d -> java.util.Arrays.stream(d).boxed().toArray();
            case long[] l -> java.util.Arrays.stream(l).boxed().toArray();
            case Removal r -> new Object[ids.length];
            default -> throw new IllegalArgumentException("column " + name + " must be a double[], a long[] or REMOVE, got "
                    + (column == null ? "null" : column.getClass().getSimpleName()));
        }));
        return writeNodeProperties(ids, boxed);
    }

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
