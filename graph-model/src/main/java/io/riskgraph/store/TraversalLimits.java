package io.riskgraph.store;

import java.util.Set;

/**
 * Bounds for neighbourhood and path reads, so that a hub (a formation-agent address with hundreds of firms, a
 * person holding hundreds of roles) is not expanded into the whole city.
 *
 * @param maxHops           how far to go, 1..MAX_HOPS
 * @param relationshipTypes the types to follow; empty means all
 * @param maxDegree         nodes with more relationships than this are reached but not expanded further
 * @param maxResults        at most this many nodes or paths come back
 */
public record TraversalLimits(int maxHops, Set<String> relationshipTypes, int maxDegree, int maxResults) {
    public static final int MAX_HOPS = 6;
    public static final int MAX_DEGREE_DEFAULT = 200;
    public static final int MAX_RESULTS_DEFAULT = 500;

    public TraversalLimits {
        if (maxHops < 1 || maxHops > MAX_HOPS) {
            throw new IllegalArgumentException("hops must be between 1 and " + MAX_HOPS + ", got " + maxHops);
        }
        if (maxDegree < 1) throw new IllegalArgumentException("maxDegree must be positive, got " + maxDegree);
        if (maxResults < 1) throw new IllegalArgumentException("maxResults must be positive, got " + maxResults);
        relationshipTypes = Set.copyOf(relationshipTypes);
        relationshipTypes.forEach(t -> NodeKey.requireIdentifier("relationship type", t));
    }

    public static TraversalLimits hops(int maxHops) {
        return new TraversalLimits(maxHops, Set.of(), MAX_DEGREE_DEFAULT, MAX_RESULTS_DEFAULT);
    }
}
