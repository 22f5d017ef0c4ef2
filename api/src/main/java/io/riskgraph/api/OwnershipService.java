package io.riskgraph.api;

import io.riskgraph.store.GraphNode;

import java.util.List;

/**
 * Who holds an enterprise, directly and through chains of holdings, and who controls it. Kept behind this
 * interface so that an ownership service of the algorithms module can replace {@link GraphOwnership}.
 */
public interface OwnershipService {

    /** One chain from the holder (first) down to the enterprise (last); share = product of the shares along it. */
    record Chain(List<GraphNode> nodes, double share) {}

    /** A holder with its effective share (sum over its chains) and whether nothing holds it in turn. */
    record Holder(GraphNode node, double effectiveShare, boolean ultimate, List<Chain> chains) {}

    /**
     * @param controller     the actual controller, or null
     * @param controllerRule why it is (or why there is none)
     * @param cyclesCut      whether a cross-holding cycle was met and cut
     */
    record Holders(GraphNode subject, List<Holder> holders, Holder controller, String controllerRule, boolean cyclesCut,
                   boolean truncated) {}

    Holders holders(GraphNode enterprise);
}
