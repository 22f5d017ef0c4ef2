/**
 * Centrality on the projection: {@link io.riskgraph.algorithms.centrality.PageRank} (plain and personalised,
 * NetworkX conventions, pull-based and parallel), {@link io.riskgraph.algorithms.centrality.WeightedDegree} and
 * {@link io.riskgraph.algorithms.centrality.Betweenness} (exact Brandes, or sampled with a stated bound).
 */
package io.riskgraph.algorithms.centrality;
