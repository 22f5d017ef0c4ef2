/**
 * The in-memory projection: {@link io.riskgraph.algorithms.projection.Projector} streams the chosen labels and
 * relationship types from a {@link io.riskgraph.store.GraphStore} into a
 * {@link io.riskgraph.algorithms.projection.CompactGraph} (CSR on primitive arrays). Before streaming it
 * estimates the heap from the store's counts ({@link io.riskgraph.algorithms.projection.MemoryEstimate}) and
 * refuses with {@link io.riskgraph.algorithms.projection.InsufficientMemoryException} when that would not fit.
 * Bulk property reads (business keys, event attributes) go through GraphStore.streamNodeProperty.
 */
package io.riskgraph.algorithms.projection;
