package io.riskgraph.algorithms.centrality;

import io.riskgraph.algorithms.internal.Parallel;
import io.riskgraph.algorithms.projection.CompactGraph;
import io.riskgraph.progress.Cancellation;
import io.riskgraph.progress.ProgressListener;

import java.util.Arrays;

/**
 * PageRank and personalised PageRank on a {@link CompactGraph}, by power iteration. Conventions follow NetworkX
 * so results can be checked against it: scores sum to 1; the rank of a node without outgoing relationships
 * (dangling) is spread like the teleport, i.e. uniformly for plain PageRank and over the seeds for personalised
 * PageRank. Each iteration pulls along in-relationships (the inverse CSR), so threads write only their own
 * range of nodes and need no atomics. Computed once on first access, then cached.
 */
public final class PageRank {
    private final CompactGraph graph;
    private final PageRankConfig config;
    private final double[] teleport; // null = uniform
    private final ProgressListener progress;
    private final Cancellation cancellation;
    private double[] scores;
    private int iterations;
    private double lastChange;

    public PageRank(CompactGraph graph, PageRankConfig config) {
        this(graph, config, null, ProgressListener.NONE, Cancellation.NEVER);
    }

    public PageRank(CompactGraph graph, PageRankConfig config, ProgressListener progress, Cancellation cancellation) {
        this(graph, config, null, progress, cancellation);
    }

    private PageRank(CompactGraph graph, PageRankConfig config, double[] teleport, ProgressListener progress,
                     Cancellation cancellation) {
        if (graph == null) throw new IllegalArgumentException("graph is required");
        if (config == null) throw new IllegalArgumentException("config is required");
        this.graph = graph;
        this.config = config;
        this.teleport = teleport;
        this.progress = progress == null ? ProgressListener.NONE : progress;
        this.cancellation = cancellation == null ? Cancellation.NEVER : cancellation;
    }

    /**
     * Personalised PageRank: teleports go to the seeds in proportion to their weights (e.g. each seed's own
     * risk), so the score measures closeness to the seed set.
     */
    public static PageRank personalized(CompactGraph graph, PageRankConfig config, int[] seeds, double[] seedWeights,
                                        ProgressListener progress, Cancellation cancellation) {
        if (seeds == null || seedWeights == null || seeds.length != seedWeights.length) {
            throw new IllegalArgumentException("give one weight per seed");
        }
        if (seeds.length == 0) throw new IllegalArgumentException("personalised PageRank needs at least one seed");
        double[] p = new double[graph.nodeCount()];
        double sum = 0;
        for (int i = 0; i < seeds.length; i++) {
            if (seeds[i] < 0 || seeds[i] >= p.length) throw new IllegalArgumentException("seed " + seeds[i] + " is not a node");
            if (!(seedWeights[i] >= 0) || Double.isInfinite(seedWeights[i])) {
                throw new IllegalArgumentException("seed weight must be finite and not negative, got " + seedWeights[i]);
            }
            p[seeds[i]] += seedWeights[i];
            sum += seedWeights[i];
        }
        if (!(sum > 0)) throw new IllegalArgumentException("seed weights sum to zero");
        for (int i = 0; i < p.length; i++) p[i] /= sum;
        return new PageRank(graph, config, p, progress, cancellation);
    }

    public synchronized double[] scores() {
        if (scores == null) scores = compute();
        return scores;
    }

    public double score(int node) { return scores()[node]; }

    public int iterations() {
        scores();
        return iterations;
    }

    /** L1 change of the last iteration. */
    public double lastChange() {
        scores();
        return lastChange;
    }

    public boolean converged() { return lastChange() < config.tolerance() * graph.nodeCount(); }

    private double[] compute() {
        int n = graph.nodeCount();
        if (n == 0) return new double[0];
        CompactGraph in = graph.inverse();
        int[] inOff = in.offsetsArray();
        int[] inTgt = in.targetsArray();
        boolean weighted = config.weighted() && !graph.uniformWeights();
        double[] outWeight = new double[n];
        if (weighted) {
            System.arraycopy(graph.weightedOutDegree(), 0, outWeight, 0, n);
        } else {
            for (int v = 0; v < n; v++) outWeight[v] = graph.degree(v);
        }
        double d = config.dampingFactor();
        double[] x = new double[n];
        Arrays.fill(x, 1.0 / n);
        double[] next = new double[n];
        double[] contrib = new double[n];
        int[] bounds = Parallel.split(n, inOff, config.concurrency());
        int parts = bounds.length - 1;
        double[] partChange = new double[parts];
        int[] nodeBounds = Parallel.split(n, null, config.concurrency());
        double[] nodePartDangling = new double[nodeBounds.length - 1];
        String task = teleport == null ? "pagerank" : "personalised pagerank";
        progress.start(task, config.maxIterations());
        iterations = 0;
        lastChange = Double.POSITIVE_INFINITY;
        while (iterations < config.maxIterations()) {
            cancellation.throwIfCancelled();
            double[] cur = x;
            Parallel.run(nodeBounds, (part, from, to) -> {
                double dangling = 0;
                for (int v = from; v < to; v++) {
                    double w = outWeight[v];
                    if (w > 0) {
                        contrib[v] = cur[v] / w;
                    } else {
                        contrib[v] = 0;
                        dangling += cur[v];
                    }
                }
                nodePartDangling[part] = dangling;
            });
            double dangling = 0;
            for (double s : nodePartDangling) dangling += s;
            double base = d * dangling + (1 - d); // mass that is spread like the teleport
            double uniform = base / n;
            double[] nx = next;
            Parallel.run(bounds, (part, from, to) -> {
                double change = 0;
                for (int v = from; v < to; v++) {
                    double sum = 0;
                    int end = inOff[v + 1];
                    if (weighted) {
                        for (int e = inOff[v]; e < end; e++) sum += in.weight(e) * contrib[inTgt[e]];
                    } else {
                        for (int e = inOff[v]; e < end; e++) sum += contrib[inTgt[e]];
                    }
                    double r = d * sum + (teleport == null ? uniform : base * teleport[v]);
                    nx[v] = r;
                    change += Math.abs(r - cur[v]);
                }
                partChange[part] = change;
            });
            double change = 0;
            for (double c : partChange) change += c;
            next = x;
            x = nx;
            iterations++;
            lastChange = change;
            progress.advance(1);
            if (change < n * config.tolerance()) break;
        }
        progress.finish(task);
        return x;
    }
}
