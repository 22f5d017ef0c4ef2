/**
 * Related parties within k hops and shortest paths between two parties, on top of the store's bounded
 * traversals ({@link io.riskgraph.algorithms.paths.RelatedParties}).
 */
package io.riskgraph.algorithms.paths;
