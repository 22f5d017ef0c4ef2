package io.riskgraph.bench;

import io.riskgraph.algorithms.centrality.PageRank;
import io.riskgraph.algorithms.centrality.PageRankConfig;
import io.riskgraph.algorithms.community.Louvain;
import io.riskgraph.algorithms.community.LouvainConfig;
import io.riskgraph.algorithms.community.WeaklyConnectedComponents;
import io.riskgraph.algorithms.projection.CompactGraph;
import io.riskgraph.algorithms.projection.GraphBuilder;
import io.riskgraph.algorithms.projection.Orientation;
import io.riskgraph.algorithms.projection.ProjectionSpec;
import io.riskgraph.algorithms.projection.Projector;
import io.riskgraph.cypher.Neo4jConnection;
import io.riskgraph.cypher.Neo4jGraphStore;
import io.riskgraph.progress.Cancellation;
import io.riskgraph.progress.ProgressListener;
import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.util.Pair;
import org.jgrapht.opt.graph.sparse.SparseIntDirectedGraph;
import org.jgrapht.opt.graph.sparse.SparseIntUndirectedGraph;
import org.neo4j.driver.Session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import static io.riskgraph.bench.Timing.med;

/**
 * Benchmark harness (a main class, not JMH: JMH is not in the offline repository of this machine). Each
 * measurement runs a warm-up and then several timed runs and prints the median. Arguments: one or more of
 * {@code pagerank wcc louvain jgrapht lpa memory projection all}, and {@code nodes=N rels=M runs=R storeRels=K}.
 * {@code peers} instead runs the side-by-side comparison on one store: the generated graph is written into an
 * embedded Neo4j with GDS, projected by us (over Bolt) and by GDS, and PageRank, WCC and Louvain run on ours, on
 * GDS and on JGraphT ({@code jgraphtRuns=J}, {@code louvainRuns=L} timed runs without warm-up: each takes tens of
 * seconds or more). {@code probe} times variants of the projection's window query, to show where projection time
 * goes (server traversal, collecting, property reads).
 */
public final class AlgorithmBench {
    private static int nodes = 3_000_000;
    private static int rels = 20_000_000;
    private static int runs = 5;
    private static int storeRels = 2_000_000;
    private static int jgraphtRuns = 1;
    private static int louvainRuns = 2;
    private static final int THREADS = 2;

