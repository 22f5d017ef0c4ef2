package io.riskgraph.algorithms.community;

/**
 * Louvain parameters.
 *
 * @param resolution    γ in Q = Σ_c [in_c/2m - γ (tot_c/2m)²]; larger finds smaller communities
 * @param maxLevels     aggregation levels at most
 * @param maxIterations local-moving sweeps per level at most
 * @param tolerance     a level stops when a sweep gains less modularity than this, and so does the whole run
 */
public record LouvainConfig(double resolution, int maxLevels, int maxIterations, double tolerance) {
    public static final double RESOLUTION_DEFAULT = 1.0;
    public static final int MAX_LEVELS_DEFAULT = 10;
    public static final int MAX_ITERATIONS_DEFAULT = 10;
    /**
     * GDS's default too, so the two are compared with the same stopping rule. A sweep that gains less modularity
     * than this ends the level: the late sweeps on a large graph each cost a full pass for very little gain.
     */
    public static final double TOLERANCE_DEFAULT = 1e-4;

    public static final LouvainConfig DEFAULT = new LouvainConfig(RESOLUTION_DEFAULT, MAX_LEVELS_DEFAULT,
            MAX_ITERATIONS_DEFAULT, TOLERANCE_DEFAULT);

    public LouvainConfig {
        if (!(resolution > 0) || Double.isInfinite(resolution)) {
            throw new IllegalArgumentException("resolution must be positive and finite, got " + resolution);
        }
        if (maxLevels < 1) throw new IllegalArgumentException("maxLevels must be at least 1, got " + maxLevels);
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        if (!(tolerance >= 0)) throw new IllegalArgumentException("tolerance must not be negative, got " + tolerance);
    }
}
