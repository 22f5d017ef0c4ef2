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
 *
 * <p>Cost. On an undirected graph every leaf (a node whose only adjacency entry leads to a node with more; the
 * party network is mostly such phones, addresses and one-firm persons) is folded into its anchor before any
 * search, and the searches run on the kept nodes only. This changes no score: a leaf is never inside a shortest
 * path, every path to it passes its anchor x, so x's predecessors depend on x with weight 1 + leaves(x) + δ(x),
 * x gains leaves(x) for every source of its component but itself and its leaves, and a search from a leaf is its
 * anchor's search (the leaf's dependency on its anchor is nC - 2). A drawn leaf therefore takes its anchor's
 * search, so the sampled scores are the same estimator, from the same draws, with the same stated bound, as
 * one search per drawn source on the whole graph (tests: exact against JGraphT on forests with cycles, sampled
 * against that unfolded estimator). The kept nodes are renumbered breadth-first so that a search meets
 * neighbours near each other in memory, and the searches are dealt out to the threads in turn from the most
 * expensive (biggest component) down, so a big component's few sources do not all land on one thread.
 * Directed graphs are searched as they are.
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
        double halve = graph.orientation() == Orientation.UNDIRECTED ? 0.5 : 1;
        int[] comp = new WeaklyConnectedComponents(graph, cancellation).components();
        int[] compSize = new int[n];
        for (int v = 0; v < n; v++) compSize[comp[v]]++;
        Plan plan = plan(comp);
        int[] sources = plan.sources();
        double[] weights = plan.weights();
        cancellation.throwIfCancelled();
        Folded f = Folded.of(graph);
        int r = f.nodes();
        // Each source's weight goes to the kept node whose search it takes: its own, or its leaf's anchor's.
        double[] viaSelf = new double[r];
        double[] viaLeaf = new double[r];
        double[] compWeight = new double[n];
        for (int i = 0; i < sources.length; i++) {
            int s = sources[i];
            double wt = weights == null ? 1 : weights[i];
            compWeight[comp[s]] += wt;
            int x = f.id[s];
            if (x >= 0) viaSelf[x] += wt;
            else viaLeaf[f.id[f.anchor(s)]] += wt;
        }
        IntArrayList searches = new IntArrayList();
        for (int x = 0; x < r; x++) if (viaSelf[x] + viaLeaf[x] > 0) searches.add(x);
        int[] todo = byFallingCost(searches.toArray(), x -> compSize[comp[f.original[x]]]);
        int k = todo.length;
        int threads = Math.min(config.concurrency(), Math.max(1, k));
        double[][] partial = new double[threads][];
        progress.start("betweenness", k);
        Parallel.run(Parallel.split(threads, null, threads), (part, from, to) -> {
            double[] bc = new double[r];
            double[] sigma = new double[r];
            double[] delta = new double[r];
            int[] dist = new int[r];
            java.util.Arrays.fill(dist, -1);
            int[] order = new int[r];
            int done = 0;
            // the most expensive searches first, dealt out in turn: a big component's few sources are shared
            for (int j = part; j < k; j += threads) {
                if ((done & 63) == 0) cancellation.throwIfCancelled();
                int x = todo[j];
                accumulate(x, viaSelf[x] + viaLeaf[x], f, bc, sigma, delta, dist, order);
                if ((++done & 63) == 0) progress.advance(64);
            }
            partial[part] = bc;
        });
        progress.finish("betweenness");
        double[] scores = new double[n];
        for (int x = 0; x < r; x++) {
            int v = f.original[x];
            double s = 0;
            for (double[] p : partial) if (p != null) s += p[x];
            int leaves = f.leaves == null ? 0 : f.leaves[x];
            if (leaves > 0) {
                // x lies on every path to its own leaves from the rest of its component, and on every path from a
                // leaf of x to anything but x
                s += leaves * (compWeight[comp[v]] - viaSelf[x] - viaLeaf[x]) + viaLeaf[x] * (compSize[comp[v]] - 2);
            }
            scores[v] = s * halve;
        }
        return new Result(scores, !plan.sampled(), sources.length, plan.errorBound(), config.confidence());
    }

    /**
     * The estimator: sources (original node indices, repeats allowed) with their weights (null: all 1), whether any
     * component is sampled, and the stated bound. The scores are the weighted sum of the sources' dependencies.
     */
    record Plan(int[] sources, double[] weights, boolean sampled, double errorBound) {}

    /** Which sources the scores sum over; {@code comp} names each node's component. */
    Plan plan(int[] comp) {
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
        return new Plan(sources, weights, sampled, bound);
    }

    /** Positions of {@code items} in order of falling cost, ties in their given order. */
    private static int[] byFallingCost(int[] items, java.util.function.IntUnaryOperator cost) {
        int k = items.length;
        long[] keyed = new long[k];
        for (int i = 0; i < k; i++) keyed[i] = ((long) (Integer.MAX_VALUE - cost.applyAsInt(items[i])) << 32) | i;
        java.util.Arrays.sort(keyed);
        int[] out = new int[k];
        for (int i = 0; i < k; i++) out[i] = items[(int) keyed[i]];
        return out;
    }

    /**
     * One source (a kept node): BFS counting shortest paths, then dependencies back along the BFS order. A kept
     * node w stands for itself and its folded leaves, so a predecessor's dependency on it is (1 + leaves + δ(w)).
     */
    private static void accumulate(int s, double weight, Folded f, double[] bc, double[] sigma, double[] delta,
                                   int[] dist, int[] order) {
        int[] off = f.offsets;
        int[] tgt = f.targets;
        int[] inOff = f.inOffsets;
        int[] inTgt = f.inTargets;
        int[] leaves = f.leaves;
        int head = 0;
        int tail = 0;
        order[tail++] = s;
        dist[s] = 0;
        sigma[s] = 1;
        while (head < tail) {
            int v = order[head++];
            int dv = dist[v] + 1;
            double sv = sigma[v];
            for (int e = off[v], end = off[v + 1]; e < end; e++) {
                int w = tgt[e];
                int dw = dist[w];
                if (dw < 0) {
                    dist[w] = dv;
                    order[tail++] = w;
                    sigma[w] = sv;
                } else if (dw == dv) {
                    sigma[w] += sv;
                }
            }
        }
        for (int i = tail - 1; i > 0; i--) {
            int w = order[i];
            double coeff = ((leaves == null ? 1 : 1 + leaves[w]) + delta[w]) / sigma[w];
            int dw = dist[w] - 1;
            for (int e = inOff[w], end = inOff[w + 1]; e < end; e++) {
                int v = inTgt[e];
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

    /**
     * The graph the searches run on. Undirected: every leaf (a node whose only adjacency entry leads to a node with
     * more) is folded into that anchor, and the kept nodes are renumbered in breadth-first order so that a search
     * finds neighbours near each other in memory. Directed: the graph as it is, with its inverse.
     */
    private static final class Folded {
        final int[] id;        // original node -> kept node, or -1 for a folded leaf
        final int[] original;  // kept node -> original node
        final int[] leaves;    // per kept node, its folded leaves; null when nothing is folded
        final int[] offsets;
        final int[] targets;
        final int[] inOffsets;
        final int[] inTargets;
        private final CompactGraph graph;

        private Folded(CompactGraph graph, int[] id, int[] original, int[] leaves, int[] offsets, int[] targets,
                       int[] inOffsets, int[] inTargets) {
            this.graph = graph;
            this.id = id;
            this.original = original;
            this.leaves = leaves;
            this.offsets = offsets;
            this.targets = targets;
            this.inOffsets = inOffsets;
            this.inTargets = inTargets;
        }

        int nodes() { return original.length; }

        /** The node a folded leaf hangs from. */
        int anchor(int leaf) { return graph.target(graph.start(leaf)); }

        static Folded of(CompactGraph g) {
            int n = g.nodeCount();
            if (g.orientation() != Orientation.UNDIRECTED) {
                int[] id = new int[n];
                for (int v = 0; v < n; v++) id[v] = v;
                CompactGraph in = g.inverse();
                return new Folded(g, id, id, null, g.offsetsArray(), g.targetsArray(), in.offsetsArray(), in.targetsArray());
            }
            int[] off = g.offsetsArray();
            int[] tgt = g.targetsArray();
            // a leaf: one adjacency entry, to another node that has more (so a lone pair keeps both ends)
            boolean[] kept = new boolean[n];
            int r = 0;
            for (int v = 0; v < n; v++) {
                kept[v] = off[v + 1] - off[v] != 1 || tgt[off[v]] == v || off[tgt[off[v]] + 1] - off[tgt[off[v]]] == 1;
                if (kept[v]) r++;
            }
            // breadth-first numbering of the kept nodes, component after component
            int[] id = new int[n];
            java.util.Arrays.fill(id, -1);
            int[] original = new int[r];
            int next = 0;
            for (int root = 0; root < n; root++) {
                if (!kept[root] || id[root] >= 0) continue;
                int head = next;
                id[root] = next;
                original[next++] = root;
                while (head < next) {
                    int v = original[head++];
                    for (int e = off[v]; e < off[v + 1]; e++) {
                        int w = tgt[e];
                        if (kept[w] && id[w] < 0) {
                            id[w] = next;
                            original[next++] = w;
                        }
                    }
                }
            }
            int[] leaves = new int[r];
            int[] offsets = new int[r + 1];
            for (int v = 0; v < n; v++) {
                if (kept[v]) {
                    int x = id[v];
                    for (int e = off[v]; e < off[v + 1]; e++) {
                        if (kept[tgt[e]]) offsets[x + 1]++;
                        else leaves[x]++;
                    }
                }
            }
            for (int x = 0; x < r; x++) offsets[x + 1] += offsets[x];
            int[] targets = new int[offsets[r]];
            for (int x = 0; x < r; x++) {
                int v = original[x];
                int p = offsets[x];
                for (int e = off[v]; e < off[v + 1]; e++) if (kept[tgt[e]]) targets[p++] = id[tgt[e]];
            }
            return new Folded(g, id, original, leaves, offsets, targets, offsets, targets);
        }
    }
}
