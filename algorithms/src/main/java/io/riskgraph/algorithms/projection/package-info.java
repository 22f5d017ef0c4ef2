/**
 * The in-memory projection: {@link io.riskgraph.algorithms.projection.Projector} streams the chosen labels and
 * relationship types from a {@link io.riskgraph.store.GraphStore} into a
 * {@link io.riskgraph.algorithms.projection.CompactGraph} (CSR on primitive arrays). Before streaming it
 * estimates the heap from the store's counts ({@link io.riskgraph.algorithms.projection.MemoryEstimate}) and
 * refuses with {@link io.riskgraph.algorithms.projection.InsufficientMemoryException} when that would not fit.
 * {@link io.riskgraph.algorithms.projection.NodeAttributes} is the bulk property read the store port still
 * lacks (business keys, event properties).
 */
package io.riskgraph.algorithms.projection;
