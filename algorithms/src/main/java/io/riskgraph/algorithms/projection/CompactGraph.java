package io.riskgraph.algorithms.projection;

import java.util.Arrays;
import java.util.List;

/**
 * A projected graph on primitive arrays: nodes are indices 0..n-1, adjacency is compressed sparse rows (CSR).
 * Immutable once built, so algorithms may read it from several threads. Parallel relationships stay separate
 * (a person who is both director and shareholder is linked twice, each with its own type and weight).
 *
 * <p>Heap: per node 8 (store id) + 4 (offset) + 1 (label) bytes plus the id map; per adjacency entry 4 (target)
 * + 1 (type) bytes, + 4 when a weight property was read. An undirected projection holds two entries per
 * relationship.
 */
public final class CompactGraph {
    private final long[] storeIds;
    private final byte[] labels;
    private final List<String> labelNames;
    private final int[] offsets;
    private final int[] targets;
    private final byte[] types;
    private final float[] weights;
    private final double[] typeWeights;
    private final List<String> typeNames;
    private final Orientation orientation;
    private final IdMap idMap;
    private final long relationshipCount;
    private volatile CompactGraph inverse;
    private volatile double[] weightedOutDegree;

    CompactGraph(long[] storeIds, byte[] labels, List<String> labelNames, int[] offsets, int[] targets,
                 byte[] types, float[] weights, double[] typeWeights, List<String> typeNames,
                 Orientation orientation, IdMap idMap, long relationshipCount) {
        this.storeIds = storeIds;
        this.labels = labels;
        this.labelNames = List.copyOf(labelNames);
        this.offsets = offsets;
        this.targets = targets;
        this.types = types;
        this.weights = weights;
        this.typeWeights = typeWeights;
        this.typeNames = List.copyOf(typeNames);
        this.orientation = orientation;
        this.idMap = idMap;
        this.relationshipCount = relationshipCount;
    }

    public int nodeCount() { return storeIds.length; }

    /** Relationships projected (an undirected relationship counts once). */
    public long relationshipCount() { return relationshipCount; }

    /** Adjacency entries: relationships, or twice that when undirected. */
    public int entryCount() { return targets.length; }

    public Orientation orientation() { return orientation; }

    public long storeId(int node) { return storeIds[node]; }

    /** The node index of a store id, or -1 when the node is not in the projection. */
    public int indexOf(long storeId) { return idMap.indexOf(storeId); }

    public int label(int node) { return labels[node]; }

    public String labelName(int node) { return labelNames.get(labels[node]); }

    public List<String> labelNames() { return labelNames; }

    public List<String> typeNames() { return typeNames; }

    public int degree(int node) { return offsets[node + 1] - offsets[node]; }

    /** First adjacency entry of a node; entries run to {@link #end(int)} exclusive. */
    public int start(int node) { return offsets[node]; }

    public int end(int node) { return offsets[node + 1]; }

    public int target(int entry) { return targets[entry]; }

    public int type(int entry) { return types[entry]; }

    public String typeName(int entry) { return typeNames.get(types[entry]); }

    public double weight(int entry) {
        return weights == null ? typeWeights[types[entry]] : weights[entry];
    }

    /** True when every entry weighs the same, so algorithms may skip reading weights. */
    public boolean uniformWeights() {
        if (weights != null) return false;
        for (int i = 1; i < typeWeights.length; i++) if (typeWeights[i] != typeWeights[0]) return false;
        return true;
    }

    /** Raw arrays for tight loops in this module's algorithms; callers must not modify them. */
    public int[] offsetsArray() { return offsets; }

    public int[] targetsArray() { return targets; }

    /** Sum of entry weights per node, computed once. */
    public double[] weightedOutDegree() {
        double[] w = weightedOutDegree;
        if (w == null) {
            w = new double[nodeCount()];
            for (int v = 0; v < w.length; v++) {
                double s = 0;
                for (int e = offsets[v]; e < offsets[v + 1]; e++) s += weight(e);
                w[v] = s;
            }
            weightedOutDegree = w;
        }
        return w;
    }

    /**
     * The same nodes with every entry flipped (in-adjacency), built once and cached. An undirected graph is its
     * own inverse. Pull-based algorithms (PageRank) use it to avoid write contention between threads.
     */
    public CompactGraph inverse() {
        if (orientation == Orientation.UNDIRECTED) return this;
        CompactGraph inv = inverse;
        if (inv == null) {
            synchronized (this) {
                inv = inverse;
                if (inv == null) {
                    int n = nodeCount();
                    int[] off = new int[n + 1];
                    for (int t : targets) off[t + 1]++;
                    for (int i = 0; i < n; i++) off[i + 1] += off[i];
                    int[] cursor = Arrays.copyOf(off, n);
                    int[] tg = new int[targets.length];
                    byte[] ty = new byte[targets.length];
                    float[] wt = weights == null ? null : new float[targets.length];
                    for (int v = 0; v < n; v++) {
                        for (int e = offsets[v]; e < offsets[v + 1]; e++) {
                            int p = cursor[targets[e]]++;
                            tg[p] = v;
                            ty[p] = types[e];
                            if (wt != null) wt[p] = weights[e];
                        }
                    }
                    Orientation o = orientation == Orientation.NATURAL ? Orientation.REVERSE : Orientation.NATURAL;
                    inv = new CompactGraph(storeIds, labels, labelNames, off, tg, ty, wt, typeWeights, typeNames, o,
                            idMap, relationshipCount);
                    inv.inverse = this;
                    inverse = inv;
                }
            }
        }
        return inv;
    }

    /** Heap held by the arrays of this graph (not its cached inverse). */
    public long heapBytes() {
        long b = 8L * storeIds.length + labels.length + 4L * offsets.length + 4L * targets.length + types.length;
        if (weights != null) b += 4L * weights.length;
        return b + idMap.heapBytes();
    }

    /** Store id to index: a direct table when ids are dense (Neo4j's are), binary search over sorted ids otherwise. */
    static final class IdMap {
        private final long[] sortedIds;
        private final int[] direct;

        IdMap(long[] sortedIds) {
            this.sortedIds = sortedIds;
            long max = sortedIds.length == 0 ? -1 : sortedIds[sortedIds.length - 1];
            long min = sortedIds.length == 0 ? 0 : sortedIds[0];
            if (min >= 0 && max < Integer.MAX_VALUE - 8 && max + 1 <= Math.max(4L * sortedIds.length, 1 << 20)) {
                direct = new int[(int) (max + 1)];
                Arrays.fill(direct, -1);
                for (int i = 0; i < sortedIds.length; i++) direct[(int) sortedIds[i]] = i;
            } else {
                direct = null;
            }
        }

        int indexOf(long id) {
            if (direct != null) return id >= 0 && id < direct.length ? direct[(int) id] : -1;
            int i = Arrays.binarySearch(sortedIds, id);
            return i >= 0 ? i : -1;
        }

        long heapBytes() { return direct == null ? 0 : 4L * direct.length; }
    }
}
