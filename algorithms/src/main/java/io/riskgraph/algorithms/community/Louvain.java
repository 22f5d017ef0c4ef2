package io.riskgraph.algorithms.community;

import io.riskgraph.algorithms.projection.CompactGraph;
import io.riskgraph.progress.Cancellation;
import io.riskgraph.progress.ProgressListener;

import java.util.Arrays;

/**
 * Louvain community detection (Blondel et al. 2008) on the projection taken as undirected and weighted: local
 * moving of single nodes to the neighbouring community with the best modularity gain, then aggregation of each
 * community into one node, repeated while modularity rises. Nodes are visited in index order, so runs repeat;
 * a sweep skips nodes none of whose neighbours moved since their last visit.
 * Works on its own double-weighted CSR per level; the first level reads the projection's arrays directly.
 */
public final class Louvain {
    /** Per node a dense community id 0..count-1; the final modularity, and modularity after each level. */
    public record Result(int[] communities, int communityCount, double modularity, double[] levelModularities) {}

    private final CompactGraph graph;
    private final LouvainConfig config;
    private final ProgressListener progress;
    private final Cancellation cancellation;
    private Result result;

    public Louvain(CompactGraph graph, LouvainConfig config) {
        this(graph, config, ProgressListener.NONE, Cancellation.NEVER);
    }

