/**
 * Writing results back as node properties in batches by store id
 * ({@link io.riskgraph.algorithms.writeback.PropertyWriter}); the names are in
 * {@link io.riskgraph.algorithms.writeback.PropertyNames}.
 */
package io.riskgraph.algorithms.writeback;
