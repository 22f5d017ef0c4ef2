package io.riskgraph.algorithms.centrality;

import io.riskgraph.algorithms.internal.Parallel;

/**
 * Betweenness parameters. Exact Brandes costs O(n m); beyond {@code exactNodeLimit} nodes the scores are
 * estimated from {@code samples} random source nodes, with the error bound of {@link Betweenness.Result}, but from
 * no more sources than {@code workBudget} allows: one source costs a pass over the nodes and relationships, so on a
 * whole city (23 M nodes) 1,000 sources would take over an hour on two cores; fewer sources widen the stated bound.
 *
 * @param exactNodeLimit graphs with at most this many nodes are computed exactly
 * @param samples        source nodes sampled (uniformly, with replacement) on larger graphs
 * @param confidence     confidence of the stated error bound, in (0, 1)
 * @param seed           random seed, so that runs repeat
 * @param concurrency    threads, at least 1
 * @param workBudget     the most node and relationship visits a sampled run makes (sources × (nodes +
 *                       relationships)), though never fewer than {@link #SAMPLES_MIN} sources
 */
public record BetweennessConfig(int exactNodeLimit, int samples, double confidence, long seed, int concurrency,
                                long workBudget) {
    public static final int EXACT_NODE_LIMIT_DEFAULT = 20_000;
    public static final int SAMPLES_DEFAULT = 1_000;
    public static final double CONFIDENCE_DEFAULT = 0.95;
    public static final long SEED_DEFAULT = 42L;
    /**
     * A 100,000-firm city's projection (0.65 M nodes, 0.79 M relationships) keeps the 1,000 sources; a 2.9 M-firm
     * one (about 42 M) gets about 47. The budget counts the whole graph's nodes and relationships, although the
     * searches skip folded leaves ({@link Betweenness}): cheaper searches buy time, not more sources.
     */
    public static final long WORK_BUDGET_DEFAULT = 2_000_000_000L;
    public static final int SAMPLES_MIN = 16;

    public static final BetweennessConfig DEFAULT = new BetweennessConfig(EXACT_NODE_LIMIT_DEFAULT, SAMPLES_DEFAULT,
            CONFIDENCE_DEFAULT, SEED_DEFAULT, Parallel.CONCURRENCY_DEFAULT, WORK_BUDGET_DEFAULT);

    public BetweennessConfig {
        if (exactNodeLimit < 0) throw new IllegalArgumentException("exactNodeLimit must not be negative, got " + exactNodeLimit);
        if (samples < 1) throw new IllegalArgumentException("samples must be at least 1, got " + samples);
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        if (workBudget < 1) throw new IllegalArgumentException("workBudget must be at least 1, got " + workBudget);
    }

    /** The sources a sampled run on a graph of this size uses: {@code samples}, unless the budget allows fewer. */
    public int sourcesFor(int nodes, long relationships) {
        long perSource = Math.max(1, nodes + relationships);
        return (int) Math.max(Math.min(samples, SAMPLES_MIN), Math.min(samples, workBudget / perSource));
    }

    public BetweennessConfig withExactNodeLimit(int limit) {
        return new BetweennessConfig(limit, samples, confidence, seed, concurrency, workBudget);
    }

    public BetweennessConfig withSamples(int k) {
        return new BetweennessConfig(exactNodeLimit, k, confidence, seed, concurrency, workBudget);
    }
}
