package io.riskgraph.algorithms.centrality;

import io.riskgraph.algorithms.projection.CompactGraph;

/**
 * Sum of relationship weights per node in the projection's orientation: outgoing for NATURAL, incoming for
 * REVERSE, all for UNDIRECTED. With type weights this ranks a person with three legal-representative roles
 * above one with three contact roles.
 */
public final class WeightedDegree {
    private WeightedDegree() {}

    public static double[] compute(CompactGraph graph) {
        return graph.weightedOutDegree().clone();
    }
}
