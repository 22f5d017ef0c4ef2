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
    private Boolean tiledOverride;
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

    /**
     * From this many nodes on, iterations sweep cache-sized tiles instead of pulling along the inverse CSR: on a
     * random graph of 3 M nodes the per-node values no longer fit in cache, and each pulled edge costs a miss.
     */
    public static final int TILING_MIN_NODES = 1 << 18;
    /** Tiles are 2^16 targets by 2^16 sources: a 512 KiB slice of sums and of contributions, both in L2. */
    static final int TILE_BITS = 16;

    /** Tests force either sweep, to check that both give the same scores. */
    synchronized PageRank tiled(boolean on) {
        tiledOverride = on;
        return this;
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
        boolean weighted = config.weighted() && !graph.uniformWeights();
        boolean tiled = tiledOverride != null ? tiledOverride : n >= TILING_MIN_NODES;
        Sweep sweep = tiled ? new TiledSweep(graph, weighted, config.concurrency())
                : new PullSweep(graph.inverse(), weighted, config.concurrency());
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
            double change = sweep.iterate(contrib, cur, next, d, base, teleport);
            double[] nx = next;
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

    /** One iteration's propagation: next[v] = d * sum of contributions into v + teleport share; returns L1 change. */
    private interface Sweep {
        double iterate(double[] contrib, double[] cur, double[] next, double d, double base, double[] teleport);
    }

    /** Pull along the inverse CSR, node ranges per thread; best while the values fit in cache. */
    private static final class PullSweep implements Sweep {
        private final CompactGraph in;
        private final boolean weighted;
        private final int[] bounds;
        private final double[] partChange;

        PullSweep(CompactGraph in, boolean weighted, int concurrency) {
            this.in = in;
            this.weighted = weighted;
            this.bounds = Parallel.split(in.nodeCount(), in.offsetsArray(), concurrency);
            this.partChange = new double[bounds.length - 1];
        }

        @Override
        public double iterate(double[] contrib, double[] cur, double[] nx, double d, double base, double[] teleport) {
            int[] inOff = in.offsetsArray();
            int[] inTgt = in.targetsArray();
            double uniform = base / in.nodeCount();
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
            return change;
        }
    }

    /**
     * Edges regrouped into tiles of 2^16 targets by 2^16 sources, built once from the forward CSR (no inverse
     * needed): 2 + 2 bytes per edge (+ 8 for a weight). A thread owns whole target blocks, so it writes only its
     * own slice of sums; within a tile sources ascend, so contributions are read nearly in order.
     */
    private static final class TiledSweep implements Sweep {
        private final int n;
        private final int sourceBlocks;
        private final int[] tileStart;
        private final char[] target;
        private final char[] source;
        private final double[] weight;
        private final int[] blockBounds;
        private final double[] partChange;

        TiledSweep(CompactGraph g, boolean weighted, int concurrency) {
            n = g.nodeCount();
            int blocks = (n + (1 << TILE_BITS) - 1) >>> TILE_BITS;
            sourceBlocks = blocks;
            int tiles = blocks * blocks;
            tileStart = new int[tiles + 1];
            int[] off = g.offsetsArray();
            int[] tgt = g.targetsArray();
            for (int u = 0; u < n; u++) {
                int sb = u >>> TILE_BITS;
                for (int e = off[u]; e < off[u + 1]; e++) tileStart[(tgt[e] >>> TILE_BITS) * blocks + sb + 1]++;
            }
            for (int t = 0; t < tiles; t++) tileStart[t + 1] += tileStart[t];
            int[] cursor = Arrays.copyOf(tileStart, tiles);
            int m = off[n];
            target = new char[m];
            source = new char[m];
            weight = weighted ? new double[m] : null;
            for (int u = 0; u < n; u++) {
                int sb = u >>> TILE_BITS;
                char su = (char) (u & 0xFFFF);
                for (int e = off[u]; e < off[u + 1]; e++) {
                    int v = tgt[e];
                    int p = cursor[(v >>> TILE_BITS) * blocks + sb]++;
                    target[p] = (char) (v & 0xFFFF);
                    source[p] = su;
                    if (weight != null) weight[p] = g.weight(e);
                }
            }
            int[] blockEdges = new int[blocks + 1]; // edges before each target block, to balance threads
            for (int b = 0; b <= blocks; b++) blockEdges[b] = tileStart[b * blocks];
            blockBounds = Parallel.split(blocks, blockEdges, concurrency);
            partChange = new double[blockBounds.length - 1];
        }

        @Override
        public double iterate(double[] contrib, double[] cur, double[] nx, double d, double base, double[] teleport) {
            double uniform = base / n;
            Parallel.run(blockBounds, (part, bFrom, bTo) -> {
                double change = 0;
                for (int tb = bFrom; tb < bTo; tb++) {
                    int vFrom = tb << TILE_BITS;
                    int vTo = Math.min(n, vFrom + (1 << TILE_BITS));
                    Arrays.fill(nx, vFrom, vTo, 0.0);
                    for (int sb = 0; sb < sourceBlocks; sb++) {
                        int uBase = sb << TILE_BITS;
                        int t = tb * sourceBlocks + sb;
                        int end = tileStart[t + 1];
                        if (weight == null) {
                            for (int k = tileStart[t]; k < end; k++) nx[vFrom + target[k]] += contrib[uBase + source[k]];
                        } else {
                            for (int k = tileStart[t]; k < end; k++) {
                                nx[vFrom + target[k]] += weight[k] * contrib[uBase + source[k]];
                            }
                        }
                    }
                    for (int v = vFrom; v < vTo; v++) {
                        double r = d * nx[v] + (teleport == null ? uniform : base * teleport[v]);
                        nx[v] = r;
                        change += Math.abs(r - cur[v]);
                    }
                }
                partChange[part] = change;
            });
            double change = 0;
            for (double c : partChange) change += c;
            return change;
        }
    }
}
