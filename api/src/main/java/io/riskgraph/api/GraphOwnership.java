package io.riskgraph.api;

import io.riskgraph.store.GraphReads;
import io.riskgraph.store.GraphNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ownership from the graph: walks SHAREHOLDER_OF and INVESTS_IN relationships upwards from the enterprise,
 * one hop at a time. Every simple chain counts once: a holder already on the current chain closes a cycle and the
 * walk stops there (so cross-holdings end). Effective share = sum over a holder's chains of the product of the
 * shares along each chain (a missing share counts as 0). Controller: the ultimate holder above 50 %; failing that,
 * the single largest ultimate holder above 25 %; otherwise none.
 */
public final class GraphOwnership implements OwnershipService {
    static final Set<String> HOLDING = Set.of("SHAREHOLDER_OF", "INVESTS_IN");
    static final int MAX_DEPTH = 20;
    static final int MAX_CHAINS = 10_000;

    private final GraphReads reads;

    public GraphOwnership(GraphReads reads) {
        this.reads = reads;
    }

    private record Edge(GraphNode holder, double share) {}

    private final class Walk {
        final Map<String, List<Edge>> incoming = new HashMap<>();
        final Map<String, List<Chain>> chains = new LinkedHashMap<>();
        final Map<String, GraphNode> nodes = new HashMap<>();
        final Map<String, Boolean> hasHolders = new HashMap<>();
        boolean cycles;
        int count;

        List<Edge> incoming(GraphNode n) {
            return incoming.computeIfAbsent(n.id(), id -> {
                if (!n.labels().contains("Enterprise")) return List.of();
                List<Edge> out = new ArrayList<>();
                for (GraphReads.Holding h : reads.holdersOf(id)) out.add(new Edge(h.holder(), h.share() == null ? 0.0 : h.share()));
                return out;
            });
        }

        void up(List<GraphNode> chain, double product) {
            GraphNode top = chain.getFirst();
            List<Edge> edges = incoming(top);
            boolean further = false;
            for (Edge e : edges) {
                if (chain.stream().anyMatch(c -> c.id().equals(e.holder().id()))) {
                    cycles = true;
                    continue;
                }
                further = true;
                if (count >= MAX_CHAINS || chain.size() > MAX_DEPTH) continue;
                count++;
                List<GraphNode> longer = new ArrayList<>(chain.size() + 1);
                longer.add(e.holder());
                longer.addAll(chain);
                nodes.put(e.holder().id(), e.holder());
                chains.computeIfAbsent(e.holder().id(), k -> new ArrayList<>()).add(new Chain(longer, product * e.share()));
                up(longer, product * e.share());
            }
            hasHolders.merge(top.id(), further, Boolean::logicalOr);
        }
    }

    @Override
    public Holders holders(GraphNode enterprise) {
        Walk w = new Walk();
        w.up(List.of(enterprise), 1.0);
        List<Holder> holders = new ArrayList<>();
        w.chains.forEach((id, cs) -> holders.add(new Holder(w.nodes.get(id), cs.stream().mapToDouble(Chain::share).sum(),
                !w.hasHolders.getOrDefault(id, false), List.copyOf(cs))));
        holders.sort(Comparator.comparingDouble(Holder::effectiveShare).reversed()
                .thenComparing(h -> String.valueOf(Views.key(h.node()))));
        List<Holder> ultimate = holders.stream().filter(Holder::ultimate).toList();
        Holder controller = null;
        String rule;
        if (!ultimate.isEmpty() && ultimate.getFirst().effectiveShare() > 0.5) {
            controller = ultimate.getFirst();
            rule = "ultimate holder with more than 50 % effective share";
        } else if (!ultimate.isEmpty() && ultimate.getFirst().effectiveShare() > 0.25
                && (ultimate.size() == 1 || ultimate.get(1).effectiveShare() < ultimate.getFirst().effectiveShare())) {
            controller = ultimate.getFirst();
            rule = "no ultimate holder above 50 %; the single largest ultimate holder above 25 %";
        } else {
            rule = "no ultimate holder above 50 % and no single largest one above 25 %: no actual controller";
        }
        return new Holders(enterprise, holders, controller, rule, w.cycles, w.count >= MAX_CHAINS);
    }
}
