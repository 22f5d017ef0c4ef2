package io.riskgraph.algorithms.ownership;

import io.riskgraph.store.GraphNode;
import io.riskgraph.store.GraphPath;
import io.riskgraph.store.GraphRelationship;
import io.riskgraph.store.GraphStore;
import io.riskgraph.store.NodeKey;
import io.riskgraph.store.TraversalLimits;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the holdings above one enterprise from the store, level by level, with one-hop neighbourhood reads per
 * holding company. One hop at a time because a multi-hop neighbourhood returns a single shortest path per node
 * and would drop the second arm of a diamond; a one-hop read returns every holder.
 */
public final class HoldingsReader {
    public static final NodeKey ENTERPRISE = new NodeKey("Enterprise", "uscc");
    public static final List<String> HOLDING_TYPES = List.of("SHAREHOLDER_OF", "INVESTS_IN");
    /** A one-hop read returns at most this many neighbours; enough for any shareholder register. */
    static final int MAX_NEIGHBOURS = 10_000;

    private HoldingsReader() {}

    public static Holdings read(GraphStore store, String uscc, OwnershipConfig config) {
        GraphNode target = store.node(ENTERPRISE, uscc)
                .orElseThrow(() -> new IllegalArgumentException("no enterprise with uscc " + uscc));
        Holdings h = new Holdings();
        h.party(target.id(), "Enterprise", uscc);
        TraversalLimits oneHop = new TraversalLimits(1, Set.copyOf(HOLDING_TYPES), TraversalLimits.MAX_DEGREE_DEFAULT,
                MAX_NEIGHBOURS);
        ArrayDeque<Object[]> queue = new ArrayDeque<>(); // {store id, uscc, depth}
        queue.add(new Object[] {target.id(), uscc, 0});
        Set<String> expanded = new HashSet<>();
        while (!queue.isEmpty()) {
            Object[] at = queue.poll();
            String id = (String) at[0];
            int depth = (int) at[2];
            if (!expanded.add(id)) continue;
            if (depth >= config.maxDepth()) {
                h.markTruncated();
                continue;
            }
            List<GraphPath> paths = store.neighbourhood(ENTERPRISE, at[1], oneHop);
            if (paths.size() >= MAX_NEIGHBOURS) h.markTruncated();
            for (GraphPath p : paths) {
                GraphRelationship r = p.relationships().get(0);
                if (!r.endId().equals(id)) continue; // an investment of this company, not a holder
                GraphNode holder = p.nodes().get(1);
                boolean person = holder.labels().contains("Person");
                Object key = person ? holder.property("person_id") : holder.property("uscc");
                if (!h.contains(holder.id()) && h.parties().size() >= config.maxNodes()) {
                    h.markTruncated();
                    continue;
                }
                h.party(holder.id(), person ? "Person" : "Enterprise", key);
                Object share = r.properties().get("share");
                h.holding(holder.id(), id, share instanceof Number s ? s.doubleValue() : Double.NaN, r.type());
                if (!person && key != null) queue.add(new Object[] {holder.id(), key, depth + 1});
            }
        }
        return h;
    }
}
