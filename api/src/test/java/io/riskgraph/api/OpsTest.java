package io.riskgraph.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static io.riskgraph.api.ApiFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** /health, /metrics and /openapi.json. */
class OpsTest {
    @BeforeAll
    static void start() { server(); }

    @Test
    void healthSaysOnlyUpToAnonymousCallersAndNonAdmins() {
        for (Role role : new Role[]{null, Role.CONSUMER, Role.ANALYST, Role.INVESTIGATOR}) {
            Reply r = role == null ? send(request("/health"), null, "GET") : get(role, "/health");
            assertThat(r.status()).as(String.valueOf(role)).isEqualTo(200);
            assertThat(r.body()).as(String.valueOf(role)).isEqualTo("{\"status\":\"ok\"}");
        }
        Reply bad = send(request("/health").header("X-API-Key", "rg_nope"), null, "GET");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.body()).doesNotContain("store").doesNotContain("Enterprise");
    }

    @Test
    void healthShowsTheStoreAndCountsToAdmins() {
        Reply r = get(Role.ADMIN, "/health");
        assertThat(r.status()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("status").asText()).isEqualTo("ok");
        assertThat(j.get("store").get("up").asBoolean()).isTrue();
        assertThat(j.get("store").get("nodes").get("Enterprise").asLong()).isEqualTo(32);
        assertThat(j.get("searchIndex").get("documents").asInt()).isGreaterThan(40);
    }

    @Test
    void healthSaysDownWithoutTheReasonToAnonymousCallers() throws Exception {
        io.riskgraph.store.GraphStore real = io.riskgraph.cypher.TestNeo4j.store();
        boolean[] down = {false};
        io.riskgraph.store.GraphStore failing = (io.riskgraph.store.GraphStore) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[]{io.riskgraph.store.GraphStore.class}, (proxy, m, args) -> {
                    if (down[0] && m.getName().equals("counts")) {
                        throw new io.riskgraph.store.GraphStoreException("cannot reach /secret/store/path");
                    }
                    try {
                        return m.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory(java.nio.file.Path.of("target"), "health-down");
        io.riskgraph.backend.Backend realBackend = io.riskgraph.cypher.TestNeo4j.backend();
        io.riskgraph.backend.Backend backend = (io.riskgraph.backend.Backend) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[]{io.riskgraph.backend.Backend.class}, (proxy, m, args) -> {
                    if (m.getName().equals("store")) return failing;
                    try {
                        return m.invoke(realBackend, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (ApiServer s = new ApiServer(CONFIG, backend, dir, null).start("127.0.0.1", 0)) {
            String admin = s.keys().create("health-admin", Role.ADMIN).secret();
            down[0] = true;
            var uri = java.net.URI.create("http://127.0.0.1:" + s.port() + "/health");
            Reply anonymous = send(java.net.http.HttpRequest.newBuilder(uri), null, "GET");
            assertThat(anonymous.status()).isEqualTo(503);
            assertThat(anonymous.body()).isEqualTo("{\"status\":\"down\"}");
            Reply detailed = send(java.net.http.HttpRequest.newBuilder(uri).header("X-API-Key", admin), null, "GET");
            assertThat(detailed.status()).isEqualTo(503);
            assertThat(detailed.json().get("store").get("error").asText()).contains("/secret/store/path");
        }
    }

    @Test
    void metricsInPrometheusFormat() {
        get(Role.CONSUMER, "/enterprises/" + FOOD);
        get(Role.CONSUMER, "/enterprises/91310105MA1GH00744");
        String m = send(request("/metrics"), null, "GET").body();
        assertThat(m).contains("# TYPE riskgraph_http_requests_total counter")
                .contains("riskgraph_http_requests_total{method=\"GET\",route=\"/enterprises/{uscc}\",status=\"200\"}")
                .contains("riskgraph_http_requests_total{method=\"GET\",route=\"/enterprises/{uscc}\",status=\"404\"}")
                .contains("# TYPE riskgraph_http_request_duration_seconds histogram")
                .contains("riskgraph_http_request_duration_seconds_bucket{method=\"GET\",route=\"/enterprises/{uscc}\",le=\"+Inf\"}")
                .contains("riskgraph_store_up 1");
    }

    @Test
    void openApiListsEveryRoute() {
        JsonNode doc = send(request("/openapi.json"), null, "GET").json();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(server().routes()).hasSizeGreaterThan(15);
        for (ApiServer.RouteInfo r : server().routes()) {
            JsonNode op = doc.get("paths").path(r.path()).path(r.method().toLowerCase(Locale.ROOT));
            assertThat(op.isMissingNode()).as(r.method() + " " + r.path() + " in openapi.json").isFalse();
            String role = r.role() == null ? null : r.role().lower();
            assertThat(op.path("x-role").isMissingNode() ? null : op.get("x-role").asText()).as(r.path() + " role").isEqualTo(role);
        }
        int documented = 0;
        for (var it = doc.get("paths").fields(); it.hasNext(); ) documented += it.next().getValue().size();
        assertThat(documented).isEqualTo(server().routes().size());
    }
}
