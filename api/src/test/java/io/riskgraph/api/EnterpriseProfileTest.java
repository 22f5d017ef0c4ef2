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

/** GET /enterprises/{uscc}: registration data, grading hooks, segments, people and a dated timeline. */
class EnterpriseProfileTest {
    @BeforeAll
    static void start() { server(); }

    @Test
    void profileHasRegistrationDataSegmentsAndGradingHooks() {
        Reply r = get(Role.CONSUMER, "/enterprises/" + FOOD);
        assertThat(r.status()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("uscc").asText()).isEqualTo(FOOD);
        assertThat(j.get("name").asText()).isEqualTo("上海华祥食品有限公司");
        assertThat(j.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(j.get("established").asText()).isEqualTo("2009-06-01");
        assertThat(j.has("grade") && j.get("grade").isNull()).isTrue();
        assertThat(j.has("score") && j.get("score").isNull()).isTrue();
        assertThat(j.has("reasons") && j.get("reasons").isNull()).isTrue();
        assertThat(j.get("segments").findValuesAsText("code")).containsExactly("FOOD_PRODUCTION");
    }

    @Test
    void timelineIsSortedByDateAndHasEvents() {
        JsonNode j = get(Role.CONSUMER, "/enterprises/" + FOOD).json();
        List<String> dates = new ArrayList<>();
        j.get("timeline").forEach(e -> dates.add(e.get("date").asText()));
        assertThat(dates).isNotEmpty().isSorted();
        List<String> kinds = j.get("timeline").findValuesAsText("kind");
        assertThat(kinds).allMatch(k -> List.of("Inspection", "Sample", "Penalty", "Complaint", "CourtRecord", "Alert").contains(k));
    }

    @Test
    void gradeAndScoreShowWhenWritten() {
        try (var s = io.riskgraph.cypher.TestNeo4j.connection().driver().session()) {
            s.run("MATCH (e:Enterprise {uscc: $u}) SET e.grade = 'C', e.score = 0.7, e.reasons = ['open alerts']",
                    java.util.Map.of("u", SNACK)).consume();
        }
        try {
            JsonNode j = get(Role.CONSUMER, "/enterprises/" + SNACK).json();
            assertThat(j.get("grade").asText()).isEqualTo("C");
            assertThat(j.get("score").asDouble()).isEqualTo(0.7);
            assertThat(j.get("reasons").get(0).asText()).isEqualTo("open alerts");
        } finally {
            try (var s = io.riskgraph.cypher.TestNeo4j.connection().driver().session()) {
                s.run("MATCH (e:Enterprise {uscc: $u}) REMOVE e.grade, e.score, e.reasons", java.util.Map.of("u", SNACK)).consume();
            }
        }
    }

    @Test
    void peopleAreMaskedForConsumersAndFullForInvestigators() {
        JsonNode consumer = get(Role.CONSUMER, "/enterprises/" + PYRAMID_TOP).json();
        JsonNode investigator = get(Role.INVESTIGATOR, "/enterprises/" + PYRAMID_TOP).json();
        assertThat(consumer.get("people").findValuesAsText("name")).contains("张*").doesNotContain("张伟");
        assertThat(consumer.toString()).doesNotContain("P01").doesNotContain("id_number");
        assertThat(investigator.get("people").findValuesAsText("name")).contains("张伟");
        assertThat(investigator.get("people").findValuesAsText("key")).contains("P01");
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "91310105MA1GH0074,     400, INVALID_USCC, has 17 characters",
            "91310105MA1GH0074I,    400, INVALID_USCC, at position 18 is not in the USCC alphabet",
            "91310105MA1GH00744,    404, UNKNOWN_ENTERPRISE, no enterprise",
            "91310105ma1gh00743,    200, , ",
    })
    void errors(String uscc, int status, String code, String message) {
        Reply r = get(Role.CONSUMER, "/enterprises/" + uscc);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        if (code != null) {
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.json().get("message").asText()).contains(message);
        } else {
            assertThat(r.json().get("uscc").asText()).isEqualTo(FOOD);
        }
    }
}