    public Louvain(CompactGraph graph, LouvainConfig config, ProgressListener progress, Cancellation cancellation) {
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

    /** The symmetric weighted adjacency one level works on. */
    private record Level(int n, int[] off, int[] tgt, double[] w) {
        double degree(int u) {
            double s = 0;
            for (int e = off[u]; e < off[u + 1]; e++) s += w[e];
            return s;
        }
    }

    private Result compute() {
        int n0 = graph.nodeCount();
        Level level = firstLevel();
        int[] membership = new int[n0];
        for (int i = 0; i < n0; i++) membership[i] = i;
        double[] levelQ = new double[config.maxLevels()];
        int levels = 0;
        double q = modularity(level, identity(level.n));
        progress.start("louvain", config.maxLevels());
        while (levels < config.maxLevels()) {
            cancellation.throwIfCancelled();
            int[] comm = moveNodes(level);
            int k = renumber(comm);
            double newQ = modularity(level, comm);
            if (k == level.n || newQ - q < config.tolerance()) {
                if (newQ > q && k < level.n) {
                    for (int i = 0; i < n0; i++) membership[i] = comm[membership[i]];
                    q = newQ;
                    levelQ[levels++] = q;
                }
                break;
            }
            for (int i = 0; i < n0; i++) membership[i] = comm[membership[i]];
            q = newQ;
            levelQ[levels++] = q;
            progress.advance(1);
            level = aggregate(level, comm, k);
        }
        progress.finish("louvain");
        int count = renumber(membership);
        return new Result(membership, count, q, Arrays.copyOf(levelQ, levels));
    }

    private Level firstLevel() {
        int n = graph.nodeCount();
        CompactGraph inv = graph.inverse();
        boolean undirected = inv == graph;
        // a directed projection is made symmetric: u-v weighs the sum of u->v and v->u
        int[] off = new int[n + 1];
        for (int u = 0; u < n; u++) off[u + 1] = off[u] + graph.degree(u) + (undirected ? 0 : inv.degree(u));
        int[] tgt = new int[off[n]];
        double[] w = new double[off[n]];
        for (int u = 0; u < n; u++) {
            int p = off[u];
            for (int e = graph.start(u); e < graph.end(u); e++) {
                tgt[p] = graph.target(e);
                w[p++] = graph.weight(e);
            }
            if (!undirected) {
                for (int e = inv.start(u); e < inv.end(u); e++) {
                    tgt[p] = inv.target(e);
                    w[p++] = inv.weight(e);
                }
            }
        }
        return new Level(n, off, tgt, w);
    }

    private int[] moveNodes(Level g) {
        int n = g.n;
        double[] k = new double[n];
        double m2 = 0;
        for (int u = 0; u < n; u++) {
            k[u] = g.degree(u);
            m2 += k[u];
        }
        int[] comm = identity(n);
        double[] tot = k.clone();
        if (m2 == 0) return comm;
        double gamma = config.resolution();
        double[] neighWeight = new double[n];
        Arrays.fill(neighWeight, -1);
        int[] neighComms = new int[n];
        // pruning (Ozaki et al. 2016): after the first sweep only nodes next to one that moved can gain from moving,
        // so a sweep visits those alone; the late sweeps of a level then cost a fraction of a full pass
        boolean[] active = new boolean[n];
        Arrays.fill(active, true);
        for (int sweep = 0; sweep < config.maxIterations(); sweep++) {
            cancellation.throwIfCancelled();
            double gain = 0;
            for (int u = 0; u < n; u++) {
                if (!active[u]) continue;
                active[u] = false;
                int cu = comm[u];
                int found = 0;
                neighWeight[cu] = 0;
                neighComms[found++] = cu;
                for (int e = g.off[u]; e < g.off[u + 1]; e++) {
                    int v = g.tgt[e];
                    if (v == u) continue;
                    int c = comm[v];
                    if (neighWeight[c] < 0) {
                        neighWeight[c] = 0;
                        neighComms[found++] = c;
                    }
                    neighWeight[c] += g.w[e];
                }
                tot[cu] -= k[u];
                int best = cu;
                double bestGain = neighWeight[cu] - gamma * tot[cu] * k[u] / m2;
                for (int i = 1; i < found; i++) {
                    int c = neighComms[i];
                    double dq = neighWeight[c] - gamma * tot[c] * k[u] / m2;
                    if (dq > bestGain) {
                        bestGain = dq;
                        best = c;
                    }
                }
                double stayGain = neighWeight[cu] - gamma * tot[cu] * k[u] / m2;
                tot[best] += k[u];
                if (best != cu) {
                    comm[u] = best;
                    gain += 2 * (bestGain - stayGain) / m2;
                    for (int e = g.off[u]; e < g.off[u + 1]; e++) active[g.tgt[e]] = true;
                }
                for (int i = 0; i < found; i++) neighWeight[neighComms[i]] = -1;
            }
            if (gain <= config.tolerance()) break;
        }
        return comm;
    }

    private static Level aggregate(Level g, int[] comm, int k) {
        // group nodes by community, then merge each community's adjacency with a dense scratch row
        int[] count = new int[k + 1];
        for (int u = 0; u < g.n; u++) count[comm[u] + 1]++;
        for (int c = 0; c < k; c++) count[c + 1] += count[c];
        int[] members = new int[g.n];
        int[] cursor = Arrays.copyOf(count, k);
        for (int u = 0; u < g.n; u++) members[cursor[comm[u]]++] = u;
        double[] row = new double[k];
        Arrays.fill(row, Double.NaN);
        int[] touched = new int[k];
        int[] off = new int[k + 1];
        int[] tgt = new int[Math.max(16, g.tgt.length / 2)];
        double[] w = new double[tgt.length];
        int p = 0;
        for (int c = 0; c < k; c++) {
            int t = 0;
            for (int i = count[c]; i < count[c + 1]; i++) {
                int u = members[i];
                for (int e = g.off[u]; e < g.off[u + 1]; e++) {
                    int d = comm[g.tgt[e]];
                    if (Double.isNaN(row[d])) {
                        row[d] = 0;
                        touched[t++] = d;
                    }
                    row[d] += g.w[e];
                }
            }
            if (p + t > tgt.length) {
                int cap = Math.max(p + t, tgt.length * 2);
                tgt = Arrays.copyOf(tgt, cap);
                w = Arrays.copyOf(w, cap);
            }
            for (int i = 0; i < t; i++) {
                int d = touched[i];
                tgt[p] = d;
                w[p++] = row[d];
                row[d] = Double.NaN;
            }
            off[c + 1] = p;
        }
        return new Level(k, off, Arrays.copyOf(tgt, p), Arrays.copyOf(w, p));
    }

    /** Q = Σ_c [in_c/2m - γ (tot_c/2m)²] for a partition of one level. */
    private double modularity(Level g, int[] comm) {
        int n = g.n;
        double[] in = new double[n];
        double[] tot = new double[n];
        double m2 = 0;
        for (int u = 0; u < n; u++) {
            for (int e = g.off[u]; e < g.off[u + 1]; e++) {
                tot[comm[u]] += g.w[e];
                m2 += g.w[e];
                if (comm[g.tgt[e]] == comm[u]) in[comm[u]] += g.w[e];
            }
        }
        if (m2 == 0) return 0;
        double q = 0;
        for (int c = 0; c < n; c++) {
            if (tot[c] == 0 && in[c] == 0) continue;
            q += in[c] / m2 - config.resolution() * (tot[c] / m2) * (tot[c] / m2);
        }
        return q;
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }

    /** Renumbers ids densely in order of first appearance; returns the count. */
    private static int renumber(int[] comm) {
        int[] map = new int[comm.length];
        Arrays.fill(map, -1);
        int k = 0;
        for (int i = 0; i < comm.length; i++) {
            int c = comm[i];
            if (map[c] < 0) map[c] = k++;
            comm[i] = map[c];
        }
        return k;
    }
}
