package io.riskgraph.algorithms.centrality;

import io.riskgraph.algorithms.internal.Parallel;

/**
 * Betweenness parameters. Exact Brandes costs O(n m); beyond {@code exactNodeLimit} nodes the scores are
 * estimated from {@code samples} random source nodes, with the error bound of {@link Betweenness.Result}.
 *
 * @param exactNodeLimit graphs with at most this many nodes are computed exactly
 * @param samples        source nodes sampled (uniformly, with replacement) on larger graphs
 * @param confidence     confidence of the stated error bound, in (0, 1)
 * @param seed           random seed, so that runs repeat
 * @param concurrency    threads, at least 1
 */
public record BetweennessConfig(int exactNodeLimit, int samples, double confidence, long seed, int concurrency) {
    public static final int EXACT_NODE_LIMIT_DEFAULT = 20_000;
    public static final int SAMPLES_DEFAULT = 1_000;
    public static final double CONFIDENCE_DEFAULT = 0.95;
    public static final long SEED_DEFAULT = 42L;

    public static final BetweennessConfig DEFAULT = new BetweennessConfig(EXACT_NODE_LIMIT_DEFAULT, SAMPLES_DEFAULT,
            CONFIDENCE_DEFAULT, SEED_DEFAULT, Parallel.CONCURRENCY_DEFAULT);

    public BetweennessConfig {
        if (exactNodeLimit < 0) throw new IllegalArgumentException("exactNodeLimit must not be negative, got " + exactNodeLimit);
        if (samples < 1) throw new IllegalArgumentException("samples must be at least 1, got " + samples);
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
    }

    public BetweennessConfig withExactNodeLimit(int limit) {
        return new BetweennessConfig(limit, samples, confidence, seed, concurrency);
    }

    public BetweennessConfig withSamples(int k) {
        return new BetweennessConfig(exactNodeLimit, k, confidence, seed, concurrency);
    }
}
