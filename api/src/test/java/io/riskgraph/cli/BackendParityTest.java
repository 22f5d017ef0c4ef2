package io.riskgraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riskgraph.api.ApiConfig;
import io.riskgraph.api.ApiServer;
import io.riskgraph.api.Role;
import io.riskgraph.backend.Backend;
import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.gremlin.GremlinBackend;
import io.riskgraph.gremlin.TestGremlin;
import io.riskgraph.ingest.Ingestor;
import io.riskgraph.model.id.IdProtector;
import io.riskgraph.progress.Cancellation;
import io.riskgraph.progress.ProgressListener;
import io.riskgraph.store.GraphStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The same fixture (examples/small-city) loaded, analysed, graded and warned on on both backends, Neo4j (the shared
 * embedded database) and Gremlin (an in-process Gremlin Server over TinkerGraph): the same counts, grades (scores
 * within rounding), clues, related parties, paths and holders, through the port and through the HTTP API; the CLI
 * runs on the Gremlin backend end to end and says plainly what is Neo4j-only.
 */
class BackendParityTest {
    static final String EXAMPLE = "../examples/small-city";
    static final String SNACK = "91310107MA1GH0148Y";
    static final String FOOD = "91310105MA1GH00743";
    static final String PYRAMID_TOP = "91310104MA1FK0037N";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path tmp;
    static Backend neo4j;
    static GremlinBackend gremlin;
    static ApiServer neo4jServer, gremlinServer;
    static String neo4jKey, gremlinKey;
    static String neo4jWarn, gremlinWarn;

    @BeforeAll
    static void load() throws Exception {
        TestNeo4j.clear();
        neo4j = TestNeo4j.backend();
        gremlin = TestGremlin.backend(tmp.resolve("gremlin-store")); // JanusGraph 1.1.0 with -Pjanusgraph
        neo4jWarn = prepare(neo4j, tmp.resolve("n"));
        gremlinWarn = prepare(gremlin, tmp.resolve("g"));
        neo4jServer = new ApiServer(new ApiConfig(10, Duration.ofSeconds(10), 1_000), neo4j, Files.createDirectories(tmp.resolve("n-api")), null)
                .start("127.0.0.1", 0);
        gremlinServer = new ApiServer(new ApiConfig(10, Duration.ofSeconds(10), 1_000), gremlin, Files.createDirectories(tmp.resolve("g-api")), null)
                .start("127.0.0.1", 0);
        neo4jKey = neo4jServer.keys().create("parity", Role.ANALYST).secret();
        gremlinKey = gremlinServer.keys().create("parity", Role.ANALYST).secret();
    }

    /** Ingest, analyze, grade and warn, as the CLI does; returns what warn printed. */
    static String prepare(Backend backend, Path dir) throws Exception {
        Files.createDirectories(dir);
        GraphStore store = backend.store();
        new Ingestor(store, new IdProtector(new byte[32]), Ingestor.Options.DEFAULT)
                .ingest(Path.of(EXAMPLE), dir.resolve("rejects.csv"), ProgressListener.NONE);
        new io.riskgraph.algorithms.Analysis().runStandard(store, ProgressListener.NONE, new Cancellation());
        StringWriter out = new StringWriter();
        GradeCommand.gradeAll(store, io.riskgraph.risk.grading.ModelSet.shipped(), null, new PrintWriter(out), "");
        StringWriter warned = new StringWriter();
        WarnCommand.warnAll(new StoreOptions.OpenStore(backend, new StoreOptions()), null,
                List.of(io.riskgraph.risk.warning.WarningRule.values()), new PrintWriter(warned), "");
        return warned.toString();
    }

    @AfterAll
    static void stop() {
        if (neo4jServer != null) neo4jServer.close();
        if (gremlinServer != null) gremlinServer.close();
        if (gremlin != null) gremlin.close();
    }

    @Test
    void sameCounts() {
        var n = neo4j.store().counts();
        var g = gremlin.store().counts();
        // workflow entities are stored each backend's way (Spring Data keeps a clue's history as ClueChange nodes)
        Map<String, Long> nodes = new TreeMap<>(n.nodesByLabel());
        nodes.remove("ClueChange");
        assertThat(g.nodesByLabel()).isEqualTo(nodes);
        Map<String, Long> rels = new TreeMap<>(n.relationshipsByType());
        rels.remove("HAS_CHANGE");
        assertThat(g.relationshipsByType()).isEqualTo(rels);
        assertThat(n.nodes("Enterprise")).isEqualTo(32);
    }

    @Test
    void sameAnalysisAndGradesWithinRounding() {
        SortedMap<String, Object[]> n = byUscc(neo4j.store());
        SortedMap<String, Object[]> g = byUscc(gremlin.store());
        assertThat(g.keySet()).isEqualTo(n.keySet());
        int graded = 0;
        for (String uscc : n.keySet()) {
            Object[] a = n.get(uscc), b = g.get(uscc);
            assertThat(b[1]).as("grade of " + uscc).isEqualTo(a[1]);
            if (a[1] != null) graded++;
            for (int i = 2; i < a.length; i++) {
                if (a[i] == null) {
                    assertThat(b[i]).as(uscc + " column " + i).isNull();
                } else {
                    assertThat(((Number) b[i]).doubleValue()).as(uscc + " column " + i)
                            .isCloseTo(((Number) a[i]).doubleValue(), within(1e-6));
                }
            }
        }
        assertThat(graded).isGreaterThan(20);
    }

