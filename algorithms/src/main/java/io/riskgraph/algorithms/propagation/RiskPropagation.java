package io.riskgraph.algorithms.propagation;

import io.riskgraph.algorithms.internal.Parallel;
import io.riskgraph.algorithms.projection.CompactGraph;
import io.riskgraph.progress.Cancellation;
import io.riskgraph.progress.ProgressListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inherited risk: for every node v, the sum over risk sources s ≠ v of own(s) × strength(s, v) (see
 * {@link PropagationConfig}). Each source reaches a node along one path, its strongest, so a node's inherited
 * risk splits exactly into per-source contributions, each with the path that carried it; a node never inherits
 * its own risk back through a cycle.
 *
 * <p>The whole-graph pass runs a hop-bounded best-path search (Bellman-Ford by layers) from every source, the
 * sources split over the threads, each thread adding into its own array. {@link #explain(int, int)} runs the
 * same search backwards from one node, independently of the whole-graph pass, and the two agree because
 * strength is symmetric.
 */
public final class RiskPropagation {
    /** Own and inherited risk per node, and how many nodes had own risk. */
    public record Result(double[] own, double[] inherited, int sources) {
        public double total(int node) { return own[node] + inherited[node]; }
    }

    /** A path from a source to the explained node: store ids and labels, and the types between them. */
    public record Path(long[] storeIds, String[] labels, String[] types) {
        public int length() { return types.length; }
    }

    /** One source's share of a node's inherited risk. */
    public record Contribution(int source, long sourceStoreId, double sourceOwnRisk, double strength,
                               double contribution, Path path) {}

    /**
     * Where a node's inherited risk comes from: the largest contributions with their paths, and the rest in one
     * sum, so that {@code top} plus {@code others} is the inherited risk.
     */
    public record Explanation(int node, long storeId, double own, double inherited, List<Contribution> top,
                              int otherSources, double otherContribution) {
        public double explained() {
            double s = otherContribution;
            for (Contribution c : top) s += c.contribution();
            return s;
        }
    }

    private final CompactGraph graph;
    private final PropagationConfig config;
    private final double[] own;
    private final ProgressListener progress;
    private final Cancellation cancellation;
    private final double maxWeight;
    private Result result;

    public RiskPropagation(CompactGraph graph, PropagationConfig config, double[] ownRisk) {
        this(graph, config, ownRisk, ProgressListener.NONE, Cancellation.NEVER);
    }

    public RiskPropagation(CompactGraph graph, PropagationConfig config, double[] ownRisk, ProgressListener progress,
                           Cancellation cancellation) {
        if (graph == null || config == null || ownRisk == null) {
            throw new IllegalArgumentException("graph, config and own risk are required");
        }
        if (ownRisk.length != graph.nodeCount()) {
            throw new IllegalArgumentException("own risk has " + ownRisk.length + " values for " + graph.nodeCount() + " nodes");
        }
        for (double r : ownRisk) {
            if (!(r >= 0) || Double.isInfinite(r)) throw new IllegalArgumentException("own risk must be finite and not negative, got " + r);
        }
        this.graph = graph;
        this.config = config;
        this.own = ownRisk.clone();
        this.progress = progress == null ? ProgressListener.NONE : progress;
        this.cancellation = cancellation == null ? Cancellation.NEVER : cancellation;
        double mw = 0;
        for (int e = 0; e < graph.entryCount(); e++) mw = Math.max(mw, weight(e));
        this.maxWeight = mw;
    }

    /** The same graph and configuration with other (checked) own risk: nothing graph-sized is recomputed. */
    private RiskPropagation(RiskPropagation base, double[] ownRisk) {
        this.graph = base.graph;
        this.config = base.config;
        this.own = ownRisk.clone();
        this.progress = base.progress;
        this.cancellation = base.cancellation;
        this.maxWeight = base.maxWeight;
    }

    /** Projection weights above 1 would let a path strengthen along the way; they are capped. */
    private double weight(int e) { return Math.min(1.0, graph.weight(e)); }

    private double hub(int x) {
        int d = graph.degree(x);
        return d <= config.hubDegree() ? 1.0 : (double) config.hubDegree() / d;
    }

    public synchronized Result result() {
        if (result == null) result = compute();
        return result;
    }

    private Result compute() {
        int n = graph.nodeCount();
        int sourceCount = 0;
        for (double r : own) if (r > 0) sourceCount++;
        int[] sources = new int[sourceCount];
        for (int v = 0, i = 0; v < n; v++) if (own[v] > 0) sources[i++] = v;
        int threads = Math.min(Parallel.CONCURRENCY_DEFAULT, Math.max(1, sourceCount));
        double[][] partial = new double[threads][];
        progress.start("risk propagation", sourceCount);
        Parallel.run(Parallel.split(sourceCount, null, threads), (part, from, to) -> {
            Search search = new Search(n);
            double[] inherited = new double[n];
            for (int i = from; i < to; i++) {
                if ((i & 255) == 0) cancellation.throwIfCancelled();
                int s = sources[i];
                search.run(s, own[s], null);
                for (int j = 0; j < search.touchedCount; j++) {
                    int y = search.touched[j];
                    double c = own[s] * search.best[y];
                    if (c >= config.minContribution()) inherited[y] += c;
                }
                search.reset();
                if ((i & 255) == 255) progress.advance(256);
            }
            partial[part] = inherited;
        });
        progress.finish("risk propagation");
        double[] inherited = new double[n];
        for (double[] p : partial) if (p != null) for (int v = 0; v < n; v++) inherited[v] += p[v];
        return new Result(own.clone(), inherited, sourceCount);
    }

    /** A propagation after own risk changed, and the nodes whose inherited risk changed (ascending). */
    public record Update(RiskPropagation next, int[] changed) {}

    /**
     * The propagation with new own risk, computed from this one's result by one search per node whose own risk
     * changed (its old contributions taken away, its new ones added), so that a few new events cost a few searches
     * rather than the whole-graph pass. Each contribution passes the same minimum as in the whole-graph pass; sums
     * differ from a fresh pass by rounding only.
     */
    public Update update(double[] newOwn) {
        if (newOwn == null || newOwn.length != own.length) {
            throw new IllegalArgumentException("own risk must have " + own.length + " values");
        }
        double[] inherited = result().inherited().clone();
        Search search = new Search(own.length);
        java.util.BitSet changed = new java.util.BitSet(own.length);
        for (int s = 0; s < own.length; s++) {
            if (newOwn[s] != own[s]) move(s, own[s], checked(newOwn[s]), inherited, search, changed);
        }
        settle(inherited, changed);
        RiskPropagation next = new RiskPropagation(this, newOwn);
        int sources = 0;
        for (double r : newOwn) if (r > 0) sources++;
        next.result = new Result(newOwn.clone(), inherited, sources);
        return new Update(next, changed.stream().toArray());
    }

    private static double checked(double r) {
        if (!(r >= 0) || Double.isInfinite(r)) throw new IllegalArgumentException("own risk must be finite and not negative, got " + r);
        return r;
    }

    /** Moves source {@code s}'s contributions from own risk {@code from} to {@code to}: one search per non-zero value. */
    private void move(int s, double from, double to, double[] inherited, Search search, java.util.BitSet changed) {
        for (int pass = 0; pass < 2; pass++) {
            double o = pass == 0 ? from : to;
            if (o == 0) continue;
            search.run(s, o, null);
            for (int j = 0; j < search.touchedCount; j++) {
                int y = search.touched[j];
                double c = o * search.best[y];
                if (c < config.minContribution()) continue;
                inherited[y] += pass == 0 ? -c : c;
                changed.set(y);
            }
            search.reset();
        }
    }

    /** What is left of a contribution taken away is rounding: a node that inherits nothing reads exactly 0. */
    private static void settle(double[] inherited, java.util.BitSet changed) {
        for (int y = changed.nextSetBit(0); y >= 0; y = changed.nextSetBit(y + 1)) if (inherited[y] < 1e-12) inherited[y] = 0;
    }

    /**
     * This propagation's result as a {@link Live} one, kept current in place as own risk changes at a few nodes.
     */
    public Live live() {
        Result r = result();
        return new Live(r.own().clone(), r.inherited().clone());
    }

    /**
     * A propagation kept current in place: each change of a node's own risk costs one search from it (its old
     * contributions taken away, its new ones added, as {@link #update}) and nothing graph-sized, so that a
     * long-running re-grade follows an event in the time of a few searches; {@link #update} copies the graph's arrays
     * (hundreds of MB at a city's 20 M nodes) for every change. Gives what {@link #update} gives. Not thread-safe.
     */
    public final class Live {
        private final double[] own, inherited;
        private Search search;
        private final java.util.BitSet changed = new java.util.BitSet();

        private Live(double[] own, double[] inherited) {
            this.own = own;
            this.inherited = inherited;
        }

        /** Own risk per node, current: the live array, read-only to callers. */
        public double[] own() { return own; }

        /** Inherited risk per node, current: the live array, read-only to callers. */
        public double[] inherited() { return inherited; }

        /**
         * Sets the own risk of {@code nodes} to {@code values} (aligned; a node may repeat, the last value wins);
         * returns the nodes whose inherited risk changed, ascending. Values are checked before anything changes.
         */
        public int[] set(int[] nodes, double[] values) {
            if (nodes == null || values == null || nodes.length != values.length) {
                throw new IllegalArgumentException("nodes and values must be given and aligned");
            }
            for (int k = 0; k < nodes.length; k++) {
                if (nodes[k] < 0 || nodes[k] >= own.length) throw new IllegalArgumentException("no node " + nodes[k]);
                checked(values[k]);
            }
            if (search == null) search = new Search(own.length);
            changed.clear();
            for (int k = 0; k < nodes.length; k++) {
                int s = nodes[k];
                if (values[k] == own[s]) continue;
                move(s, own[s], values[k], inherited, search, changed);
                own[s] = values[k];
            }
            settle(inherited, changed);
            return changed.stream().toArray();
        }
    }

    /**
     * Explains one node: every source that reaches it, the largest {@code topSources} with their strongest
     * paths. Computed from the node alone, so it can serve a single request without the whole-graph pass.
     */
    public Explanation explain(int node, int topSources) {
        if (node < 0 || node >= graph.nodeCount()) throw new IllegalArgumentException("no node " + node);
        if (topSources < 0) throw new IllegalArgumentException("topSources must not be negative, got " + topSources);
        double maxOwn = 0;
        for (double r : own) maxOwn = Math.max(maxOwn, r);
        Search search = new Search(graph.nodeCount());
        List<Map<Integer, long[]>> preds = new ArrayList<>();
        search.run(node, maxOwn, preds);
        List<Contribution> all = new ArrayList<>();
        for (int j = 0; j < search.touchedCount; j++) {
            int s = search.touched[j];
            double c = own[s] * search.best[s];
            if (own[s] > 0 && c >= config.minContribution()) {
                all.add(new Contribution(s, graph.storeId(s), own[s], search.best[s], c, null));
            }
        }
        all.sort(Comparator.comparingDouble(Contribution::contribution).reversed()
                .thenComparingInt(Contribution::source));
        double total = 0;
        for (Contribution c : all) total += c.contribution();
        List<Contribution> top = new ArrayList<>();
        double others = 0;
        for (int i = 0; i < all.size(); i++) {
            Contribution c = all.get(i);
            if (i < topSources) {
                top.add(new Contribution(c.source(), c.sourceStoreId(), c.sourceOwnRisk(), c.strength(),
                        c.contribution(), path(c.source(), node, preds)));
            } else {
                others += c.contribution();
            }
        }
        return new Explanation(node, graph.storeId(node), own[node], total, List.copyOf(top),
                Math.max(0, all.size() - topSources), others);
    }

    /** Walks the per-layer predecessors from the source back to the explained node. */
    private Path path(int source, int target, List<Map<Integer, long[]>> preds) {
        List<Integer> nodes = new ArrayList<>();
        List<String> types = new ArrayList<>();
        int y = source;
        int layer = preds.size() - 1;
        nodes.add(y);
        while (y != target) {
            long[] p = null;
            while (layer >= 0 && (p = preds.get(layer).get(y)) == null) layer--;
            if (p == null) throw new IllegalStateException("no path recorded from " + source);
            types.add(graph.typeName((int) p[1]));
            y = (int) p[0];
            nodes.add(y);
            layer--;
        }
        long[] ids = new long[nodes.size()];
        String[] labels = new String[nodes.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = graph.storeId(nodes.get(i));
            labels[i] = graph.labelName(nodes.get(i));
        }
        return new Path(ids, labels, types.toArray(String[]::new));
    }

    /** Hop-layered best-path search; arrays are reused across sources and reset through the touched list. */
    private final class Search {
        final double[] best;
        final int[] touched;
        int touchedCount;
        private final int[] stamp;
        private int round;
        private int[] frontier = new int[64];
        private double[] frontierValue = new double[64];
        private int[] next = new int[64];

        Search(int n) {
            best = new double[n];
            touched = new int[n];
            stamp = new int[n];
        }

        /**
         * From {@code origin}: best[y] = strongest path within maxHops. Nothing is expanded once even
         * {@code scale} times the best possible next step would fall below the minimum contribution.
         * When {@code preds} is given, each layer records (predecessor, entry) for the nodes it improved.
         */
        void run(int origin, double scale, List<Map<Integer, long[]>> preds) {
            int frontierCount = 1;
            frontier[0] = origin;
            frontierValue[0] = 1.0;
            double decay = config.decay();
            double min = config.minContribution();
            for (int hop = 0; hop < config.maxHops() && frontierCount > 0; hop++) {
                round++;
                Map<Integer, long[]> layer = preds == null ? null : new HashMap<>();
                int nextCount = 0;
                for (int i = 0; i < frontierCount; i++) {
                    int x = frontier[i];
                    double base = frontierValue[i] * decay * (x == origin ? 1.0 : hub(x));
                    if (scale * base * maxWeight < min) continue;
                    for (int e = graph.start(x), end = graph.end(x); e < end; e++) {
                        int y = graph.target(e);
                        if (y == origin) continue;
                        double cand = base * weight(e);
                        if (cand > best[y]) {
                            if (best[y] == 0) touched[touchedCount++] = y;
                            best[y] = cand;
                            if (layer != null) layer.put(y, new long[] {x, e});
                            if (stamp[y] != round) {
                                stamp[y] = round;
                                if (nextCount == next.length) next = Arrays.copyOf(next, nextCount * 2);
                                next[nextCount++] = y;
                            }
                        }
                    }
                }
                if (preds != null) preds.add(layer);
                if (frontier.length < nextCount) {
                    frontier = new int[next.length];
                    frontierValue = new double[next.length];
                }
                for (int i = 0; i < nextCount; i++) {
                    frontier[i] = next[i];
                    frontierValue[i] = best[next[i]];
                }
                frontierCount = nextCount;
            }
        }

        void reset() {
            for (int i = 0; i < touchedCount; i++) best[touched[i]] = 0;
            touchedCount = 0;
        }
    }
}
