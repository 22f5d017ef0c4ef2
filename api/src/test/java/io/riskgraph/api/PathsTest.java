package io.riskgraph.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.riskgraph.api.ApiFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /paths: shortest paths between enterprises and persons. */
class PathsTest {
    @BeforeAll
    static void start() { server(); }

    @Test
    void personToEnterpriseThroughTheHolding() {
        JsonNode j = get(Role.INVESTIGATOR, "/paths?from=P01&to=" + FOOD).json();
        assertThat(j.get("length").asInt()).isEqualTo(2);
        assertThat(j.get("paths").get(0).get("nodes").findValuesAsText("key")).containsExactly("P01", PYRAMID_TOP, FOOD);
    }

    @Test
    void enterpriseToEnterprise() {
        JsonNode j = get(Role.CONSUMER, "/paths?from=" + SNACK + "&to=" + PYRAMID_TOP + "&maxHops=3").json();
        assertThat(j.get("length").asInt()).isEqualTo(3);
        assertThat(j.get("count").asInt()).isPositive();
    }

    @Test
    void tooFewHopsGivesNoPath() {
        JsonNode j = get(Role.CONSUMER, "/paths?from=" + SNACK + "&to=" + PYRAMID_TOP + "&maxHops=1").json();
        assertThat(j.get("count").asInt()).isZero();
        assertThat(j.get("length").isNull()).isTrue();
    }

    @Test
    void consumersSeeMaskedPersonsOnPaths() {
        JsonNode j = get(Role.CONSUMER, "/paths?from=P01&to=" + FOOD).json();
        assertThat(j.toString()).doesNotContain("\"P01\"").contains("张*");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "from=P01; 400; MISSING_PARAMETER",
            "from=P01&to=NOBODY; 404; UNKNOWN_ENTITY",
            "from=P01&to=" + FOOD + "&maxHops=7; 400; INVALID_PARAMETER",
    })
    void errors(String query, int status, String code) {
        Reply r = get(Role.CONSUMER, "/paths?" + query);
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.code()).isEqualTo(code);
    }
}
