package io.riskgraph.algorithms.centrality;

import io.riskgraph.algorithms.internal.Parallel;
import io.riskgraph.algorithms.projection.CompactGraph;
import io.riskgraph.algorithms.projection.Orientation;
import io.riskgraph.progress.Cancellation;
import io.riskgraph.progress.ProgressListener;

import java.util.SplittableRandom;

/**
 * Betweenness centrality over hop-count shortest paths (Brandes 2001), unnormalised, with NetworkX's
 * conventions: directed graphs count ordered pairs, undirected graphs count each pair once (halved).
 *
 * <p>On graphs larger than {@link BetweennessConfig#exactNodeLimit()} the sum over all sources is estimated from
 * k sources drawn uniformly with replacement and scaled by n/k (Brandes and Pich 2007). Each sampled term lies
 * in [0, n(n-2)], so by Hoeffding's inequality, for each node, |estimate - exact| &lt; n(n-2) sqrt(ln(2/α)/(2k))
 * with probability at least 1-α (halved for undirected graphs). {@link Result#errorBound()} is that figure; it is
 * loose for most nodes but honest.
 */
public final class Betweenness {
    /** Scores, whether they are exact, the sources used, and the absolute error bound at the given confidence. */
    public record Result(double[] scores, boolean exact, int sources, double errorBound, double confidence) {}

    private final CompactGraph graph;
    private final BetweennessConfig config;
    private final ProgressListener progress;
    private final Cancellation cancellation;
    private Result result;

    public Betweenness(CompactGraph graph, BetweennessConfig config) {
        this(graph, config, ProgressListener.NONE, Cancellation.NEVER);
    }

    public Betweenness(CompactGraph graph, BetweennessConfig config, ProgressListener progress,
                       Cancellation cancellation) {
        if (graph == null || config == null) throw new IllegalArgumentException("graph and config are required");
        this.graph = graph;
        this.config = config;
        this.progress = progress == null ? ProgressListener.NONE : progress;
        this.cancellation = cancellation == null ? Cancellation.NEVER : cancellation;
    }

    public synchronized Result result() {
        if (result == null) result = compute();
        return result;
    }

    public double[] scores() { return result().scores(); }

    private Result compute() {
        int n = graph.nodeCount();
        boolean exact = n <= config.exactNodeLimit();
        int k = exact ? n : config.sourcesFor(n, graph.relationshipCount());
        int[] sources = new int[k];
        if (exact) {
            for (int i = 0; i < n; i++) sources[i] = i;
        } else {
            SplittableRandom rnd = new SplittableRandom(config.seed());
            for (int i = 0; i < k; i++) sources[i] = rnd.nextInt(n);
        }
        CompactGraph in = graph.inverse();
        int threads = Math.min(config.concurrency(), Math.max(1, k));
        double[][] partial = new double[threads][];
        int[] bounds = Parallel.split(k, null, threads);
        progress.start("betweenness", k);
        Parallel.run(bounds, (part, from, to) -> {
            double[] bc = new double[n];
            double[] sigma = new double[n];
            double[] delta = new double[n];
            int[] dist = new int[n];
            java.util.Arrays.fill(dist, -1);
            int[] order = new int[n];
            for (int i = from; i < to; i++) {
                if ((i & 63) == 0) cancellation.throwIfCancelled();
                accumulate(sources[i], in, bc, sigma, delta, dist, order);
                if ((i & 63) == 63) progress.advance(64);
            }
            partial[part] = bc;
        });
        progress.finish("betweenness");
        double[] scores = new double[n];
        for (double[] p : partial) if (p != null) for (int v = 0; v < n; v++) scores[v] += p[v];
        double scale = exact ? 1.0 : (double) n / k;
        if (graph.orientation() == Orientation.UNDIRECTED) scale /= 2;
        for (int v = 0; v < n; v++) scores[v] *= scale;
        double alpha = 1 - config.confidence();
        double bound = exact ? 0
                : (double) n * Math.max(0, n - 2) * Math.sqrt(Math.log(2 / alpha) / (2.0 * k))
                        * (graph.orientation() == Orientation.UNDIRECTED ? 0.5 : 1);
        return new Result(scores, exact, k, bound, config.confidence());
    }

    /** One source: BFS counting shortest paths, then dependencies back along the BFS order. */
    private void accumulate(int s, CompactGraph in, double[] bc, double[] sigma, double[] delta, int[] dist,
                            int[] order) {
        int head = 0;
        int tail = 0;
        order[tail++] = s;
        dist[s] = 0;
        sigma[s] = 1;
        while (head < tail) {
            int v = order[head++];
            int dv = dist[v] + 1;
            for (int e = graph.start(v), end = graph.end(v); e < end; e++) {
                int w = graph.target(e);
                if (dist[w] < 0) {
                    dist[w] = dv;
                    order[tail++] = w;
                }
                if (dist[w] == dv) sigma[w] += sigma[v];
            }
        }
        for (int i = tail - 1; i > 0; i--) {
            int w = order[i];
            double coeff = (1 + delta[w]) / sigma[w];
            int dw = dist[w] - 1;
            for (int e = in.start(w), end = in.end(w); e < end; e++) {
                int v = in.target(e);
                if (dist[v] == dw) delta[v] += sigma[v] * coeff;
            }
            bc[w] += delta[w];
        }
        for (int i = 0; i < tail; i++) {
            int v = order[i];
            dist[v] = -1;
            sigma[v] = 0;
            delta[v] = 0;
        }
    }
}
