package io.riskgraph.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.riskgraph.api.ApiFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /enterprises/{uscc}/holders: chains, summed parallel chains, controller, cycles. */
class HoldersTest {
    static final String TRADING = "91310109MA1FK0185K";   // 华祥贸易: held 40 % by 控股 and 30 % by 食品 (the diamond)
    static final String DONGLIAN = "91310110MA1GH0222A";  // cross-holding with 西联投资

    @BeforeAll
    static void start() { server(); }

    static double share(JsonNode j, String key) {
        for (JsonNode h : j.get("holders")) if (h.get("holder").get("key").asText().equals(key)) return h.get("effectiveShare").asDouble();
        throw new AssertionError(key + " is no holder: " + j);
    }

    @Test
    void pyramidChainMultipliesShares() {
        JsonNode j = get(Role.INVESTIGATOR, "/enterprises/" + SNACK + "/holders").json();
        assertThat(share(j, CATERING)).isEqualTo(0.51);
        assertThat(share(j, PYRAMID_TOP)).isEqualTo(0.2142);
        assertThat(share(j, "P01")).isEqualTo(0.1714);
        java.util.List<String> ultimate = new java.util.ArrayList<>();
        j.get("ultimateHolders").forEach(h -> ultimate.add(h.get("holder").get("key").asText()));
        assertThat(ultimate).contains("P01").doesNotContain(CATERING);
        assertThat(j.get("controller").isNull()).as("nobody above 25 %").isTrue();
    }

    @Test
    void parallelChainsAreSummedAndTheLargestAbove25PercentControls() {
        JsonNode j = get(Role.INVESTIGATOR, "/enterprises/" + TRADING + "/holders").json();
        assertThat(share(j, PYRAMID_TOP)).isEqualTo(0.58);    // 0.4 + 0.6 * 0.3
        assertThat(share(j, "P01")).isEqualTo(0.464);          // 0.8 * 0.58
        assertThat(j.get("controller").get("holder").get("key").asText()).isEqualTo("P01");
        assertThat(j.get("controllerRule").asText()).contains("25 %");
        for (JsonNode h : j.get("holders")) {
            if (h.get("holder").get("key").asText().equals("P01")) assertThat(h.get("chains")).hasSize(2);
        }
    }

    @Test
    void crossHoldingCycleEnds() {
        JsonNode j = get(Role.CONSUMER, "/enterprises/" + DONGLIAN + "/holders").json();
        assertThat(j.get("cyclesCut").asBoolean()).isTrue();
        assertThat(share(j, "91310112MA1FK0259W")).isEqualTo(0.2);
    }

    @Test
    void consumersSeeMaskedHolders() {
        JsonNode j = get(Role.CONSUMER, "/enterprises/" + TRADING + "/holders").json();
        assertThat(j.toString()).doesNotContain("\"P01\"").doesNotContain("张伟").contains("张*");
    }

    @Test
    void invalidUsccIs400() {
        Reply r = get(Role.CONSUMER, "/enterprises/123/holders");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("INVALID_USCC");
    }
}