    static SortedMap<String, Object[]> byUscc(GraphStore store) {
        SortedMap<String, Object[]> out = new TreeMap<>();
        for (Object[] row : store.nodeProperties("Enterprise", List.of("uscc", "grade", "score", "pagerank", "risk_inherited")).values()) {
            if (row[0] != null) out.put((String) row[0], row);
        }
        return out;
    }

    @Test
    void sameClues() {
        assertThat(gremlinWarn.lines().filter(l -> l.matches("W\\d\\d .*")).toList())
                .isEqualTo(neo4jWarn.lines().filter(l -> l.matches("W\\d\\d .*")).toList());
        var n = new TreeSet<String>();
        neo4j.workflow().clues().list(io.riskgraph.workflow.ClueFilter.all()).forEach(c -> n.add(c.id() + " " + c.uscc()));
        var g = new TreeSet<String>();
        gremlin.workflow().clues().list(io.riskgraph.workflow.ClueFilter.all()).forEach(c -> g.add(c.id() + " " + c.uscc()));
        assertThat(g).isEqualTo(n).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/enterprises/" + SNACK + "/related?hops=3&types=INVESTS_IN,SHAREHOLDER_OF",
            "/enterprises/91310112MA1GH0370U/related?hops=2",
            "/enterprises/91310115MA1GH0888D/related?hops=2"})
    void sameRelatedParties(String path) throws Exception {
        JsonNode n = get(neo4jServer, neo4jKey, path), g = get(gremlinServer, gremlinKey, path);
        // which of several equal-length ways to a party is kept is the store's choice (Neo4j's varies between runs):
        // compare shares only where every relationship followed is a holding
        boolean holdingsOnly = path.contains("types=INVESTS_IN,SHAREHOLDER_OF");
        assertThat(parties(g, holdingsOnly)).isEqualTo(parties(n, holdingsOnly)).isNotEmpty();
        assertThat(g.get("relatedRisk")).isEqualTo(n.get("relatedRisk"));
    }

    static Map<String, String> parties(JsonNode j, boolean withShares) {
        Map<String, String> out = new TreeMap<>();
        j.get("parties").forEach(p -> out.put(p.get("party").get("key").asText(), p.get("hops").asText()
                + (withShares ? " " + p.path("effectiveShare").asText() + " " + p.path("holding").asText() : "")));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/paths?from=P01&to=" + FOOD, "/paths?from=" + SNACK + "&to=" + PYRAMID_TOP + "&maxHops=3",
            "/enterprises/" + FOOD + "/holders", "/enterprises/" + SNACK, "/segments/CATERING/high-risk"})
    void sameAnswersIgnoringStoreIds(String path) throws Exception {
        JsonNode n = get(neo4jServer, neo4jKey, path), g = get(gremlinServer, gremlinKey, path);
        assertThat(withoutIds(g)).isEqualTo(withoutIds(n));
    }

    /** Store ids differ between backends (element ids against numeric ids); timings too. */
    static JsonNode withoutIds(JsonNode j) {
        JsonNode copy = j.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode j) {
        if (j instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            for (String f : List.of("id", "_id", "start", "end", "storeId", "elapsedMs", "tookMs")) o.remove(f);
            o.forEach(BackendParityTest::strip);
        } else if (j.isArray()) {
            j.forEach(BackendParityTest::strip);
        }
    }

    @Test
    void gremlinOnTheGremlinBackendOnlyAndCypherOnNeo4jOnly() throws Exception {
        HttpResponse<String> ok = post(gremlinServer, gremlinKey, "/gremlin",
                "{\"statement\": \"g.V().hasLabel('Enterprise').count()\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).get("rows").get(0).get(0).asLong()).isEqualTo(32);
        HttpResponse<String> refused = post(gremlinServer, gremlinKey, "/gremlin", "{\"statement\": \"g.V().drop()\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("QUERY_REFUSED").contains("drop() writes");
        HttpResponse<String> cypher = post(gremlinServer, gremlinKey, "/cypher", "{\"statement\": \"MATCH (n) RETURN count(n)\"}");
        assertThat(cypher.statusCode()).isEqualTo(501);
        assertThat(cypher.body()).contains("Cypher queries are Neo4j-only");
        HttpResponse<String> onNeo4j = post(neo4jServer, neo4jKey, "/gremlin", "{\"statement\": \"g.V().count()\"}");
        assertThat(onNeo4j.statusCode()).isEqualTo(501);
        assertThat(onNeo4j.body()).contains("Gremlin queries need the TinkerPop backend");
        HttpResponse<String> cypherOnNeo4j = post(neo4jServer, neo4jKey, "/cypher",
                "{\"statement\": \"MATCH (e:Enterprise) RETURN count(e)\"}");
        assertThat(JSON.readTree(cypherOnNeo4j.body()).get("rows").get(0).get(0).asLong()).isEqualTo(32);
    }

    @Test
    void theGremlinCatalogueRuns() {
        // every query of the catalogue runs on the API's backend (GremlinCatalogueTest compares the answers with Cypher)
        Map<String, Map<String, Object>> params = new java.util.HashMap<>(Map.of("related-parties", Map.of("uscc", PYRAMID_TOP),
                "co-located-firms", Map.of("uscc", PYRAMID_TOP), "busy-addresses", Map.of("min_firms", 2L),
                "role-holders-elsewhere", Map.of("uscc", PYRAMID_TOP), "open-alerts", Map.of("min_alerts", 1L),
                "people-behind-failing-firms", Map.of("min_firms", 2L), "supplier-failures", Map.of("min_sites", 2L),
                "new-firm-at-revoked-address", Map.of("max_firms", 10L), "shared-phones", Map.of("min_firms", 2L),
                "controllers-of-many-firms", Map.of("min_firms", 2L)));
        params.put("complaint-hotspots", Map.of("min_complaints", 1L));
        params.put("paths-between-firms", Map.of("from_uscc", PYRAMID_TOP, "to_uscc", SNACK, "max_degree", 50L));
        for (var q : gremlin.gremlinCatalogue().all()) {
            Map<String, Object> p = params.getOrDefault(q.name(), Map.of());
            q.checkParams(p.keySet());
            var r = gremlin.gremlin().run(q.statement(), p, io.riskgraph.query.QueryLimits.DEFAULT);
            assertThat(r.rows()).as(q.name()).isNotNull();
        }
        var busy = gremlin.gremlin().run(gremlin.gremlinCatalogue().get("busy-addresses").statement(),
                params.get("busy-addresses"), io.riskgraph.query.QueryLimits.DEFAULT);
        assertThat(busy.rows()).isNotEmpty();
    }

    @Test
    void theCliRunsOnTheEmbeddedGremlinBackend() {
        Path store = tmp.resolve("cli-gremlin");
        String[] on = {"--gremlin", "embedded", "--store", store.toString()};
        CliRun ingest = CliRun.of(concat(new String[]{"ingest", EXAMPLE}, on));
        assertThat(ingest.exit()).as(ingest.err() + ingest.out()).isZero();
        assertThat(Files.exists(store.resolve("tinkergraph.bin"))).isTrue();
        CliRun stats = CliRun.of(concat(new String[]{"stats"}, on));
        assertThat(stats.out()).containsPattern("Enterprise\\s+32").containsPattern("SHAREHOLDER_OF\\s+7");
        CliRun count = CliRun.of(concat(new String[]{"gremlin", "g.V().has('Enterprise', 'uscc', u).values('name')",
                "--param", "u=" + SNACK}, on));
        assertThat(count.exit()).as(count.err()).isZero();
        assertThat(count.out()).contains("上海祥味小吃店");
        CliRun named = CliRun.of(concat(new String[]{"gremlin", "--named", "busy-addresses", "--param", "min_firms=2",
                "--format", "csv"}, on));
        assertThat(named.exit()).as(named.err()).isZero();
        assertThat(named.out()).startsWith("address,firms");
        CliRun write = CliRun.of(concat(new String[]{"gremlin", "g.withoutStrategies(ReadOnlyStrategy).addV('X')"}, on));
        assertThat(write.exit()).isEqualTo(Main.USAGE);
        assertThat(write.err()).contains("g.withoutStrategies(...) is not allowed");
        CliRun cypher = CliRun.of(concat(new String[]{"query", "MATCH (n) RETURN count(n)"}, on));
        assertThat(cypher.exit()).isEqualTo(Main.USAGE);
        assertThat(cypher.err()).contains("Cypher queries are Neo4j-only");
        CliRun bulk = CliRun.of(concat(new String[]{"ingest", EXAMPLE, "--mode", "bulk"}, on));
        assertThat(bulk.exit()).isEqualTo(Main.USAGE);
        assertThat(bulk.err()).contains("Neo4j's offline importer");
        CliRun analyze = CliRun.of(concat(new String[]{"analyze"}, on));
        assertThat(analyze.exit()).as(analyze.err()).isZero();
        CliRun grade = CliRun.of(concat(new String[]{"grade"}, on));
        assertThat(grade.exit()).as(grade.err()).isZero();
        CliRun warn = CliRun.of(concat(new String[]{"warn"}, on));
        assertThat(warn.exit()).as(warn.err()).isZero();
        CliRun clues = CliRun.of(concat(new String[]{"clues", "list"}, on));
        assertThat(clues.exit()).as(clues.err()).isZero();
        assertThat(clues.out()).contains("W");
        CliRun unreachable = CliRun.of("stats", "--gremlin", "ws://127.0.0.1:1");
        assertThat(unreachable.exit()).isEqualTo(Main.FAILURE);
        assertThat(unreachable.err()).contains("ws://127.0.0.1:1");
    }

    static String[] concat(String[] a, String[] b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    static JsonNode get(ApiServer server, String key, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static HttpResponse<String> post(ApiServer server, String key, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
