package io.riskgraph.algorithms.centrality;

import io.riskgraph.algorithms.internal.Parallel;

/**
 * PageRank parameters.
 *
 * @param dampingFactor probability of following a relationship rather than teleporting, in [0, 1)
 * @param maxIterations iterations at most, at least 1
 * @param tolerance     stop when the L1 change over all nodes is below {@code nodeCount * tolerance} (NetworkX's rule)
 * @param weighted      follow relationships in proportion to their weight rather than uniformly
 * @param concurrency   threads for each pass, at least 1
 * @param singlePrecision on large graphs (the blocked sweep), keep contributions and per-node sums in float rather
 *                      than double: half the memory traffic, about 1e-7 relative error per score; ranks and the
 *                      convergence test stay in double. Off by default (the NetworkX/JGraphT checks need double).
 */
public record PageRankConfig(double dampingFactor, int maxIterations, double tolerance, boolean weighted,
                             int concurrency, boolean singlePrecision) {
    public static final double DAMPING_FACTOR_DEFAULT = 0.85;
    /** GDS's default; enough for ranking at city scale, where each iteration costs a pass over 20 M entries. */
    public static final int MAX_ITERATIONS_DEFAULT = 20;
    public static final double TOLERANCE_DEFAULT = 1e-7;
    public static final boolean SINGLE_PRECISION_DEFAULT = false;

    public static final PageRankConfig DEFAULT = new PageRankConfig(DAMPING_FACTOR_DEFAULT, MAX_ITERATIONS_DEFAULT,
            TOLERANCE_DEFAULT, false, Parallel.CONCURRENCY_DEFAULT, SINGLE_PRECISION_DEFAULT);

    public PageRankConfig(double dampingFactor, int maxIterations, double tolerance, boolean weighted, int concurrency) {
        this(dampingFactor, maxIterations, tolerance, weighted, concurrency, SINGLE_PRECISION_DEFAULT);
    }

    public PageRankConfig {
        if (!(dampingFactor >= 0 && dampingFactor < 1)) {
            throw new IllegalArgumentException("dampingFactor must be in [0, 1), got " + dampingFactor);
        }
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and not negative, got " + tolerance);
        }
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
    }

    public PageRankConfig withMaxIterations(int n) {
        return new PageRankConfig(dampingFactor, n, tolerance, weighted, concurrency, singlePrecision);
    }

    public PageRankConfig withTolerance(double t) {
        return new PageRankConfig(dampingFactor, maxIterations, t, weighted, concurrency, singlePrecision);
    }

    public PageRankConfig withWeighted(boolean w) {
        return new PageRankConfig(dampingFactor, maxIterations, tolerance, w, concurrency, singlePrecision);
    }

    public PageRankConfig withConcurrency(int c) {
        return new PageRankConfig(dampingFactor, maxIterations, tolerance, weighted, c, singlePrecision);
    }

    public PageRankConfig withSinglePrecision(boolean on) {
        return new PageRankConfig(dampingFactor, maxIterations, tolerance, weighted, concurrency, on);
    }
}
