package io.riskgraph.cli;

import io.riskgraph.cypher.BulkStore;
import io.riskgraph.cypher.Neo4jConnection;
import io.riskgraph.ingest.generator.CityGenerator;
import io.riskgraph.ingest.generator.GeneratorParams;
import io.riskgraph.progress.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk first load (Neo4j's offline importer) and the online load (Cypher over Bolt) make the same graph from
 * the same folder: a canonical dump of every node (labels, properties, stubs) and every relationship (type,
 * properties, endpoints) is equal, and so are the rejects files. Real embedded stores, loaded through the CLI.
 */
class BulkLoadTest {
    static final Path WORK = Path.of("target", "bulk-load-test");
    static final Path KEY = WORK.resolve("id.key");

    @BeforeAll
    static void datasets() throws IOException {
        BulkStore.class.getName(); // fail early if the importer is missing
        if (Files.exists(WORK)) deleteTree(WORK);
        Files.createDirectories(WORK);
        new CityGenerator(GeneratorParams.of(1_500, 11)).generate(WORK.resolve("generated"), ProgressListener.NONE);
        // the example city plus rows the importer files cannot take as they are, merged after the import
        Path edge = WORK.resolve("edge-cases");
        copyTree(Path.of("..", "examples", "small-city"), edge);
        append(edge.resolve("enterprises.csv"),
                // a key's second row: changed name and address, merged over the first
                "91310104MA1FK0037N,\"上海华祥控股集团 \"\"新\"\"有限公司\",COMPANY,ACTIVE,2005-03-18,50000000,60000000,"
                        + "徐汇区,上海市徐汇区漕溪北路400号,021-64871234,,330",
                // a name over two lines, an empty segment list
                "91310104MA1FK1110X,\"两行\n名称\",COMPANY,ACTIVE,2020-01-01,100,100,徐汇区,,,|,1");
        append(edge.resolve("roles.csv"),
                "P01,91310104MA1FK0037N,SHAREHOLDER,0.75,2005-03-18,", // the same pair again: its share changes
                "PX99,91310104MA1FK0037N,DIRECTOR,,2020-01-01,");      // an unknown person: a stub
        append(edge.resolve("inspections.csv"),
                "INS-EDGE-1,91310104MA1FK0037N,2025-06-01,ROUTINE,I01|I01|I77,NO_ISSUES,0,,");
    }

    static Stream<Arguments> folders() {
        return Stream.of(
                Arguments.of("example city", Path.of("..", "examples", "small-city")),
                Arguments.of("example city with repeated keys and odd values", WORK.resolve("edge-cases")),
                Arguments.of("generated city", WORK.resolve("generated")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("folders")
    void bulkAndOnlineLoadTheSameGraph(String name, Path folder) throws IOException {
        Path dir = Files.createDirectories(WORK.resolve(name.replace(' ', '-')));
        CliRun online = load(folder, dir.resolve("online"), "online");
        CliRun bulk = load(folder, dir.resolve("bulk"), "bulk");
        assertThat(online.exit()).as(online.err()).isZero();
        assertThat(bulk.exit()).as(bulk.err()).isZero();
        assertThat(bulk.out()).contains("offline importer");

        List<String> onlineDump = dump(dir.resolve("online"));
        List<String> bulkDump = dump(dir.resolve("bulk"));
        // the bulk load creates the schema through the embedded API, the online path through Cypher
        List<String> onlineSchema = schema(dir.resolve("online"));
        assertThat(onlineSchema).hasSizeGreaterThan(30);
        assertThat(schema(dir.resolve("bulk"))).containsExactlyElementsOf(onlineSchema);
        assertThat(onlineDump).hasSizeGreaterThan(100);
        assertThat(bulkDump).containsExactlyElementsOf(onlineDump);
        assertThat(Files.readString(dir.resolve("bulk-rejects.csv")))
                .isEqualTo(Files.readString(dir.resolve("online-rejects.csv")));
    }

    /**
     * Two bulk loads of the same city give every node the same id (analyses that sample by node index then draw the
     * same sources). The importer reads in small chunks here, so that its two threads share every file, as they do
     * in a big city; with its own id mapping ({@code --id-type=integer}) the ids then differ from load to load.
     */
    @Test
    void theSameCityBulkLoadedTwiceHasTheSameNodeIds() {
        Path dir = WORK.resolve("twice");
        String before = System.getProperty(BulkStore.IMPORTER_ARGS_PROPERTY);
        System.setProperty(BulkStore.IMPORTER_ARGS_PROPERTY, "--read-buffer-size=16k --threads=2");
        try {
            for (String run : List.of("1", "2")) {
                CliRun r = load(WORK.resolve("generated"), dir.resolve(run), "bulk");
                assertThat(r.exit()).as(r.err()).isZero();
                assertThat(r.out()).contains("offline importer");
            }
        } finally {
            if (before == null) System.clearProperty(BulkStore.IMPORTER_ARGS_PROPERTY);
            else System.setProperty(BulkStore.IMPORTER_ARGS_PROPERTY, before);
        }
        Map<Long, String> first = nodesById(dir.resolve("1"));
        Map<Long, String> second = nodesById(dir.resolve("2"));
        assertThat(first).hasSizeGreaterThan(10_000);
        List<String> differ = first.keySet().stream().filter(id -> !first.get(id).equals(second.get(id)))
                .limit(3).map(id -> id + ": " + first.get(id) + " / " + second.get(id)).toList();
        assertThat(differ).as("nodes whose id differs between the loads").isEmpty();
        assertThat(second).hasSameSizeAs(first);
    }

    /** Node id to the node (labels and properties). */
    private static Map<Long, String> nodesById(Path store) {
        Map<Long, String> nodes = new TreeMap<>();
        try (Neo4jConnection c = Neo4jConnection.embedded(store, 32L << 20); Session s = c.driver().session()) {
            for (Record r : s.run("MATCH (n) RETURN id(n) AS id, labels(n) AS labels, properties(n) AS p").list()) {
                List<String> labels = new ArrayList<>(r.get("labels").asList(Value::asString));
                Collections.sort(labels);
                nodes.put(r.get("id").asLong(), labels + " " + canonical(r.get("p")));
            }
        }
        return nodes;
    }

    @Test
    void bulkIntoAStoreWithDataIsRefusedAndAutoAddsOnline() throws IOException {
        Path dir = Files.createDirectories(WORK.resolve("refused"));
        Path store = dir.resolve("store");
        Path example = Path.of("..", "examples", "small-city");
        assertThat(load(example, store, "auto").out()).contains("offline importer");
        CliRun refused = load(example, store, "bulk");
        assertThat(refused.exit()).isEqualTo(Main.USAGE);
        assertThat(refused.err()).contains("--mode bulk loads only a new or empty store").contains("nodes");
        CliRun again = load(example, store, "auto");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).doesNotContain("offline importer").contains("0 nodes and 0 relationships created");
    }

    /** Where a kill -9 lands: after the marker, while files are written; while the importer runs. */
    static Stream<Arguments> killPoints() {
        return Stream.of(
                Arguments.of("writing importer files", Path.of(BulkStore.STAGING, "import")),
                Arguments.of("importing", Path.of(BulkStore.STAGING, "data", "databases")));
    }

    @ParameterizedTest(name = "killed while {0}")
    @MethodSource("killPoints")
    void aKilledBulkLoadLeavesNoStoreThatLaterCommandsTake(String when, Path appears) throws Exception {
        Path store = WORK.resolve("killed-" + when.replace(' ', '-')).resolve("store");
        Path city = WORK.resolve("generated");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(java, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "ingest", city.toString(),
                "--store", store.toString(), "--id-key-file", KEY.toString(), "--page-cache-mb", "32",
                "--import-memory-mb", "256")
                .redirectErrorStream(true).redirectOutput(WORK.resolve("killed-" + when.replace(' ', '-') + ".log").toFile())
                .start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Files.exists(store.resolve(appears)) && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(p.isAlive()).as("the load was still running when %s appeared", appears).isTrue();
        p.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs

        CliRun stats = CliRun.of("stats", "--store", store.toString(), "--page-cache-mb", "32");
        assertThat(stats.exit()).isEqualTo(Main.FAILURE);
        assertThat(stats.err()).contains("did not finish").contains("riskgraph ingest");
        CliRun online = load(city, store, "online");
        assertThat(online.exit()).isEqualTo(Main.USAGE);
        assertThat(online.err()).contains("starts it over");

        CliRun again = load(city, store, "auto");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("did not finish; starting it over").contains("offline importer");
        assertThat(Files.exists(store.resolve(BulkStore.MARKER))).isFalse();
        assertThat(Files.exists(store.resolve(BulkStore.STAGING))).isFalse();
        CliRun after = CliRun.of("stats", "--store", store.toString(), "--page-cache-mb", "32");
        assertThat(after.exit()).as(after.err()).isZero();
        assertThat(after.out()).contains("Enterprise").contains("1,500");
    }

    private static CliRun load(Path folder, Path store, String mode) {
        return CliRun.of("ingest", folder.toString(), "--mode", mode, "--store", store.toString(),
                "--id-key-file", KEY.toString(), "--page-cache-mb", "32", "--import-memory-mb", "256",
                "--rejects", store.resolveSibling(store.getFileName() + "-rejects.csv").toString());
    }

    /** Every index and constraint as a line, sorted. */
    static List<String> schema(Path store) {
        List<String> lines = new ArrayList<>();
        try (Neo4jConnection c = Neo4jConnection.embedded(store, 32L << 20); Session s = c.driver().session()) {
            for (Record r : s.run("SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, state, "
                    + "owningConstraint RETURN *").list()) {
                lines.add("index " + new TreeMap<>(r.asMap()));
            }
            for (Record r : s.run("SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties, "
                    + "ownedIndex RETURN *").list()) {
                lines.add("constraint " + new TreeMap<>(r.asMap()));
            }
        }
        Collections.sort(lines);
        return lines;
    }

    /** Every node and relationship as a line, sorted: what the graph is, whatever the ids. */
    static List<String> dump(Path store) {
        try (Neo4jConnection c = Neo4jConnection.embedded(store, 32L << 20); Session s = c.driver().session()) {
            return dump(s);
        }
    }

    /** The same over any session. */
    static List<String> dump(Session s) {
        List<String> lines = new ArrayList<>();
        {
            Map<Long, String> nodes = new TreeMap<>();
            for (Record r : s.run("MATCH (n) RETURN id(n) AS id, labels(n) AS labels, properties(n) AS p").list()) {
                List<String> labels = new ArrayList<>(r.get("labels").asList(Value::asString));
                Collections.sort(labels);
                String node = labels + " " + canonical(r.get("p"));
                nodes.put(r.get("id").asLong(), node);
                lines.add("node " + node);
            }
            for (Record r : s.run("MATCH (a)-[r]->(b) RETURN id(a) AS a, type(r) AS t, properties(r) AS p, id(b) AS b")
                    .list()) {
                lines.add("rel " + nodes.get(r.get("a").asLong()) + " -[" + r.get("t").asString() + " "
                        + canonical(r.get("p")) + "]-> " + nodes.get(r.get("b").asLong()));
            }
        }
        Collections.sort(lines);
        return lines;
    }

    private static String canonical(Value properties) {
        TreeMap<String, String> sorted = new TreeMap<>();
        properties.asMap(v -> v.type().name() + ":" + v).forEach(sorted::put);
        return sorted.toString();
    }

    private static void append(Path file, String... lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path p : files.toList()) Files.copy(p, to.resolve(p.getFileName()));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
