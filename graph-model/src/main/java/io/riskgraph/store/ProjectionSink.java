package io.riskgraph.store;

/**
 * Receives a projection as primitive values, in batches, without per-element objects: the caller builds its
 * compact graph straight from these calls. Node ids are the store's own numeric ids, dense enough to index.
 */
public interface ProjectionSink {
    /** Nodes: the store id and the index of the node's label in the requested label list. */
    default void nodes(long[] ids, int[] labelIndex, int count) {}

    /**
     * Relationships: start and end store ids, the index of the type in the requested type list, and a weight
     * read from the requested property (NaN when absent).
     */
    default void relationships(long[] start, long[] end, int[] typeIndex, double[] weight, int count) {}
}
