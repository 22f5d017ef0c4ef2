package io.riskgraph.bench;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The ceiling of writes through Cypher over Bolt on this machine: how fast the embedded server creates nodes and
 * relationships when the client does nothing but send ready-made batches. Each scenario writes {@code n} rows in
 * batches, one transaction per batch: nodes with only a key, or shaped like an enterprise row (a key and 11 more
 * properties) under no index, a uniqueness constraint, or that plus 4 range indexes; relationships by key or by node
 * id (these link to the nodes {@code nodes-indexed} created, so it must run before them). It prints wall time, rows/s
 * and the process's CPU seconds (client and server share the JVM): CPU per row is what other work on a shared 2-core
 * machine distorts least. The {@code proc-*} scenarios write the same shapes through {@link BenchWriteProcedures}, one
 * {@code CALL} per batch: nodes with a key only (no index), with 11 more properties under no index, a uniqueness
 * constraint, or that plus 4 range indexes; relationships between two existing {@code nodes-indexed} nodes found by
 * unique key or by id. BENCHMARKS.md, section Ingest, records the results.
 *
 * <pre>java -cp ... io.riskgraph.bench.IngestCeilingBench STORE_DIR N BATCH [scenario ...] [-Dneo4j.K=V ...]</pre>
 */
public final class IngestCeilingBench {
    private static final int PROPS = 11;

    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        List<String> scenarios = args.length > 3 ? List.of(args).subList(3, args.length)
                : List.of("warmup", "nodes-key", "nodes-plain", "nodes-unique", "nodes-indexed", "nodes-columnar", "rels-by-key",
                "rels-by-id", "rels-between-by-id", "rels-merge-by-key", "proc-warmup", "proc-nodes-key", "proc-nodes-plain",
                "proc-nodes-unique", "proc-nodes-indexed", "proc-rels-by-key", "proc-rels-by-id");
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(store)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 1L << 30);
        Map<String, String> raw = new LinkedHashMap<>();
        System.getProperties().forEach((k, v) -> {
            if (String.valueOf(k).startsWith("neo4j.")) raw.put(String.valueOf(k).substring(6), String.valueOf(v));
        });
        if (!raw.isEmpty()) {
            Path conf = java.nio.file.Files.createTempFile("ceiling", ".conf");
            StringBuilder text = new StringBuilder();
            raw.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            java.nio.file.Files.writeString(conf, text);
            builder.loadPropertiesFromFile(conf);
        }
        DatabaseManagementService dbms = builder.build();
        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        db.getDependencyResolver().resolveDependency(GlobalProcedures.class).registerProcedure(BenchWriteProcedures.class);
        int port = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT).getPort();
        System.out.println("settings " + raw + ", n=" + n + ", batch=" + batch);
        try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + port, AuthTokens.none(),
                Config.builder().withLogging(Logging.none()).build())) {
            schema(driver);
            List<Long> targetIds = new ArrayList<>();
            for (String s : scenarios) run(driver, s, n, batch, targetIds);
        } finally {
            dbms.shutdown();
        }
    }

    private static void schema(Driver driver) {
        try (Session s = driver.session()) {
            for (String l : List.of("U", "I", "C", "T", "Y1", "Y2", "Y3", "PU", "PI")) {
                s.run("CREATE CONSTRAINT " + l.toLowerCase() + "_k IF NOT EXISTS FOR (n:" + l + ") REQUIRE n.k IS UNIQUE").consume();
            }
            for (String l : List.of("I", "C", "T", "Y1", "Y2", "Y3", "PI")) {
                for (int p = 1; p <= 4; p++) {
                    s.run("CREATE INDEX " + l.toLowerCase() + "_p" + p + " IF NOT EXISTS FOR (n:" + l + ") ON (n.p" + p + ")").consume();
                }
            }
            s.run("CALL db.awaitIndexes(300)").consume();
        }
    }

    private static Map<String, Object> row(String prefix, int i, SplittableRandom r) {
        Map<String, Object> m = new HashMap<>(2 * (PROPS + 1));
        m.put("k", prefix + i);
        for (int p = 1; p <= PROPS; p++) {
            m.put("p" + p, p % 3 == 0 ? (Object) r.nextLong(1_000_000) : "上海市浦东新区" + p + "号" + r.nextInt(100_000));
        }
        return m;
    }

    private static void run(Driver driver, String scenario, int n, int batch, List<Long> targetIds) {
        if (scenario.contains("rels-") && targetIds.isEmpty()) {
            throw new IllegalArgumentException(scenario + " links to the nodes that nodes-indexed creates: name "
                    + "nodes-indexed before it");
        }
        SplittableRandom rnd = new SplittableRandom(1);
        long cpu0 = cpu();
        long t0 = System.nanoTime();
        long rels = 0;
        try (Session session = driver.session()) {
            for (int from = 0; from < n; from += batch) {
                int size = Math.min(batch, n - from);
                List<Map<String, Object>> rows = new ArrayList<>(size);
                String cypher;
                Map<String, Object> params;
                switch (scenario) {
                    case "nodes-key" -> {
                        for (int i = 0; i < size; i++) rows.add(Map.of("k", "K" + (from + i)));
                        cypher = "UNWIND $rows AS row CREATE (n:K) SET n = row";
                        params = Map.of("rows", rows);
                    }
                    case "warmup", "nodes-plain", "nodes-unique", "nodes-indexed" -> {
                        String label = switch (scenario) {
                            case "nodes-plain" -> "P";
                            case "warmup" -> "W";
                            case "nodes-unique" -> "U";
                            default -> "I";
                        };
                        for (int i = 0; i < size; i++) rows.add(row(label, from + i, rnd));
                        cypher = "UNWIND $rows AS row CREATE (n:" + label + ") SET n = row";
                        params = Map.of("rows", rows);
                        if (label.equals("I")) cypher += " RETURN id(n) AS id";
                    }
                    case "nodes-columnar" -> {
                        Map<String, List<Object>> cols = new LinkedHashMap<>();
                        for (int i = 0; i < size; i++) {
                            row("C", from + i, rnd).forEach((k, v) -> cols.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
                        }
                        StringBuilder q = new StringBuilder("UNWIND range(0, size($k) - 1) AS i CREATE (n:C {k: $k[i]");
                        for (int p = 1; p <= PROPS; p++) q.append(", p").append(p).append(": $p").append(p).append("[i]");
                        cypher = q.append("})").toString();
                        params = new HashMap<>(cols);
                    }
                    case "rels-by-key", "rels-by-id" -> {
                        boolean byId = scenario.equals("rels-by-id");
                        String label = byId ? "Y2" : "Y1";
                        for (int i = 0; i < size; i++) {
                            Map<String, Object> m = row(label, from + i, rnd);
                            int t = rnd.nextInt(Math.min(n, targetIds.size()));
                            rows.add(Map.of("p", m, "t", byId ? targetIds.get(t) : "I" + t));
                        }
                        cypher = "UNWIND $rows AS row " + (byId ? "MATCH (t) WHERE id(t) = row.t" : "MATCH (t:I {k: row.t})")
                                + " CREATE (n:" + label + ")-[:R]->(t) SET n = row.p";
                        params = Map.of("rows", rows);
                        rels += size;
                    }
                    case "rels-between-by-id" -> {
                        for (int i = 0; i < size; i++) {
                            rows.add(Map.of("a", targetIds.get(rnd.nextInt(targetIds.size())),
                                    "b", targetIds.get(rnd.nextInt(targetIds.size())), "s", (double) rnd.nextInt(100)));
                        }
                        cypher = "UNWIND $rows AS row MATCH (a) WHERE id(a) = row.a MATCH (b) WHERE id(b) = row.b "
                                + "CREATE (a)-[r:S]->(b) SET r.share = row.s";
                        params = Map.of("rows", rows);
                        rels += size;
                    }
                    case "rels-merge-by-key" -> {
                        for (int i = 0; i < size; i++) {
                            rows.add(Map.of("a", "I" + rnd.nextInt(targetIds.size()), "b",
                                    "I" + rnd.nextInt(targetIds.size()), "s", (double) rnd.nextInt(100)));
                        }
                        cypher = "UNWIND $rows AS row MATCH (a:I {k: row.a}) MATCH (b:I {k: row.b}) "
                                + "MERGE (a)-[r:M]->(b) SET r.share = row.s";
                        params = Map.of("rows", rows);
                        rels += size;
                    }
                    case "proc-warmup", "proc-nodes-key", "proc-nodes-plain", "proc-nodes-unique", "proc-nodes-indexed" -> {
                        String label = switch (scenario) {
                            case "proc-warmup" -> "PW";
                            case "proc-nodes-key" -> "PK";
                            case "proc-nodes-plain" -> "PP";
                            case "proc-nodes-unique" -> "PU";
                            default -> "PI";
                        };
                        for (int i = 0; i < size; i++) {
                            rows.add(label.equals("PK") ? Map.of("k", "PK" + (from + i)) : row(label, from + i, rnd));
                        }
                        cypher = "CALL riskgraph.bench.createNodes($label, $rows) YIELD written RETURN written";
                        params = Map.of("label", label, "rows", rows);
                    }
                    case "proc-rels-by-key", "proc-rels-by-id" -> {
                        boolean byId = scenario.equals("proc-rels-by-id");
                        for (int i = 0; i < size; i++) {
                            int a = rnd.nextInt(targetIds.size());
                            int b = rnd.nextInt(targetIds.size());
                            rows.add(Map.of("a", byId ? targetIds.get(a) : "I" + a, "b", byId ? targetIds.get(b) : "I" + b,
                                    "s", (double) rnd.nextInt(100)));
                        }
                        cypher = byId ? "CALL riskgraph.bench.createRelsById('PS', $rows) YIELD written RETURN written"
                                : "CALL riskgraph.bench.createRelsByKey('I', 'PR', $rows) YIELD written RETURN written";
                        params = Map.of("rows", rows);
                        rels += size;
                    }
                    default -> throw new IllegalArgumentException("unknown scenario " + scenario);
                }
                String q = cypher;
                Map<String, Object> ps = params;
                List<Long> ids = session.executeWrite(tx -> {
                    var result = tx.run(q, ps);
                    if (q.endsWith("AS id")) {
                        List<Long> out = new ArrayList<>(size);
                        result.forEachRemaining(rec -> out.add(rec.get(0).asLong()));
                        return out;
                    }
                    if (q.endsWith("RETURN written")) {
                        long written = result.single().get(0).asLong();
                        if (written != size) throw new IllegalStateException(q + " wrote " + written + " of " + size);
                        return List.of();
                    }
                    result.consume();
                    return List.of();
                });
                targetIds.addAll(ids);
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        double c = (cpu() - cpu0) / 1e9;
        System.out.printf("%-20s %,9d rows %7.2f s %,9.0f rows/s  cpu %6.2f s  %,6.1f us cpu/row  (%,d rels)  load %s%n",
                scenario, n, s, n / s, c, c * 1e6 / n, rels, load());
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String load() {
        return String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
