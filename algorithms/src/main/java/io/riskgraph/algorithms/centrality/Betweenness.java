package io.riskgraph.algorithms.centrality;

import io.riskgraph.algorithms.community.WeaklyConnectedComponents;
import org.eclipse.collections.impl.list.mutable.primitive.DoubleArrayList;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

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
 *
 * <p>Paths never cross connected components, so each component is estimated on its own: a node in component C of
 * nC nodes gets terms in [0, nC(nC-2)], and C needs only (nC(nC-2) / n(n-2))² of the sources the whole graph would
 * for the same bound; components where that would be more sources than nodes (or at most
 * {@link BetweennessConfig#SAMPLES_MIN} nodes) are computed exactly. The stated bound is the widest component's,
 * never wider than the whole-graph bound with {@link BetweennessConfig#sourcesFor} sources.
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
        boolean exactAll = n <= config.exactNodeLimit();
        double alpha = 1 - config.confidence();
        double halve = graph.orientation() == Orientation.UNDIRECTED ? 0.5 : 1;
        int[] sources;
        double[] weights;
        double bound = 0;
        boolean sampled = false;
        if (exactAll) {
            sources = new int[n];
            for (int i = 0; i < n; i++) sources[i] = i;
            weights = null;
        } else {
            // Pairs in different components have no path: each component is its own estimate. A node of component C
            // gets terms in [0, nC(nC-2)] from C's sources only, so C needs (nC(nC-2) / n(n-2))^2 of the sources
            // the whole graph would for the same bound, and small components are cheaper done exactly.
            int k = config.sourcesFor(n, graph.relationshipCount());
            double whole = (double) n * Math.max(1, n - 2);
            int[] comp = new WeaklyConnectedComponents(graph, cancellation).components();
            int[] start = new int[n + 1];
            for (int v = 0; v < n; v++) start[comp[v] + 1]++;
            for (int r = 0; r < n; r++) start[r + 1] += start[r];
            int[] members = new int[n];
            int[] fill = java.util.Arrays.copyOf(start, n);
            for (int v = 0; v < n; v++) members[fill[comp[v]]++] = v;
            IntArrayList src = new IntArrayList();
            DoubleArrayList w = new DoubleArrayList();
            SplittableRandom rnd = new SplittableRandom(config.seed());
            for (int r = 0; r < n; r++) {
                int size = start[r + 1] - start[r];
                if (size == 0) continue;
                double range = (double) size * Math.max(0, size - 2);
                int kc = (int) Math.min(Integer.MAX_VALUE, Math.ceil(k * Math.pow(range / whole, 2)));
                if (size <= BetweennessConfig.SAMPLES_MIN || kc >= size) {
                    for (int i = start[r]; i < start[r + 1]; i++) {
                        src.add(members[i]);
                        w.add(1);
                    }
                } else {
                    sampled = true;
                    kc = Math.max(1, kc);
                    for (int i = 0; i < kc; i++) {
                        src.add(members[start[r] + rnd.nextInt(size)]);
                        w.add((double) size / kc);
                    }
                    bound = Math.max(bound, range * Math.sqrt(Math.log(2 / alpha) / (2.0 * kc)) * halve);
                }
            }
            sources = src.toArray();
            weights = w.toArray();
        }
        int k = sources.length;
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
                accumulate(sources[i], weights == null ? 1 : weights[i], in, bc, sigma, delta, dist, order);
                if ((i & 63) == 63) progress.advance(64);
            }
            partial[part] = bc;
        });
        progress.finish("betweenness");
        double[] scores = new double[n];
        for (double[] p : partial) if (p != null) for (int v = 0; v < n; v++) scores[v] += p[v];
        for (int v = 0; v < n; v++) scores[v] *= halve;
        return new Result(scores, !sampled, k, bound, config.confidence());
    }

    /** One source: BFS counting shortest paths, then dependencies back along the BFS order. */
    private void accumulate(int s, double weight, CompactGraph in, double[] bc, double[] sigma, double[] delta, int[] dist,
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
            bc[w] += weight * delta[w];
        }
        for (int i = 0; i < tail; i++) {
            int v = order[i];
            dist[v] = -1;
            sigma[v] = 0;
            delta[v] = 0;
        }
    }
}
