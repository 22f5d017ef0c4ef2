package io.riskgraph.algorithms.projection;

/**
 * Heap a projection will need at its peak (while loading, when the streamed relationship buffer and the finished
 * adjacency coexist), from the store's counts. An upper bound: nodes carrying several requested labels are counted
 * once per label, and relationships whose ends fall outside the labels are counted although they are dropped.
 */
public record MemoryEstimate(long nodes, long relationships, long bytes, long bytesAfterLoad) {

    /** Bytes per node: store id (8), id-to-index map (at most 4 x 4), label (1), CSR offset (4). */
    static final long NODE_BYTES = 8 + 16 + 1 + 4;

    public static MemoryEstimate of(long nodes, long relationships, Orientation orientation, boolean weighted) {
        long entries = orientation == Orientation.UNDIRECTED ? 2 * relationships : relationships;
        // adjacency entry: target int (4) + type byte (1) + float weight (4) when a weight property is read
        long perEntry = 4 + 1 + (weighted ? 4 : 0);
        // load buffer per relationship: start int, end int, type byte, float weight when weighted
        long perBuffered = 4 + 4 + 1 + (weighted ? 4 : 0);
        long nodeBytes = nodes * NODE_BYTES + 8L * nodes; // + the sort buffer of node ids
        long after = nodes * NODE_BYTES + entries * perEntry;
        long peak = nodeBytes + entries * perEntry + relationships * perBuffered + 4L * nodes; // + fill cursors
        return new MemoryEstimate(nodes, relationships, peak, after);
    }

    /** Heap that can still be had: max heap minus what is in use now. */
    public static long availableHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    public double bytesPerRelationship() { return relationships == 0 ? 0 : (double) bytes / relationships; }
}
