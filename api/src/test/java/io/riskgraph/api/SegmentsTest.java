package io.riskgraph.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static io.riskgraph.api.ApiFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /segments/{code}/high-risk. */
class SegmentsTest {
    @BeforeAll
    static void start() { server(); }

    @Test
    void orderedByRiskEventsWithClusters() {
        JsonNode j = get(Role.CONSUMER, "/segments/CATERING/high-risk").json();
        List<Long> counts = new ArrayList<>();
        j.get("highRisk").forEach(e -> counts.add(e.get("riskEventCount").asLong()));
        assertThat(counts).isNotEmpty().isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(j.get("highRisk").get(0).get("uscc").asText()).isEqualTo("91310106MA1FK0555U");
        assertThat(j.get("clusters").get(0).get("members").findValuesAsText("uscc")).containsExactlyInAnyOrder(SNACK, CATERING);
    }

    @Test
    void scoreOrdersWhenGraded() {
        try (var s = io.riskgraph.cypher.TestNeo4j.connection().driver().session()) {
            s.run("MATCH (e:Enterprise {uscc: $u}) SET e.score = 0.9", java.util.Map.of("u", CATERING)).consume();
        }
        try {
            JsonNode j = get(Role.CONSUMER, "/segments/CATERING/high-risk?limit=2").json();
            assertThat(j.get("highRisk")).hasSize(2);
            assertThat(j.get("highRisk").get(0).get("uscc").asText()).isEqualTo(CATERING);
        } finally {
            try (var s = io.riskgraph.cypher.TestNeo4j.connection().driver().session()) {
                s.run("MATCH (e:Enterprise {uscc: $u}) REMOVE e.score", java.util.Map.of("u", CATERING)).consume();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"NOPE_SEGMENT, 404, UNKNOWN_SEGMENT", "bad-code, 400, INVALID_SEGMENT"})
    void errors(String code, int status, String error) {
        Reply r = get(Role.CONSUMER, "/segments/" + code + "/high-risk");
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.code()).isEqualTo(error);
    }
}
