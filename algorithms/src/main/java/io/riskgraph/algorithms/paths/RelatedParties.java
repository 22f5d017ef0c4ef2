package io.riskgraph.algorithms.paths;

import io.riskgraph.store.GraphNode;
import io.riskgraph.store.GraphPath;
import io.riskgraph.store.GraphStore;
import io.riskgraph.store.NodeKey;
import io.riskgraph.store.TraversalLimits;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Related parties and connecting paths, built on the store's own bounded traversals
 * ({@link GraphStore#neighbourhood} and {@link GraphStore#shortestPaths}, which already stop at hubs) rather than
 * a second traversal engine. What this adds is the grouping a regulator reads: per related party its distance,
 * the relationship types on the way, and a link strength from the same type weights risk propagation uses, so
 * that grades or shares can be joined on later by key.
 */
public final class RelatedParties {
    /** Relationship types that make parties related; contact points included, event links not. */
    public static final Set<String> TYPES_DEFAULT = Set.of("LEGAL_REPRESENTATIVE_OF", "SHAREHOLDER_OF",
            "DIRECTOR_OF", "SUPERVISOR_OF", "MANAGER_OF", "FINANCE_OFFICER_OF", "CONTACT_OF", "INVESTS_IN",
            "BRANCH_OF", "SUPPLIES", "GUARANTEES", "LOCATED_AT", "HAS_PHONE");
    public static final int MAX_HOPS_DEFAULT = 3;
    /** Labels that are parties; Address and Phone are ways to be related, not parties. */
    public static final Set<String> PARTY_LABELS = Set.of("Enterprise", "Person");

    /** A related party: the node, hops away, the path, and the product of type weights along it. */
    public record Party(GraphNode node, int hops, GraphPath path, List<String> types, double strength) {}

    private final GraphStore store;
    private final Map<String, Double> typeWeights;

    /** @param typeWeights weights per type for the strength (e.g. PropagationConfig.TYPE_WEIGHTS_DEFAULT) */
    public RelatedParties(GraphStore store, Map<String, Double> typeWeights) {
        if (store == null) throw new IllegalArgumentException("store is required");
        this.store = store;
        this.typeWeights = Map.copyOf(typeWeights);
    }

    public static TraversalLimits limits(int hops) {
        return new TraversalLimits(hops, TYPES_DEFAULT, TraversalLimits.MAX_DEGREE_DEFAULT,
                TraversalLimits.MAX_RESULTS_DEFAULT);
    }

    /** Enterprises and persons within the limits of a node, strongest link first, then nearest. */
    public List<Party> within(NodeKey node, Object key, TraversalLimits limits) {
        Map<String, Party> byId = new LinkedHashMap<>();
        for (GraphPath p : store.neighbourhood(node, key, limits)) {
            GraphNode end = p.nodes().get(p.nodes().size() - 1);
            if (end.labels().stream().noneMatch(PARTY_LABELS::contains)) continue;
            Party party = party(p);
            byId.merge(end.id(), party, (a, b) -> a.strength() >= b.strength() ? a : b);
        }
        List<Party> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparingDouble(Party::strength).reversed().thenComparingInt(Party::hops));
        return out;
    }

    /** All shortest paths between two parties within the limits, strongest first. */
    public List<Party> between(NodeKey from, Object fromKey, NodeKey to, Object toKey, TraversalLimits limits) {
        List<Party> out = new ArrayList<>();
        for (GraphPath p : store.shortestPaths(from, fromKey, to, toKey, limits)) out.add(party(p));
        out.sort(Comparator.comparingDouble(Party::strength).reversed());
        return out;
    }

    private Party party(GraphPath p) {
        List<String> types = new ArrayList<>();
        double strength = 1;
        for (var r : p.relationships()) {
            types.add(r.type());
            strength *= typeWeights.getOrDefault(r.type(), 0.0);
        }
        return new Party(p.nodes().get(p.nodes().size() - 1), p.length(), p, List.copyOf(types), strength);
    }
}
