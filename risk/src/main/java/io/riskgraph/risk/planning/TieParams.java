package io.riskgraph.risk.planning;

import io.riskgraph.store.TraversalLimits;

/**
 * What counts as a personal tie between an inspector and an enterprise: a path of at most {@code maxHops}
 * relationships from the inspector's person to the enterprise over {@link Ties#TIE_TYPES} (roles, addresses, phones,
 * investment, branch and guarantee links). 1 = the person holds a role in it; 2 = also a shared address or phone, or a
 * role in its investor, branch or head office; 3 (default) = also a person at the inspector's address or phone who
 * holds a role in it, a co-role-holder of another firm, or a firm sharing an address or phone with the inspector's firm.
 *
 * @param maxHops   1..{@link TraversalLimits#MAX_HOPS}
 * @param maxDegree beyond the inspector's own address, phone and firms, nodes with more links than this (a
 *                  formation agent's address of hundreds of firms) are not passed through
 */
public record TieParams(int maxHops, int maxDegree) {
    public static final int HOPS_DEFAULT = 3;
    public static final int MAX_DEGREE_DEFAULT = TraversalLimits.MAX_DEGREE_DEFAULT;
    public static final TieParams DEFAULT = new TieParams(HOPS_DEFAULT, MAX_DEGREE_DEFAULT);

    public TieParams {
        if (maxHops < 1 || maxHops > TraversalLimits.MAX_HOPS) {
            throw new IllegalArgumentException("tie hops must be from 1 to " + TraversalLimits.MAX_HOPS + ", got " + maxHops);
        }
        if (maxDegree < 1) throw new IllegalArgumentException("tie max degree must be positive, got " + maxDegree);
    }
}
