package io.riskgraph.algorithms.projection;

import java.util.Arrays;
import java.util.List;

/**
 * Builds a {@link CompactGraph} from node ids and a relationship list. Used by {@link Projector} with store ids,
 * and directly by tests and benchmarks with generated graphs. Relationships are appended into growing primitive
 * buffers; {@link #build()} turns them into CSR with a counting sort (two passes, no per-edge objects).
 */
public final class GraphBuilder {
    private final List<String> labelNames;
    private final double[] typeWeights;
    private final List<String> typeNames;
    private final Orientation orientation;
    private final boolean weighted;

    private long[] nodeKeys = new long[1024];
    private int nodeCount;
    private long[] storeIds;
    private byte[] labels;
    private CompactGraph.IdMap idMap;

    private int[] src = new int[0];
    private int[] dst = new int[0];
    private byte[] type = new byte[0];
    private float[] weight;
    private int relCount;
    private long dropped;

    public GraphBuilder(List<String> labelNames, List<String> typeNames, double[] typeWeights,
                        Orientation orientation, boolean weighted) {
        if (typeNames.size() != typeWeights.length) throw new IllegalArgumentException("one weight per type");
        this.labelNames = List.copyOf(labelNames);
        this.typeNames = List.copyOf(typeNames);
        this.typeWeights = typeWeights.clone();
        this.orientation = orientation;
        this.weighted = weighted;
        this.weight = weighted ? new float[0] : null;
    }

    /** A builder for generated graphs: one label "Node", one type "REL" of weight 1. */
    public static GraphBuilder simple(Orientation orientation, boolean weighted) {
        return new GraphBuilder(List.of("Node"), List.of("REL"), new double[] {1.0}, orientation, weighted);
    }

    /** Nodes 0..n-1 with store ids equal to their index; skips the id sort. */
    public GraphBuilder nodes(int n) {
        storeIds = new long[n];
        for (int i = 0; i < n; i++) storeIds[i] = i;
        labels = new byte[n];
        nodeCount = n;
        idMap = new CompactGraph.IdMap(storeIds);
        return this;
    }

    /** Adds a node by store id; a node seen twice (several requested labels) keeps its first label. */
    public void addNode(long storeId, int label) {
        if (storeId < 0 || storeId >= (1L << 55)) throw new IllegalArgumentException("store id out of range: " + storeId);
        if (nodeCount == nodeKeys.length) nodeKeys = Arrays.copyOf(nodeKeys, nodeKeys.length * 2);
        // label in the low byte so that one sort orders by id and keeps ids with their labels
        nodeKeys[nodeCount++] = (storeId << 8) | label;
    }

    /** Ends node input: sorts ids (node index = rank of the store id), removes duplicates, builds the id map. */
    public void finishNodes() {
        if (storeIds != null) return;
        long[] keys = Arrays.copyOf(nodeKeys, nodeCount);
        nodeKeys = null;
        Arrays.parallelSort(keys);
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (n == 0 || (keys[i] >>> 8) != (keys[n - 1] >>> 8)) keys[n++] = keys[i];
        }
        storeIds = new long[n];
        labels = new byte[n];
        for (int i = 0; i < n; i++) {
            storeIds[i] = keys[i] >>> 8;
            labels[i] = (byte) (keys[i] & 0xFF);
        }
        nodeCount = n;
        idMap = new CompactGraph.IdMap(storeIds);
    }

    public int nodeCount() { return nodeCount; }

    public int indexOf(long storeId) { return idMap.indexOf(storeId); }

    /** Reserves room for this many more relationships, so that loading does not grow the buffers repeatedly. */
    public void expectRelationships(long more) {
        long need = relCount + more;
        if (need > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("too many relationships: " + need);
        ensure((int) need);
    }

    private void ensure(int capacity) {
        if (capacity <= src.length) return;
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(capacity, src.length + (src.length >> 1) + 16));
        src = Arrays.copyOf(src, cap);
        dst = Arrays.copyOf(dst, cap);
        type = Arrays.copyOf(type, cap);
        if (weighted) weight = Arrays.copyOf(weight, cap);
    }

    /** Adds a relationship between node indices. */
    public void addRelationship(int from, int to, int typeIndex, double w) {
        if (relCount == src.length) ensure(relCount + 1);
        src[relCount] = from;
        dst[relCount] = to;
        type[relCount] = (byte) typeIndex;
        if (weighted) weight[relCount] = (float) w;
        relCount++;
    }

    /** Adds a relationship between store ids; dropped when an end is not a projected node. */
    public void addStoreRelationship(long from, long to, int typeIndex, double propertyWeight) {
        int a = idMap.indexOf(from);
        int b = idMap.indexOf(to);
        if (a < 0 || b < 0) {
            dropped++;
            return;
        }
        double w = typeWeights[typeIndex];
        // a missing property (NaN) leaves the type weight alone
        if (weighted && !Double.isNaN(propertyWeight)) w *= propertyWeight;
        addRelationship(a, b, typeIndex, w);
    }

    public long droppedRelationships() { return dropped; }

    public CompactGraph build() {
        finishNodes();
        int n = nodeCount;
        int m = relCount;
        long entriesL = orientation == Orientation.UNDIRECTED ? 2L * m : m;
        if (entriesL > Integer.MAX_VALUE - 8) throw new IllegalStateException("too many adjacency entries: " + entriesL);
        int entries = (int) entriesL;
        int[] off = new int[n + 1];
        for (int i = 0; i < m; i++) {
            switch (orientation) {
                case NATURAL -> off[src[i] + 1]++;
                case REVERSE -> off[dst[i] + 1]++;
                case UNDIRECTED -> {
                    off[src[i] + 1]++;
                    off[dst[i] + 1]++;
                }
            }
        }
        for (int i = 0; i < n; i++) off[i + 1] += off[i];
        int[] cursor = Arrays.copyOf(off, n);
        int[] tg = new int[entries];
        byte[] ty = new byte[entries];
        float[] wt = weighted ? new float[entries] : null;
        for (int i = 0; i < m; i++) {
            int a = src[i];
            int b = dst[i];
            if (orientation != Orientation.REVERSE) {
                int p = cursor[a]++;
                tg[p] = b;
                ty[p] = type[i];
                if (wt != null) wt[p] = weight[i];
            }
            if (orientation != Orientation.NATURAL) {
                int p = cursor[b]++;
                tg[p] = a;
                ty[p] = type[i];
                if (wt != null) wt[p] = weight[i];
            }
        }
        src = dst = null;
        type = null;
        weight = null;
        return new CompactGraph(storeIds, labels, labelNames, off, tg, ty, wt, typeWeights, typeNames, orientation,
                idMap, m);
    }
}