    public static void main(String[] args) throws Exception {
        List<String> what = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("nodes=")) nodes = Integer.parseInt(a.substring(6));
            else if (a.startsWith("rels=")) rels = Integer.parseInt(a.substring(5));
            else if (a.startsWith("runs=")) runs = Integer.parseInt(a.substring(5));
            else if (a.startsWith("storeRels=")) storeRels = Integer.parseInt(a.substring(10));
            else if (a.startsWith("jgraphtRuns=")) jgraphtRuns = Integer.parseInt(a.substring(12));
            else if (a.startsWith("louvainRuns=")) louvainRuns = Integer.parseInt(a.substring(12));
            else what.add(a);
        }
        if (what.isEmpty() || what.contains("all")) what = List.of("memory", "pagerank", "wcc", "louvain", "jgrapht", "lpa", "projection");
        System.out.printf(Locale.ROOT, "# java %s, %d cores, max heap %d MiB; graph %,d nodes / %,d relationships, %d runs%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                nodes, rels, runs);
        int[][] edges = edges(nodes, rels, 7);
        if (what.contains("peers")) {
            int[][] e = edges;
            edges = null; // the store and the projections hold the graph from here on
            peers(e);
            return;
        }
        if (what.contains("probe")) {
            projectionProbe(edges);
            return;
        }
        if (what.contains("memory")) memory(edges);
        CompactGraph directed = build(edges, Orientation.NATURAL);
        if (what.contains("pagerank")) {
            // 20 iterations, then the same call with 1 iteration (setup + one sweep) to separate per-iteration cost
            for (int iterations : new int[] {20, 1}) {
                for (boolean single : new boolean[] {true, false}) {
                    for (int threads : new int[] {2, 1}) {
                        PageRankConfig cfg = PageRankConfig.DEFAULT.withTolerance(0).withMaxIterations(iterations)
                                .withConcurrency(threads).withPrecision(single ? PageRankConfig.Precision.SINGLE : PageRankConfig.Precision.DOUBLE);
                        median("pagerank " + iterations + " iteration(s), riskgraph, " + (single ? "single" : "double")
                                + " precision, " + threads + " thread(s)", () -> {
                            new PageRank(directed, cfg).scores();
                            return null;
                        });
                    }
                }
            }
        }
        if (what.contains("wcc")) median("wcc, riskgraph", () -> new WeaklyConnectedComponents(directed).componentCount());
        CompactGraph undirected = null;
        if (what.contains("louvain")) {
            undirected = build(edges, Orientation.UNDIRECTED);
            CompactGraph u = undirected;
            int louvainRuns = Math.max(1, Math.min(runs, 3));
            Timing.median("louvain, riskgraph", louvainRuns, () -> {
                Louvain.Result r = new Louvain(u, LouvainConfig.DEFAULT).result();
                return String.format(Locale.ROOT, "%d communities, modularity %.4f", r.communityCount(), r.modularity());
            });
        }
        if (what.contains("jgrapht")) jgrapht(edges);
        if (what.contains("lpa")) labelPropagation(edges);
        if (what.contains("projection")) StoreProjectionBench.projection(storeRels, Math.min(runs, 3));
    }

    /** Random directed graph with a skewed in-degree (a few hubs, like formation-agent addresses). */
    static int[][] edges(int n, int m, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] from = new int[m];
        int[] to = new int[m];
        for (int i = 0; i < m; i++) {
            from[i] = r.nextInt(n);
            double u = r.nextDouble();
            to[i] = (int) (n * u * u * u) % n; // cube: low ids attract most links
        }
        return new int[][] {from, to};
    }

    static CompactGraph build(int[][] e, Orientation o) {
        GraphBuilder b = GraphBuilder.simple(o, false).nodes(nodes);
        b.expectRelationships(e[0].length);
        for (int i = 0; i < e[0].length; i++) b.addRelationship(e[0][i], e[1][i], 0, 1.0);
        return b.build();
    }

    static void memory(int[][] e) {
        for (Orientation o : new Orientation[] {Orientation.NATURAL, Orientation.UNDIRECTED}) {
            long before = usedAfterGc();
            long t = System.nanoTime();
            CompactGraph g = build(e, o);
            long ms = (System.nanoTime() - t) / 1_000_000;
            long after = usedAfterGc();
            System.out.printf(Locale.ROOT, "memory %s: build %d ms; heap held %.1f MiB = %.1f bytes/relationship "
                            + "(arrays: %.1f bytes/relationship); estimate before load (peak) %.1f bytes/relationship%n",
                    o, ms, (after - before) / 1048576.0, (after - before) / (double) rels,
                    g.heapBytes() / (double) rels,
                    io.riskgraph.algorithms.projection.MemoryEstimate.of(nodes, rels, o, false).bytesPerRelationship());
            if (g.nodeCount() < 0) System.out.println(g);
        }
    }

    static void jgrapht(int[][] e) {
        List<Pair<Integer, Integer>> list = new ArrayList<>(e[0].length);
        for (int i = 0; i < e[0].length; i++) list.add(Pair.of(e[0][i], e[1][i]));
        long t = System.nanoTime();
        SparseIntDirectedGraph dg = new SparseIntDirectedGraph(nodes, list);
        System.out.printf(Locale.ROOT, "jgrapht SparseIntDirectedGraph build: %d ms%n", (System.nanoTime() - t) / 1_000_000);
        Timing.median("pagerank 20 iterations, jgrapht 1.5.3 on SparseIntDirectedGraph", Math.min(runs, 3), () -> {
            // JGraphT wants a positive tolerance; this one is never met, so it runs all 20 iterations
            new org.jgrapht.alg.scoring.PageRank<>(dg, 0.85, 20, Double.MIN_VALUE).getScores();
            return null;
        });
        Timing.median("wcc, jgrapht ConnectivityInspector on SparseIntDirectedGraph", Math.min(runs, 3),
                () -> new ConnectivityInspector<>(dg).connectedSets().size());
    }

    static void labelPropagation(int[][] e) {
        List<Pair<Integer, Integer>> list = new ArrayList<>(e[0].length);
        for (int i = 0; i < e[0].length; i++) list.add(Pair.of(e[0][i], e[1][i]));
        long t = System.nanoTime();
        SparseIntUndirectedGraph ug = new SparseIntUndirectedGraph(nodes, list);
        System.out.printf(Locale.ROOT, "jgrapht SparseIntUndirectedGraph build: %d ms%n", (System.nanoTime() - t) / 1_000_000);
        list = null;
        Timing.median("communities, jgrapht LabelPropagationClustering (no Louvain in JGraphT 1.5.3)", 1,
                () -> new LabelPropagationClustering<>(ug, 10, new java.util.Random(1)).getClustering().getNumberClusters());
    }

    /** Side by side on one graph in one run: ours, Neo4j GDS 2.26.0 (embedded) and JGraphT. */
    static void peers(int[][] e) throws Exception {
        Path dir = Files.createDirectories(Path.of("target")).toAbsolutePath().resolve("bench-gds-" + ProcessHandle.current().pid());
        long t = System.nanoTime();
        GdsPeer.importGraph(dir, nodes, e[0], e[1]);
        System.out.printf(Locale.ROOT, "store written (neo4j-admin import, in-process): %,d nodes, %,d relationships in %d ms%n",
                nodes, e[0].length, (System.nanoTime() - t) / 1_000_000);
        e[0] = e[1] = null;
        try (GdsPeer peer = GdsPeer.start(dir, 2L << 30)) {
            try (Neo4jConnection c = Neo4jConnection.remote(peer.boltUri, null, null); Session s = c.driver().session()) {
                Neo4jGraphStore store = new Neo4jGraphStore(c.driver());
                CompactGraph[] g = new CompactGraph[3];
                int k = 0;
                // runs of 20 M relationships each: no warm-up run; the weighted and undirected loads once each
                for (Object[] p : new Object[][] {{null, Orientation.NATURAL, Math.min(runs, 3)}, {"share", Orientation.NATURAL, 1},
                        {null, Orientation.UNDIRECTED, 1}}) {
                    ProjectionSpec spec = new ProjectionSpec(List.of("Enterprise"), Map.of("INVESTS_IN", 1.0),
                            (String) p[0], (Orientation) p[1]);
                    int slot = k++;
                    double ms = Timing.median("projection, riskgraph over Bolt, " + p[1] + (p[0] == null ? "" : ", weight share"),
                            (Integer) p[2], false, () -> {
                                g[slot] = null;
                                g[slot] = new Projector(store).load(spec, ProgressListener.NONE, Cancellation.NEVER);
                                return g[slot].nodeCount() + " nodes, " + g[slot].relationshipCount() + " relationships";
                            });
                    System.out.printf(Locale.ROOT, "  -> %.2f M relationships/s%n", g[slot].relationshipCount() / ms / 1000.0);
                }
                CompactGraph directed = g[0];
                CompactGraph undirected = g[2];
                g[1] = null;
                gds(s, "gds.graph.project NATURAL", 2, false, "CALL gds.graph.drop('g', false) YIELD graphName RETURN count(*)",
                        "CALL gds.graph.project('g', 'Enterprise', 'INVESTS_IN') YIELD projectMillis, relationshipCount",
                        "projectMillis");
                gds(s, "gds.graph.project UNDIRECTED", 1, false, "CALL gds.graph.drop('gu', false) YIELD graphName RETURN count(*)",
                        "CALL gds.graph.project('gu', 'Enterprise', {INVESTS_IN: {orientation: 'UNDIRECTED'}}) "
                                + "YIELD projectMillis, relationshipCount", "projectMillis");

                for (boolean single : new boolean[] {true, false}) {
                    PageRankConfig pr = PageRankConfig.DEFAULT.withTolerance(0).withMaxIterations(20)
                            .withConcurrency(THREADS).withPrecision(single ? PageRankConfig.Precision.SINGLE : PageRankConfig.Precision.DOUBLE);
                    median("pagerank 20 iterations, riskgraph, " + (single ? "single" : "double") + " precision, "
                            + THREADS + " threads", () -> {
                        new PageRank(directed, pr).scores();
                        return null;
                    });
                }
                gds(s, "pagerank 20 iterations, gds.pageRank.stats, concurrency " + THREADS, runs, true, null,
                        "CALL gds.pageRank.stats('g', {maxIterations: 20, tolerance: 0.0, dampingFactor: 0.85, concurrency: "
                                + THREADS + "}) YIELD computeMillis, ranIterations", "computeMillis");
                median("wcc, riskgraph", () -> new WeaklyConnectedComponents(directed).componentCount() + " components");
                gds(s, "wcc, gds.wcc.stats, concurrency " + THREADS, runs, true, null,
                        "CALL gds.wcc.stats('g', {concurrency: " + THREADS + "}) YIELD computeMillis, componentCount",
                        "computeMillis");
                Timing.median("louvain, riskgraph", louvainRuns, false, () -> {
                    Louvain.Result r = new Louvain(undirected, LouvainConfig.DEFAULT).result();
                    return String.format(Locale.ROOT, "%d communities, modularity %.4f", r.communityCount(), r.modularity());
                });
                gds(s, "louvain, gds.louvain.stats, concurrency " + THREADS, louvainRuns, false, null,
                        "CALL gds.louvain.stats('gu', {concurrency: " + THREADS + "}) "
                                + "YIELD computeMillis, communityCount, modularity, ranLevels", "computeMillis");
                s.run("CALL gds.graph.drop('g') YIELD graphName RETURN count(*)").consume();
                s.run("CALL gds.graph.drop('gu') YIELD graphName RETURN count(*)").consume();

                // JGraphT on exactly the projected graph (same node indices and relationships)
                // the edge list is a view over our arrays, so 20 M Pair objects never exist at once
                int[] sourceOf = new int[directed.entryCount()];
                for (int v = 0; v < directed.nodeCount(); v++) Arrays.fill(sourceOf, directed.start(v), directed.end(v), v);
                List<Pair<Integer, Integer>> list = new java.util.AbstractList<>() {
                    @Override
                    public Pair<Integer, Integer> get(int i) { return Pair.of(sourceOf[i], directed.target(i)); }

                    @Override
                    public int size() { return sourceOf.length; }
                };
                t = System.nanoTime();
                SparseIntDirectedGraph dg = new SparseIntDirectedGraph(directed.nodeCount(), list);
                System.out.printf(Locale.ROOT, "jgrapht SparseIntDirectedGraph build: %d ms%n", (System.nanoTime() - t) / 1_000_000);
                Timing.median("pagerank 20 iterations, jgrapht 1.5.3 on SparseIntDirectedGraph", jgraphtRuns, false, () -> {
                    new org.jgrapht.alg.scoring.PageRank<>(dg, 0.85, 20, Double.MIN_VALUE).getScores();
                    return null;
                });
                Timing.median("wcc, jgrapht ConnectivityInspector on SparseIntDirectedGraph", jgraphtRuns, false,
                        () -> new ConnectivityInspector<>(dg).connectedSets().size() + " components");
            }
        }
    }

    /** Where projection time goes: server-side variants of the window query, timed over all windows on one session. */
    static void projectionProbe(int[][] e) throws Exception {
        Path dir = Files.createDirectories(Path.of("target")).toAbsolutePath().resolve("bench-probe-" + ProcessHandle.current().pid());
        GdsPeer.importGraph(dir, nodes, e[0], e[1]);
        try (GdsPeer peer = GdsPeer.start(dir, 2L << 30);
             Neo4jConnection c = Neo4jConnection.remote(peer.boltUri, null, null); Session s = c.driver().session()) {
            String seek = "UNWIND range($lo, $hi) AS nid MATCH (a) WHERE id(a) = nid ";
            String[][] variants = {
                    {"count only (server traversal)", seek + "MATCH (a)-[r:INVESTS_IN]->(b) RETURN count(*) AS c"},
                    {"current unweighted", seek + "MATCH (a)-[r:INVESTS_IN]->(b) RETURN collect(nid) AS s, collect(id(b)) AS t"},
                    {"per node comprehension", seek + "WITH nid, [(a)-[:INVESTS_IN]->(b) | id(b)] AS ts RETURN collect(nid) AS s, collect(ts) AS t"},
                    {"per node, degree then targets", seek + "MATCH (a)-[r:INVESTS_IN]->(b) WITH nid, collect(id(b)) AS ts "
                            + "RETURN collect(nid) AS s, collect(ts) AS t"},
                    {"by relationship id", "UNWIND range($lo, $hi) AS rid MATCH (a)-[r]->(b) WHERE id(r) = rid AND type(r) = 'INVESTS_IN' "
                            + "RETURN collect(id(a)) AS s, collect(id(b)) AS t"},
                    {"current weighted", seek + "MATCH (a)-[r:INVESTS_IN]->(b) RETURN collect(nid) AS s, collect(id(b)) AS t, "
                            + "collect(coalesce(toFloat(r.share), 0.0 / 0.0)) AS w"},
                    {"per node comprehension weighted", seek + "WITH nid, [(a)-[r:INVESTS_IN]->(b) | [id(b), r.share]] AS ts RETURN collect(nid) AS s, collect(ts) AS t"},
            };
            long maxId = s.run("MATCH (n) RETURN max(id(n))").single().get(0).asLong();
            for (int window : new int[] {65_536}) {
                for (String[] v : variants) {
                    Timing.median("probe window " + window + ", " + v[0], 3, () -> {
                        long values = 0;
                        for (long lo = 0; lo <= maxId; lo += window) {
                            org.neo4j.driver.Record r = s.run(v[1], Map.of("lo", lo, "hi", Math.min(maxId, lo + window - 1))).single();
                            for (org.neo4j.driver.Value x : r.values()) values += x.hasType(org.neo4j.driver.types.TypeSystem.getDefault().LIST()) ? x.size() : x.asLong();
                        }
                        return values + " values";
                    });
                }
            }
            Neo4jGraphStore store = new Neo4jGraphStore(c.driver());
            for (String weight : new String[] {null, "share"}) {
                ProjectionSpec spec = new ProjectionSpec(List.of("Enterprise"), Map.of("INVESTS_IN", 1.0), weight, Orientation.NATURAL);
                Timing.median("projection, riskgraph over Bolt" + (weight == null ? "" : ", weight share"), 3,
                        () -> new Projector(store).load(spec, ProgressListener.NONE, Cancellation.NEVER).relationshipCount());
            }
        }
    }

    /**
     * {@code n} timed runs of a GDS procedure, after one warm-up when asked; prints the median wall time (client side, Bolt
     * included) and the median of the procedure's own {@code millisColumn}. {@code before} runs untimed first.
     */
    static void gds(Session s, String name, int n, boolean warmUp, String before, String cypher, String millisColumn) {
        double[] wall = new double[n];
        double[] own = new double[n];
        String info = "";
        for (int i = warmUp ? -1 : 0; i < n; i++) {
            if (before != null) s.run(before).consume();
            long t = System.nanoTime();
            org.neo4j.driver.Record r = s.run(cypher).single();
            double ms = (System.nanoTime() - t) / 1e6;
            if (i >= 0) {
                wall[i] = ms;
                own[i] = r.get(millisColumn).asDouble();
            }
            info = r.asMap().toString();
        }
        System.out.printf(Locale.ROOT, "%s: median %.0f ms wall %s, median %s %.0f ms %s (%s)%n", name, med(wall),
                Arrays.toString(Arrays.stream(wall).mapToLong(Math::round).toArray()), millisColumn, med(own),
                Arrays.toString(Arrays.stream(own).mapToLong(Math::round).toArray()), info);
    }

    static double median(String name, Supplier<Object> task) {
        return Timing.median(name, runs, task);
    }

    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
