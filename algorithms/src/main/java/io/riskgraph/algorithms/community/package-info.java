/**
 * Communities on the projection: {@link io.riskgraph.algorithms.community.WeaklyConnectedComponents}
 * (union-find) and {@link io.riskgraph.algorithms.community.Louvain} (with the modularity it reached).
 */
package io.riskgraph.algorithms.community;
