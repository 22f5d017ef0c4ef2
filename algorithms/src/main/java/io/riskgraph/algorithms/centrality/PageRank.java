package io.riskgraph.algorithms.centrality;

import io.riskgraph.algorithms.internal.Parallel;
import io.riskgraph.algorithms.projection.CompactGraph;
import io.riskgraph.progress.Cancellation;
import io.riskgraph.progress.ProgressListener;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

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
     * From this many nodes on, iterations sweep target blocks instead of pulling along the inverse CSR: on a
     * random graph of 3 M nodes the per-node values no longer fit in the core's cache, and each pulled edge costs
     * a cache line from far away.
     */
    public static final int TILING_MIN_NODES = 1 << 18;
    /** Target block of the blocked sweep in double precision: 2^17 sums of 8 bytes = 1 MiB, in a core's L2. */
    static final int BLOCK_BITS_DOUBLE = 17;
    /** In single precision: 2^18 sums of 4 bytes = 1 MiB, so half as many passes over the contributions. */
    static final int BLOCK_BITS_SINGLE = 18;

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
        boolean blocked = tiledOverride != null ? tiledOverride : n >= TILING_MIN_NODES;
        // 1 / out-weight, 0 for a dangling node: contributions are multiplied, never divided, in the sweeps
        double[] invOut = new double[n];
        double[] wOut = weighted ? graph.weightedOutDegree() : null;
        for (int v = 0; v < n; v++) {
            double w = weighted ? wOut[v] : graph.degree(v);
            invOut[v] = w > 0 ? 1.0 / w : 0.0;
        }
        Sweep sweep = blocked ? new BlockedSweep(graph, weighted, invOut, config.concurrency(), config.singleOnBlockedSweep())
                : new PullSweep(graph.inverse(), weighted, invOut, config.concurrency());
        double d = config.dampingFactor();
        double[] x = new double[n];
        Arrays.fill(x, 1.0 / n);
        double[] next = new double[n];
        double dangling = sweep.start(x);
        String task = teleport == null ? "pagerank" : "personalised pagerank";
        progress.start(task, config.maxIterations());
        iterations = 0;
        lastChange = Double.POSITIVE_INFINITY;
        while (iterations < config.maxIterations()) {
            cancellation.throwIfCancelled();
            double base = d * dangling + (1 - d); // mass that is spread like the teleport
            double change = sweep.iterate(x, next, d, base, teleport);
            dangling = sweep.dangling();
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

    /**
     * One iteration's propagation: next[v] = d * (sum of contributions into v) + base * teleport share. Each sweep
     * keeps the contributions (rank times 1 / out-weight) itself and computes those of the new ranks while it
     * writes them, so an iteration is one pass over the nodes, not two.
     */
    private interface Sweep {
        /** Takes the contributions of the initial ranks; returns their dangling mass. */
        double start(double[] x);

        /** Writes next from cur; returns the L1 change. */
        double iterate(double[] cur, double[] next, double d, double base, double[] teleport);

        /** Dangling mass of the ranks the last {@link #iterate} wrote. */
        double dangling();
    }

    /** Pull along the inverse CSR, node ranges per thread; best while the values fit in cache. */
    private static final class PullSweep implements Sweep {
        private final CompactGraph in;
        private final boolean weighted;
        private final double[] invOut;
        private final int[] bounds;
        private final double[] partChange;
        private final double[] partDangling;
        private double[] contrib;
        private double[] nextContrib;

        PullSweep(CompactGraph in, boolean weighted, double[] invOut, int concurrency) {
            this.in = in;
            this.weighted = weighted;
            this.invOut = invOut;
            this.bounds = Parallel.split(in.nodeCount(), in.offsetsArray(), concurrency);
            this.partChange = new double[bounds.length - 1];
            this.partDangling = new double[bounds.length - 1];
            contrib = new double[in.nodeCount()];
            nextContrib = new double[in.nodeCount()];
        }

        @Override
        public double start(double[] x) {
            double dangling = 0;
            for (int v = 0; v < x.length; v++) {
                contrib[v] = x[v] * invOut[v];
                if (invOut[v] == 0) dangling += x[v];
            }
            return dangling;
        }

        @Override
        public double iterate(double[] cur, double[] nx, double d, double base, double[] teleport) {
            int[] inOff = in.offsetsArray();
            int[] inTgt = in.targetsArray();
            double uniform = base / in.nodeCount();
            double[] c = contrib;
            double[] cNext = nextContrib;
            Parallel.run(bounds, (part, from, to) -> {
                double change = 0;
                double dangling = 0;
                for (int v = from; v < to; v++) {
                    double sum = 0;
                    int end = inOff[v + 1];
                    if (weighted) {
                        for (int e = inOff[v]; e < end; e++) sum += in.weight(e) * c[inTgt[e]];
                    } else {
                        for (int e = inOff[v]; e < end; e++) sum += c[inTgt[e]];
                    }
                    double r = d * sum + (teleport == null ? uniform : base * teleport[v]);
                    nx[v] = r;
                    change += Math.abs(r - cur[v]);
                    cNext[v] = r * invOut[v];
                    if (invOut[v] == 0) dangling += r;
                }
                partChange[part] = change;
                partDangling[part] = dangling;
            });
            contrib = cNext;
            nextContrib = c;
            return sum(partChange);
        }

        @Override
        public double dangling() { return sum(partDangling); }
    }

    private static double sum(double[] parts) {
        double s = 0;
        for (double p : parts) s += p;
        return s;
    }

    /**
     * Edges regrouped by block of 2^bits targets, sources ascending within a block; built once from the forward
     * CSR (no inverse needed), 4 + 4 bytes per edge (+ the weight). A block's sums stay in the core's L2 while its
     * edges stream by, and its contributions are read in ascending order, which the prefetcher follows: no edge
     * costs a random miss to memory. Threads take whole blocks, largest first (hubs make some blocks much heavier),
     * and write only their own block's nodes. In single precision contributions and sums are floats: half the
     * bytes to move, and blocks twice as large, so the contributions are swept half as often.
     */
    private static final class BlockedSweep implements Sweep {
        private final int n;
        private final int bits;
        private final int blocks;
        private final int[] blockStart;
        private final int[] blockOrder; // heaviest first
        private final int[] source;
        private final int[] target; // target minus its block's first node
        private final double[] weight; // null when unweighted
        private final double[] invOut;
        private final boolean single;
        private final int threads;
        private final double[] blockChange;
        private final double[] blockDangling;
        private final float[][] scratch; // per thread, single precision only
        private double[] contrib;
        private double[] nextContrib;
        private float[] contribF;
        private float[] nextContribF;

        BlockedSweep(CompactGraph g, boolean weighted, double[] invOut, int concurrency, boolean single) {
            n = g.nodeCount();
            this.invOut = invOut;
            this.single = single;
            bits = single ? BLOCK_BITS_SINGLE : BLOCK_BITS_DOUBLE;
            blocks = (n + (1 << bits) - 1) >>> bits;
            int[] off = g.offsetsArray();
            int[] tgt = g.targetsArray();
            int m = off[n];
            // counting sort by block, in parallel over source ranges; ranges ascend, so sources ascend per block
            int[] srcBounds = Parallel.split(n, off, concurrency);
            int parts = srcBounds.length - 1;
            int[][] counts = new int[parts][blocks];
            int b0 = bits;
            Parallel.run(srcBounds, (p, from, to) -> {
                int[] c = counts[p];
                for (int e = off[from]; e < off[to]; e++) c[tgt[e] >>> b0]++;
            });
            blockStart = new int[blocks + 1];
            int[][] cursor = new int[parts][blocks];
            int at = 0;
            for (int b = 0; b < blocks; b++) {
                blockStart[b] = at;
                for (int p = 0; p < parts; p++) {
                    cursor[p][b] = at;
                    at += counts[p][b];
                }
            }
            blockStart[blocks] = at;
            source = new int[m];
            target = new int[m];
            weight = weighted ? new double[m] : null;
            int mask = (1 << bits) - 1;
            Parallel.run(srcBounds, (p, from, to) -> {
                int[] c = cursor[p];
                for (int u = from; u < to; u++) {
                    for (int e = off[u]; e < off[u + 1]; e++) {
                        int v = tgt[e];
                        int k = c[v >>> b0]++;
                        source[k] = u;
                        target[k] = v & mask;
                        if (weight != null) weight[k] = g.weight(e);
                    }
                }
            });
            Integer[] order = new Integer[blocks];
            for (int b = 0; b < blocks; b++) order[b] = b;
            Arrays.sort(order, (a, b) -> Integer.compare(blockStart[b + 1] - blockStart[b], blockStart[a + 1] - blockStart[a]));
            blockOrder = new int[blocks];
            for (int b = 0; b < blocks; b++) blockOrder[b] = order[b];
            threads = Math.max(1, Math.min(concurrency, blocks));
            blockChange = new double[blocks];
            blockDangling = new double[blocks];
            if (single) {
                contribF = new float[n];
                nextContribF = new float[n];
                scratch = new float[threads][1 << bits];
            } else {
                contrib = new double[n];
                nextContrib = new double[n];
                scratch = null;
            }
        }

        @Override
        public double start(double[] x) {
            double dangling = 0;
            for (int v = 0; v < n; v++) {
                double c = x[v] * invOut[v];
                if (single) contribF[v] = (float) c;
                else contrib[v] = c;
                if (invOut[v] == 0) dangling += x[v];
            }
            return dangling;
        }

        @Override
        public double iterate(double[] cur, double[] nx, double d, double base, double[] teleport) {
            double uniform = base / n;
            AtomicInteger claim = new AtomicInteger();
            int[] parts = new int[threads + 1];
            for (int t = 0; t <= threads; t++) parts[t] = t;
            Parallel.run(parts, (thread, ignored, ignored2) -> {
                int i;
                while ((i = claim.getAndIncrement()) < blocks) {
                    int b = blockOrder[i];
                    int vFrom = b << bits;
                    int vTo = Math.min(n, vFrom + (1 << bits));
                    if (single) sumSingle(b, vFrom, vTo, scratch[thread], cur, nx, d, uniform, base, teleport);
                    else sumDouble(b, vFrom, vTo, cur, nx, d, uniform, base, teleport);
                }
            });
            if (single) {
                float[] t = contribF;
                contribF = nextContribF;
                nextContribF = t;
            } else {
                double[] t = contrib;
                contrib = nextContrib;
                nextContrib = t;
            }
            return sum(blockChange);
        }

        private void sumDouble(int b, int vFrom, int vTo, double[] cur, double[] nx, double d, double uniform,
                               double base, double[] teleport) {
            double[] c = contrib;
            Arrays.fill(nx, vFrom, vTo, 0.0);
            int end = blockStart[b + 1];
            if (weight == null) {
                for (int k = blockStart[b]; k < end; k++) nx[vFrom + target[k]] += c[source[k]];
            } else {
                for (int k = blockStart[b]; k < end; k++) nx[vFrom + target[k]] += weight[k] * c[source[k]];
            }
            double change = 0;
            double dangling = 0;
            double[] cNext = nextContrib;
            for (int v = vFrom; v < vTo; v++) {
                double r = d * nx[v] + (teleport == null ? uniform : base * teleport[v]);
                nx[v] = r;
                change += Math.abs(r - cur[v]);
                cNext[v] = r * invOut[v];
                if (invOut[v] == 0) dangling += r;
            }
            blockChange[b] = change;
            blockDangling[b] = dangling;
        }

        private void sumSingle(int b, int vFrom, int vTo, float[] acc, double[] cur, double[] nx, double d,
                               double uniform, double base, double[] teleport) {
            float[] c = contribF;
            int len = vTo - vFrom;
            Arrays.fill(acc, 0, len, 0f);
            int end = blockStart[b + 1];
            if (weight == null) {
                for (int k = blockStart[b]; k < end; k++) acc[target[k]] += c[source[k]];
            } else {
                for (int k = blockStart[b]; k < end; k++) acc[target[k]] += (float) weight[k] * c[source[k]];
            }
            double change = 0;
            double dangling = 0;
            float[] cNext = nextContribF;
            for (int i = 0; i < len; i++) {
                int v = vFrom + i;
                double r = d * acc[i] + (teleport == null ? uniform : base * teleport[v]);
                nx[v] = r;
                change += Math.abs(r - cur[v]);
                cNext[v] = (float) (r * invOut[v]);
                if (invOut[v] == 0) dangling += r;
            }
            blockChange[b] = change;
            blockDangling[b] = dangling;
        }

        @Override
        public double dangling() { return sum(blockDangling); }
    }
}
