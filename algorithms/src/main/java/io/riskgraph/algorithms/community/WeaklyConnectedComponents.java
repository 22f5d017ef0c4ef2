package io.riskgraph.algorithms.community;

import io.riskgraph.algorithms.projection.CompactGraph;
import io.riskgraph.progress.Cancellation;

/**
 * Weakly connected components by union-find over every adjacency entry (direction ignored). The smaller index
 * always becomes the root, so a component is named by its smallest node index, which is also its smallest
 * store id: the same graph gives the same ids on every run.
 */
public final class WeaklyConnectedComponents {
    private final CompactGraph graph;
    private final Cancellation cancellation;
    private int[] components;
    private int count = -1;

    public WeaklyConnectedComponents(CompactGraph graph) {
        this(graph, Cancellation.NEVER);
    }

    public WeaklyConnectedComponents(CompactGraph graph, Cancellation cancellation) {
        if (graph == null) throw new IllegalArgumentException("graph is required");
        this.graph = graph;
        this.cancellation = cancellation == null ? Cancellation.NEVER : cancellation;
    }

    /** Per node, the smallest node index in its component. */
    public synchronized int[] components() {
        if (components == null) components = compute();
        return components;
    }

    public int componentCount() {
        int[] c = components();
        if (count < 0) {
            int k = 0;
            for (int v = 0; v < c.length; v++) if (c[v] == v) k++;
            count = k;
        }
        return count;
    }

    /** Per node, the size of its component. */
    public int[] componentSizes() {
        int[] c = components();
        int[] size = new int[c.length];
        for (int r : c) size[r]++;
        int[] out = new int[c.length];
        for (int v = 0; v < c.length; v++) out[v] = size[c[v]];
        return out;
    }

    private int[] compute() {
        int n = graph.nodeCount();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        int[] off = graph.offsetsArray();
        int[] tgt = graph.targetsArray();
        for (int u = 0; u < n; u++) {
            if ((u & 0xFFFF) == 0) cancellation.throwIfCancelled();
            for (int e = off[u], end = off[u + 1]; e < end; e++) {
                int a = find(parent, u);
                int b = find(parent, tgt[e]);
                if (a != b) {
                    if (a < b) parent[b] = a;
                    else parent[a] = b;
                }
            }
        }
        for (int i = 0; i < n; i++) parent[i] = find(parent, i);
        return parent;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]]; // path halving keeps trees flat without recursion
            x = parent[x];
        }
        return x;
    }
}
