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
    void healthShowsTheStoreAndCounts() {
        Reply r = send(request("/health"), null, "GET");
        assertThat(r.status()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("status").asText()).isEqualTo("ok");
        assertThat(j.get("store").get("up").asBoolean()).isTrue();
        assertThat(j.get("store").get("nodes").get("Enterprise").asLong()).isEqualTo(32);
        assertThat(j.get("searchIndex").get("documents").asInt()).isGreaterThan(40);
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
