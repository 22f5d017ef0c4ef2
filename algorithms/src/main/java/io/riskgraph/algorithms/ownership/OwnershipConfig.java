package io.riskgraph.algorithms.ownership;

/**
 * Ownership penetration parameters.
 *
 * @param controlThreshold     effective share above which a holder controls (default 50 %)
 * @param significantThreshold share from which a holder is a beneficial owner, and the largest such holder the
 *                             controller when nobody passes the control threshold (default 25 %, the common
 *                             beneficial-ownership threshold)
 * @param maxDepth             holding levels read above the enterprise, 1..50
 * @param maxNodes             holders read at most, so that a state holding group does not pull in a province
 * @param tolerance            the (I - A)^-1 series stops when a term adds less than this in total
 * @param maxIterations        series terms at most
 * @param maxChains            chains listed per holder at most
 */
public record OwnershipConfig(double controlThreshold, double significantThreshold, int maxDepth, int maxNodes,
                              double tolerance, int maxIterations, int maxChains) {
    public static final double CONTROL_THRESHOLD_DEFAULT = 0.5;
    public static final double SIGNIFICANT_THRESHOLD_DEFAULT = 0.25;
    public static final int MAX_DEPTH_DEFAULT = 10;
    public static final int MAX_NODES_DEFAULT = 2_000;
    public static final double TOLERANCE_DEFAULT = 1e-12;
    public static final int MAX_ITERATIONS_DEFAULT = 10_000;
    public static final int MAX_CHAINS_DEFAULT = 50;

    public static final OwnershipConfig DEFAULT = new OwnershipConfig(CONTROL_THRESHOLD_DEFAULT,
            SIGNIFICANT_THRESHOLD_DEFAULT, MAX_DEPTH_DEFAULT, MAX_NODES_DEFAULT, TOLERANCE_DEFAULT,
            MAX_ITERATIONS_DEFAULT, MAX_CHAINS_DEFAULT);

    public OwnershipConfig {
        if (!(controlThreshold > 0 && controlThreshold < 1)) {
            throw new IllegalArgumentException("controlThreshold must be in (0, 1), got " + controlThreshold);
        }
        if (!(significantThreshold > 0 && significantThreshold <= controlThreshold)) {
            throw new IllegalArgumentException("significantThreshold must be in (0, controlThreshold], got "
                    + significantThreshold);
        }
        if (maxDepth < 1 || maxDepth > 50) throw new IllegalArgumentException("maxDepth must be in 1..50, got " + maxDepth);
        if (maxNodes < 1) throw new IllegalArgumentException("maxNodes must be positive, got " + maxNodes);
        if (!(tolerance > 0)) throw new IllegalArgumentException("tolerance must be positive, got " + tolerance);
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        if (maxChains < 0) throw new IllegalArgumentException("maxChains must not be negative, got " + maxChains);
    }

    public OwnershipConfig withThresholds(double control, double significant) {
        return new OwnershipConfig(control, significant, maxDepth, maxNodes, tolerance, maxIterations, maxChains);
    }
}
