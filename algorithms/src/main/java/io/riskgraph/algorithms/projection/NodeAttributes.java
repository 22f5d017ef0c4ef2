package io.riskgraph.algorithms.projection;

/**
 * Reads one property of every node with a label, in bulk, by store id. The store port has no such call yet
 * ({@code GraphStore.streamNodes} yields ids and labels only), so business keys for result rows and the event
 * filters of risk propagation (a sample's {@code result}, a complaint's {@code verified}) come through here. The
 * caller that owns the concrete store supplies it; {@link #NONE} reads nothing.
 */
@FunctionalInterface
public interface NodeAttributes {
    NodeAttributes NONE = (label, property, sink) -> {};

    /** Streams (id, value) for nodes with {@code label} that have {@code property}; others are left out. */
    void stream(String label, String property, Sink sink);

    /** Receives values in batches; arrays are reused between calls. */
    @FunctionalInterface
    interface Sink {
        void values(long[] ids, Object[] values, int count);
    }
}
