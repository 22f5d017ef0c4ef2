package io.riskgraph.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.ingest.Ingestor;
import io.riskgraph.model.id.IdProtector;
import io.riskgraph.progress.ProgressListener;
import org.neo4j.driver.Session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * One real server per test JVM on a free port, over the shared embedded Neo4j (TestNeo4j) loaded with
 * examples/small-city, with one key per role. Other test classes may clear the graph; {@link #server()} reloads
 * the example (and re-indexes) when its marker node is gone.
 */
final class ApiFixture {
    static final String PYRAMID_TOP = "91310104MA1FK0037N";     // 上海华祥控股集团有限公司
    static final String FOOD = "91310105MA1GH00743";            // 上海华祥食品有限公司
    static final String CATERING = "91310106MA1FK0111L";        // 上海华祥餐饮管理有限公司
    static final String SNACK = "91310107MA1GH0148Y";           // 上海祥味小吃店
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Map<Role, String> KEYS = new EnumMap<>(Role.class);
    static final ApiConfig CONFIG = new ApiConfig(10, Duration.ofSeconds(10), 1_000);
    private static ApiServer server;
    static Path dir;

    private ApiFixture() {}

    static synchronized ApiServer server() {
        boolean loaded;
        try (Session s = TestNeo4j.connection().driver().session()) {
            loaded = s.run("MATCH (m:ApiTestMarker) RETURN count(m) AS n").single().get("n").asLong() > 0;
        }
        if (!loaded) {
            TestNeo4j.clear();
            try {
                dir = dir == null ? Files.createTempDirectory(Path.of("target"), "api-test") : dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            new Ingestor(TestNeo4j.store(), new IdProtector(new byte[32]), Ingestor.Options.DEFAULT)
                    .ingest(Path.of("../examples/small-city"), dir.resolve("rejects.csv"), ProgressListener.NONE);
            try (Session s = TestNeo4j.connection().driver().session()) {
                s.run("CREATE (:ApiTestMarker)").consume();
            }
            if (server != null) server.reindexAll();
        }
        if (server == null) {
            server = new ApiServer(CONFIG, TestNeo4j.backend(), dir, dir.resolve("index")).start("127.0.0.1", 0);
            for (Role r : Role.values()) KEYS.put(r, server.keys().create("test-" + r.lower(), r).secret());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        String code() { return json().path("code").asText(); }
    }

    static Reply get(Role role, String path) {
        return send(role, path, null, "GET");
    }

    static Reply post(Role role, String path, String json) {
        return send(role, path, json, "POST");
    }

    static Reply send(Role role, String path, String json, String method) {
        HttpRequest.Builder b = request(path);
        if (role != null) b.header("Authorization", "Bearer " + KEYS.get(role));
        return send(b, json, method);
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server().port() + path)).timeout(Duration.ofSeconds(60));
    }

    static Reply send(HttpRequest.Builder b, String json, String method) {
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) b.header("Content-Type", "application/json");
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
