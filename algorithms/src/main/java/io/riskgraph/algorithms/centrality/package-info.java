/**
 * Centrality on the projection: {@link io.riskgraph.algorithms.centrality.PageRank} (plain and personalised,
 * NetworkX conventions, pull-based and parallel; from {@code PageRank.TILING_MIN_NODES} nodes on a blocked sweep
 * in single precision by default, {@code -p precision=double} in {@code riskgraph algo pagerank} for double), {@link io.riskgraph.algorithms.centrality.WeightedDegree} and
 * {@link io.riskgraph.algorithms.centrality.Betweenness} (exact Brandes, or sampled with a stated bound;
 * leaves folded into their anchors, which changes no score).
 */
package io.riskgraph.algorithms.centrality;
