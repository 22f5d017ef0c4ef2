package io.riskgraph.algorithms.writeback;

/** Node properties the algorithms write; one place, so that queries, grading and the API read the same names. */
public final class PropertyNames {
    /** PageRank over control and ownership links (double, scores sum to 1 over the projection). */
    public static final String PAGERANK = "pagerank";
    /** Sum of type weights of a node's relationships (double). */
    public static final String DEGREE_WEIGHTED = "degree_weighted";
    /** Betweenness, unnormalised (double); estimated from samples on large graphs. */
    public static final String BETWEENNESS = "betweenness";
    /** Weakly connected component: the smallest store id in the component (long). */
    public static final String WCC = "wcc";
    /** Size of the weakly connected component (long). */
    public static final String WCC_SIZE = "wcc_size";
    /** Louvain community id (long, dense from 0 per run; compare within a run only). */
    public static final String COMMUNITY = "community";
    /** Own risk from the node's events, in penalty-equivalents (double). */
    public static final String RISK_OWN = "risk_own";
    /** Risk inherited from related parties (double). */
    public static final String RISK_INHERITED = "risk_inherited";

    private PropertyNames() {}
}
