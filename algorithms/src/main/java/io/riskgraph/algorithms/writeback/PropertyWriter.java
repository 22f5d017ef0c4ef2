package io.riskgraph.algorithms.writeback;

import io.riskgraph.algorithms.projection.CompactGraph;
import io.riskgraph.progress.Cancellation;
import io.riskgraph.progress.ProgressListener;
import io.riskgraph.store.GraphStore;
import io.riskgraph.store.WriteCounts;

import java.util.Arrays;

/** Writes per-node results back as node properties, in batches, addressed by store id. */
public final class PropertyWriter {
    public static final int BATCH_SIZE_DEFAULT = 10_000;
    /** Nodes per call of {@link #writeColumns}: packed columns carry far more per round trip than maps do. */
    public static final int COLUMN_BATCH_SIZE_DEFAULT = 100_000;
    /** Concurrent calls of {@link #writeColumns}: the client packs the next batch while the server writes one. */
    public static final int COLUMN_WRITERS_DEFAULT = 2;

    /** A numeric result per node index, written as double or long; or the property's removal. */
    public sealed interface Column permits Doubles, Longs, Remove {}

    public record Doubles(java.util.function.IntToDoubleFunction value) implements Column {}

    public record Longs(java.util.function.IntToLongFunction value) implements Column {}

    /** Removes the property from the nodes (a result no longer written there). */
    public record Remove() implements Column {}

    private final GraphStore store;
    private final int batchSize;

    public PropertyWriter(GraphStore store) {
        this(store, BATCH_SIZE_DEFAULT);
    }

    public PropertyWriter(GraphStore store, int batchSize) {
        if (store == null) throw new IllegalArgumentException("store is required");
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        this.store = store;
        this.batchSize = batchSize;
    }

    public WriteCounts write(CompactGraph graph, String property, double[] values, ProgressListener progress,
                             Cancellation cancellation) {
        return write(graph, property, values.length, i -> values[i], progress, cancellation);
    }

    public WriteCounts write(CompactGraph graph, String property, int[] values, ProgressListener progress,
                             Cancellation cancellation) {
        return write(graph, property, values.length, i -> (long) values[i], progress, cancellation);
    }

    /** Values as the store should hold them (Double or Long), by node index. */
    public WriteCounts write(CompactGraph graph, String property, int count, java.util.function.IntFunction<Object> value,
                             ProgressListener progress, Cancellation cancellation) {
        if (count != graph.nodeCount()) {
            throw new IllegalArgumentException(count + " values for " + graph.nodeCount() + " nodes");
        }
        String task = "write " + property;
        progress.start(task, count);
        WriteCounts total = WriteCounts.NONE;
        long[] ids = new long[Math.min(batchSize, Math.max(1, count))];
        Object[] values = new Object[ids.length];
        for (int from = 0; from < count; from += batchSize) {
            cancellation.throwIfCancelled();
            int n = Math.min(batchSize, count - from);
            for (int i = 0; i < n; i++) {
                ids[i] = graph.storeId(from + i);
                values[i] = value.apply(from + i);
            }
            total = total.plus(n == ids.length ? store.writeNodeProperty(property, ids, values)
                    : store.writeNodeProperty(property, Arrays.copyOf(ids, n), Arrays.copyOf(values, n)));
            progress.advance(n);
        }
        progress.finish(task);
        return total;
    }

    /**
     * Writes several results per node in one pass over the store (one node lookup for all of them): each entry maps
     * a property name to the value by node index.
     */
    public WriteCounts writeAll(CompactGraph graph, java.util.Map<String, java.util.function.IntFunction<Object>> columns,
                                ProgressListener progress, Cancellation cancellation) {
        int count = graph.nodeCount();
        String task = "write " + String.join(", ", columns.keySet());
        progress.start(task, count);
        WriteCounts total = WriteCounts.NONE;
        for (int from = 0; from < count; from += batchSize) {
            cancellation.throwIfCancelled();
            int n = Math.min(batchSize, count - from);
            long[] ids = new long[n];
            for (int i = 0; i < n; i++) ids[i] = graph.storeId(from + i);
            java.util.Map<String, Object[]> values = new java.util.LinkedHashMap<>();
            for (var column : columns.entrySet()) {
                Object[] v = new Object[n];
                for (int i = 0; i < n; i++) v[i] = column.getValue().apply(from + i);
                values.put(column.getKey(), v);
            }
            total = total.plus(store.writeNodeProperties(ids, values));
            progress.advance(n);
        }
        progress.finish(task);
        return total;
    }

    /**
     * Writes numeric results onto {@code nodes} (indexes into the graph) with {@link GraphStore#writeNodeColumns},
     * {@link #COLUMN_BATCH_SIZE_DEFAULT} nodes per call, {@link #COLUMN_WRITERS_DEFAULT} calls at once (the nodes
     * of two calls are disjoint, so they take no lock the other holds).
     */
    public WriteCounts writeColumns(CompactGraph graph, int[] nodes, java.util.Map<String, Column> columns,
                                    ProgressListener progress, Cancellation cancellation) {
        String task = "write " + String.join(", ", columns.keySet());
        progress.start(task, nodes.length);
        int batches = (nodes.length + COLUMN_BATCH_SIZE_DEFAULT - 1) / COLUMN_BATCH_SIZE_DEFAULT;
        java.util.concurrent.atomic.AtomicLong properties = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        int writers = Math.max(1, Math.min(COLUMN_WRITERS_DEFAULT, batches));
        io.riskgraph.algorithms.internal.Parallel.run(io.riskgraph.algorithms.internal.Parallel.split(writers, null,
                writers), (part, from, to) -> {
            for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                cancellation.throwIfCancelled();
                int lo = b * COLUMN_BATCH_SIZE_DEFAULT;
                int n = Math.min(COLUMN_BATCH_SIZE_DEFAULT, nodes.length - lo);
                long[] ids = new long[n];
                for (int i = 0; i < n; i++) ids[i] = graph.storeId(nodes[lo + i]);
                java.util.Map<String, Object> packed = new java.util.LinkedHashMap<>();
                columns.forEach((name, column) -> {
                    switch (column) {
                        case Doubles d -> {
                            double[] v = new double[n];
                            for (int i = 0; i < n; i++) v[i] = d.value().applyAsDouble(nodes[lo + i]);
                            packed.put(name, v);
                        }
                        case Longs l -> {
                            long[] v = new long[n];
                            for (int i = 0; i < n; i++) v[i] = l.value().applyAsLong(nodes[lo + i]);
                            packed.put(name, v);
                        }
                        case Remove r -> packed.put(name, io.riskgraph.store.GraphStore.Removal.REMOVE);
                    }
                });
                properties.addAndGet(store.writeNodeColumns(ids, packed).propertiesSet());
                progress.advance(n);
            }
        });
        progress.finish(task);
        return new WriteCounts(0, 0, 0, properties.get());
    }
}
