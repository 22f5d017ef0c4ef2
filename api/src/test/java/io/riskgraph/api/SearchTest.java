package io.riskgraph.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static io.riskgraph.api.ApiFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /search: Chinese words, pinyin, initials, fuzzy typos, exact USCC and name first; re-indexing. */
class SearchTest {
    @BeforeAll
    static void start() { server(); }

    static List<String> keys(Role role, String q) {
        Reply r = get(role, "/search?q=" + enc(q));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("hits").findValuesAsText("key");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', value = {
            // how; query; a key among the hits; the first hit (or empty)
            "Chinese word; 华祥食品; " + FOOD + "; " + FOOD,
            "Chinese word in an address; 天山路; " + FOOD + ";",
            "pinyin; shanghai huaxiang; " + PYRAMID_TOP + ";",
            "joined pinyin; shanghaihuaxiang; " + FOOD + ";",
            "pinyin initials; shhx; " + CATERING + ";",
            "pinyin typo; shanghai huaxaing; " + FOOD + ";",
            "pinyin typo; huaxiang shipn; " + FOOD + "; " + FOOD,
            "exact USCC; " + FOOD + "; " + FOOD + "; " + FOOD,
            "USCC lower case; 91310105ma1gh00743; " + FOOD + "; " + FOOD,
            "exact name; 上海华祥控股集团有限公司; " + PYRAMID_TOP + "; " + PYRAMID_TOP,
            "phone; 021-62591111; " + FOOD + "; " + FOOD,
            "person name; 张伟; P01; P01",
            "person pinyin; zhangwei; P01;",
    })
    void finds(String how, String q, String among, String first) {
        List<String> keys = keys(Role.INVESTIGATOR, q);
        assertThat(keys).as(how).contains(among);
        if (first != null) assertThat(keys.getFirst()).as(how + " ranks it first").isEqualTo(first);
    }

    @Test
    void exactMatchIsFlagged() {
        JsonNode hit = get(Role.CONSUMER, "/search?q=" + FOOD).json().get("hits").get(0);
        assertThat(hit.get("exact").asBoolean()).isTrue();
    }

    @Test
    void consumersSeeMaskedPersons() {
        JsonNode j = get(Role.CONSUMER, "/search?q=" + enc("张伟")).json();
        JsonNode person = null;
        for (JsonNode h : j.get("hits")) if (h.get("type").asText().equals("person")) person = h;
        assertThat(person).isNotNull();
        assertThat(person.get("name").asText()).isEqualTo("张*");
        assertThat(person.get("key").asText()).startsWith("anon-");
        assertThat(j.toString()).doesNotContain("P01");
    }

    @Test
    void reindexPicksUpAChangedName() {
        String old = "上海绿源食品厂";
        String uscc = "91310104MA1FK04810";
        try (var s = io.riskgraph.cypher.TestNeo4j.connection().driver().session()) {
            s.run("MATCH (e:Enterprise {uscc: $u}) SET e.name = '上海青松食品厂'", Map.of("u", uscc)).consume();
        }
        try {
            assertThat(keys(Role.CONSUMER, "青松")).doesNotContain(uscc);
            Reply r = post(Role.ADMIN, "/admin/reindex", "{\"usccs\": [\"" + uscc + "\"]}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("mode").asText()).isEqualTo("changed");
            assertThat(keys(Role.CONSUMER, "青松")).contains(uscc);
        } finally {
            try (var s = io.riskgraph.cypher.TestNeo4j.connection().driver().session()) {
                s.run("MATCH (e:Enterprise {uscc: $u}) SET e.name = $n", Map.of("u", uscc, "n", old)).consume();
            }
            server().reindex(List.of(uscc), List.of());
        }
        assertThat(keys(Role.CONSUMER, "绿源")).contains(uscc);
    }

    @Test
    void fullReindex() {
        Reply r = post(Role.ADMIN, "/admin/reindex", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("documents").asInt()).isEqualTo(r.json().get("indexed").asInt()).isGreaterThan(40);
    }

    @Test
    void missingQueryIs400() {
        Reply r = get(Role.CONSUMER, "/search?q=");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("MISSING_PARAMETER");
    }
}
