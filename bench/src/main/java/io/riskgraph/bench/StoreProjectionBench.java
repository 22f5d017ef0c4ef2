package io.riskgraph.bench;

import io.riskgraph.algorithms.projection.CompactGraph;
import io.riskgraph.algorithms.projection.Orientation;
import io.riskgraph.algorithms.projection.ProjectionSpec;
import io.riskgraph.algorithms.projection.Projector;
import io.riskgraph.cypher.Neo4jConnection;
import io.riskgraph.cypher.Neo4jGraphStore;
import io.riskgraph.cypher.ProjectionProcedures;
import io.riskgraph.progress.Cancellation;
import io.riskgraph.progress.ProgressListener;
import io.riskgraph.store.ProjectionSink;
import org.neo4j.driver.Session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Projection from an embedded Neo4j over Bolt, through the projection procedures and through Cypher in one run.
 * {@link AlgorithmBench}'s {@code projection} mode runs it; it has its own {@code main} (arguments
 * {@code storeRels=K runs=R}) because it needs only the platform modules, not GDS or JGraphT, so it also runs
 * where those are not in the local repository.
 */
public final class StoreProjectionBench {
    private StoreProjectionBench() {}

    public static void main(String[] args) throws Exception {
        int storeRels = 2_000_000;
        int runs = 3;
        for (String a : args) {
            if (a.startsWith("storeRels=")) storeRels = Integer.parseInt(a.substring(10));
            else if (a.startsWith("runs=")) runs = Integer.parseInt(a.substring(5));
            else throw new IllegalArgumentException("unknown argument " + a + " (storeRels=K runs=R)");
        }
        projection(storeRels, runs);
    }

    /** Loads a generated graph into an embedded Neo4j, then times the projection over Bolt. */
    static void projection(int storeRels, int runs) throws Exception {
        Path dir = Files.createDirectories(Path.of("target")).resolve("bench-neo4j-" + ProcessHandle.current().pid());
        int storeNodes = Math.max(1, storeRels / 7);
        try (Neo4jConnection c = Neo4jConnection.embedded(dir, 2L << 30)) {
            long t = System.nanoTime();
            try (Session s = c.driver().session()) {
                s.run("UNWIND range(0, $n - 1) AS i CALL (i) { CREATE (:Enterprise {uscc: 'U' + i}) } IN TRANSACTIONS OF 50000 ROWS",
                        Map.of("n", storeNodes)).consume();
                List<Long> ids = s.run("MATCH (n:Enterprise) RETURN min(id(n)) AS lo, max(id(n)) AS hi").single()
                        .values().stream().map(v -> v.asLong()).toList();
                s.run("UNWIND range(1, $m) AS j CALL (j) { WITH $lo + toInteger(rand() * ($hi - $lo + 1)) AS a, "
                                + "$lo + toInteger(rand() * ($hi - $lo + 1)) AS b MATCH (x) WHERE id(x) = a MATCH (y) WHERE id(y) = b "
                                + "CREATE (x)-[:INVESTS_IN {share: rand()}]->(y) } IN TRANSACTIONS OF 50000 ROWS",
                        Map.of("m", storeRels, "lo", ids.get(0), "hi", ids.get(1))).consume();
            }
            System.out.printf(Locale.ROOT, "store loaded: %,d nodes, %,d relationships in %d ms%n", storeNodes, storeRels,
                    (System.nanoTime() - t) / 1_000_000);
            try (Session s = c.driver().session()) {
                for (int i = 0; i < 3; i++) {
                    long t0 = System.nanoTime();
                    long n = s.run("MATCH ()-[r]->() RETURN count(r)").single().get(0).asLong();
                    System.out.printf(Locale.ROOT, "count(r) = %,d in %.2f ms%n", n, (System.nanoTime() - t0) / 1e6);
                }
                var plan = s.run("PROFILE MATCH ()-[r]->() RETURN count(r)").consume().profile();
                System.out.println("PROFILE count(r): " + plan.operatorType() + " <- "
                        + plan.children().stream().map(p -> p.operatorType() + " dbHits=" + p.dbHits()).toList()
                        + ", dbHits=" + plan.dbHits());
            }
            for (Neo4jGraphStore.ProjectionPath path : Neo4jGraphStore.ProjectionPath.values()) {
                Neo4jGraphStore store = new Neo4jGraphStore(c.driver(), path);
                for (String weight : new String[] {null, "share"}) {
                    ProjectionSpec spec = new ProjectionSpec(List.of("Enterprise"), Map.of("INVESTS_IN", 1.0), weight,
                            Orientation.NATURAL);
                    long[] rel = new long[1];
                    String label = "projection from embedded Neo4j over Bolt, " + path
                            + (weight == null ? "" : ", with weight property");
                    double ms = Timing.median(label, runs, () -> {
                        CompactGraph g = new Projector(store).load(spec, ProgressListener.NONE, Cancellation.NEVER);
                        rel[0] = g.relationshipCount();
                        return g.relationshipCount() + " relationships";
                    });
                    System.out.printf(Locale.ROOT, "  -> %.2f M relationships/s%n", rel[0] / ms / 1000.0);
                }
            }
            projectionBreakdown(c, runs);
        }
    }

    /**
     * Where the procedure path's time goes, each step adding to the one before: the server's scan and packing alone
     * (the byte columns are built but only the count crosses Bolt), then the columns over Bolt, then decoding them
     * into arrays through the store (no sink work), then the whole projection with nodes and the CSR build.
     */
    static void projectionBreakdown(Neo4jConnection c, int runs) {
        Neo4jGraphStore store = new Neo4jGraphStore(c.driver());
        for (String weight : new String[] {null, "share"}) {
            String suffix = weight == null ? "" : ", weight share";
            try (Session s = c.driver().session()) {
                long maxId = s.run("MATCH ()-[r]->() RETURN max(id(r))").single().get(0).asLong();
                String call = "CALL " + ProjectionProcedures.RELATIONSHIPS_BY_ID
                        + "(['INVESTS_IN'], $weight, $lo, $hi) YIELD count, startIds, endIds, weights ";
                String[][] steps = {{"server scan + packing, count only over Bolt", call + "RETURN count"},
                        {"+ columns over Bolt (one session)", call + "RETURN count, startIds, endIds, weights"}};
                for (String[] step : steps) {
                    Timing.median("breakdown: " + step[0] + suffix, runs, () -> {
                        long rels = 0;
                        for (long lo = 0; lo <= maxId; lo += 65_536) {
                            Map<String, Object> p = new java.util.HashMap<>();
                            p.put("weight", weight);
                            p.put("lo", lo);
                            p.put("hi", Math.min(maxId, lo + 65_535));
                            rels += s.run(step[1], p).single().get(0).asLong();
                        }
                        return rels + " relationships";
                    });
                }
            }
            Timing.median("breakdown: + decode in Neo4jGraphStore (2 readers, empty sink)" + suffix, runs, () -> {
                long[] rels = new long[1];
                store.streamRelationships(List.of("INVESTS_IN"), weight, new ProjectionSink() {
                    @Override
                    public void relationships(long[] start, long[] end, int[] typeIndex, double[] w, int count) {
                        rels[0] += count;
                    }
                }, Projector.BATCH_SIZE_DEFAULT);
                return rels[0] + " relationships";
            });
        }
    }
}
