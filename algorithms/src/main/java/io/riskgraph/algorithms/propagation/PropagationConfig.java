package io.riskgraph.algorithms.propagation;

import io.riskgraph.algorithms.projection.Orientation;
import io.riskgraph.algorithms.projection.ProjectionSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How risk flows. A source s passes to a node v the amount own(s) × strength(s, v), where strength is the best
 * (largest) product over paths of at most {@code maxHops} relationships of
 * {@code decay × typeWeight} per relationship, times {@code min(1, hubDegree / degree(x))} for every node x the
 * path passes through (not its ends). A formation-agent address linking 400 firms therefore passes
 * 20/400 = 5 % of what a private address would. Strength is symmetric, which lets one node's explanation be
 * computed from that node alone.
 *
 * @param typeWeights     relationship type to weight in (0, 1]; types not named do not carry risk
 * @param decay           factor per hop, in (0, 1)
 * @param maxHops         hops at most, 1..6
 * @param hubDegree       degree above which a node passed through is down-weighted, at least 1
 * @param minContribution contributions below this are left out (and then left out of explanations too)
 */
public record PropagationConfig(Map<String, Double> typeWeights, double decay, int maxHops, int hubDegree,
                                double minContribution) {
    /** Control and ownership strongest, management next, trade and guarantees, then shared contact points. */
    public static final Map<String, Double> TYPE_WEIGHTS_DEFAULT = defaults();
    public static final double DECAY_DEFAULT = 0.5;
    public static final int MAX_HOPS_DEFAULT = 3;
    public static final int HUB_DEGREE_DEFAULT = 20;
    public static final double MIN_CONTRIBUTION_DEFAULT = 1e-4;
    public static final List<String> LABELS_DEFAULT = List.of("Enterprise", "Person", "Address", "Phone");

    public static final PropagationConfig DEFAULT = new PropagationConfig(TYPE_WEIGHTS_DEFAULT, DECAY_DEFAULT,
            MAX_HOPS_DEFAULT, HUB_DEGREE_DEFAULT, MIN_CONTRIBUTION_DEFAULT);

    private static Map<String, Double> defaults() {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("LEGAL_REPRESENTATIVE_OF", 1.0);
        w.put("SHAREHOLDER_OF", 1.0);
        w.put("INVESTS_IN", 1.0);
        w.put("BRANCH_OF", 1.0);
        w.put("DIRECTOR_OF", 0.6);
        w.put("MANAGER_OF", 0.6);
        w.put("SUPERVISOR_OF", 0.4);
        w.put("FINANCE_OFFICER_OF", 0.4);
        w.put("GUARANTEES", 0.5);
        w.put("SUPPLIES", 0.4);
        w.put("CONTACT_OF", 0.3);
        w.put("LOCATED_AT", 0.3);
        w.put("HAS_PHONE", 0.3);
        return java.util.Collections.unmodifiableMap(w);
    }

    public PropagationConfig {
        if (typeWeights == null || typeWeights.isEmpty()) throw new IllegalArgumentException("name at least one type");
        typeWeights.forEach((t, w) -> {
            if (w == null || !(w > 0 && w <= 1)) {
                throw new IllegalArgumentException("weight of " + t + " must be in (0, 1], got " + w);
            }
        });
        typeWeights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(typeWeights));
        if (!(decay > 0 && decay < 1)) throw new IllegalArgumentException("decay must be in (0, 1), got " + decay);
        if (maxHops < 1 || maxHops > 6) throw new IllegalArgumentException("maxHops must be in 1..6, got " + maxHops);
        if (hubDegree < 1) throw new IllegalArgumentException("hubDegree must be at least 1, got " + hubDegree);
        if (!(minContribution >= 0)) {
            throw new IllegalArgumentException("minContribution must not be negative, got " + minContribution);
        }
    }

    /** The projection this propagation runs on: persons, enterprises and contact points, undirected. */
    public ProjectionSpec projection() {
        return new ProjectionSpec(LABELS_DEFAULT, typeWeights, null, Orientation.UNDIRECTED);
    }

    public PropagationConfig withMaxHops(int h) {
        return new PropagationConfig(typeWeights, decay, h, hubDegree, minContribution);
    }

    public PropagationConfig withMinContribution(double m) {
        return new PropagationConfig(typeWeights, decay, maxHops, hubDegree, m);
    }

    public PropagationConfig withHubDegree(int d) {
        return new PropagationConfig(typeWeights, decay, maxHops, d, minContribution);
    }
}
