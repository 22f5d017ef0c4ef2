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

/** GET /enterprises/{uscc}/related: parties, paths, shares, risk, filters, paging and hubs. */
class RelatedPartiesTest {
    static final String QINGHE = "91310115MA1GH0888D";   // one of six firms at the formation agent's address
    static final String XINGCHEN = "91310115MA1FK0925G"; // another firm there

    @BeforeAll
    static void start() { server(); }

    static List<String> keys(JsonNode j) {
        List<String> out = new ArrayList<>();
        j.get("parties").forEach(p -> out.add(p.get("party").get("key").asText()));
        return out;
    }

    static JsonNode party(JsonNode j, String key) {
        for (JsonNode p : j.get("parties")) if (p.get("party").get("key").asText().equals(key)) return p;
        throw new AssertionError(key + " not among " + keys(j));
    }

    @Test
    void holdingChainsCarryTheProductOfShares() {
        JsonNode j = get(Role.INVESTIGATOR, "/enterprises/" + SNACK + "/related?hops=3&types=INVESTS_IN,SHAREHOLDER_OF").json();
        assertThat(party(j, CATERING).get("effectiveShare").asDouble()).isEqualTo(0.51);
        assertThat(party(j, FOOD).get("effectiveShare").asDouble()).isEqualTo(0.357);
        assertThat(party(j, PYRAMID_TOP).get("effectiveShare").asDouble()).isEqualTo(0.2142);
        assertThat(party(j, PYRAMID_TOP).get("hops").asInt()).isEqualTo(3);
        assertThat(party(j, PYRAMID_TOP).get("holding").asText()).isEqualTo("party holds subject");
        JsonNode path = party(j, FOOD).get("path");
        assertThat(path.get("nodes").findValuesAsText("key")).containsExactly(SNACK, CATERING, FOOD);
        assertThat(path.get("relationships").findValuesAsText("type")).containsExactly("INVESTS_IN", "INVESTS_IN");
    }

    @Test
    void relatedRiskCombinesRelatedPartiesEvents() {
        JsonNode j = get(Role.CONSUMER, "/enterprises/91310112MA1GH0370U/related?hops=2").json();
        JsonNode agg = j.get("relatedRisk");
        assertThat(agg.get("value").asDouble()).isBetween(0.01, 1.0);
        assertThat(agg.get("riskEvents").asLong()).isPositive();
        assertThat(agg.get("formula").asText()).contains("0.5^hops");
        assertThat(j.get("parties").get(0).get("party").get("masked").asBoolean()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            // query; must contain; must not contain
            "hops=1; " + CATERING + "; " + FOOD,
            "hops=3&minShare=0.3&types=INVESTS_IN; " + CATERING + "|" + FOOD + "; " + PYRAMID_TOP,
            "hops=3&types=INVESTS_IN&segments=FOOD_PRODUCTION; " + FOOD + "; " + CATERING,
    })
    void filters(String query, String contains, String excludes) {
        JsonNode j = get(Role.INVESTIGATOR, "/enterprises/" + SNACK + "/related?" + query).json();
        assertThat(keys(j)).contains(contains.split("\\|")).doesNotContain(excludes);
    }

    @Test
    void pagesAreDisjointAndCoverTheTotal() {
        String base = "/enterprises/" + QINGHE + "/related?hops=2&size=2";
        JsonNode first = get(Role.INVESTIGATOR, base + "&page=1").json();
        int total = first.get("total").asInt();
        assertThat(total).isGreaterThan(2);
        List<String> all = new ArrayList<>();
        for (int page = 1; page <= first.get("pages").asInt(); page++) all.addAll(keys(get(Role.INVESTIGATOR, base + "&page=" + page).json()));
        assertThat(all).hasSize(total).doesNotHaveDuplicates();
    }

    @Test
    void hubsAreReportedNotExpanded() {
        JsonNode open = get(Role.INVESTIGATOR, "/enterprises/" + QINGHE + "/related?hops=2").json();
        assertThat(keys(open)).contains(XINGCHEN);
        JsonNode limited = get(Role.INVESTIGATOR, "/enterprises/" + QINGHE + "/related?hops=2&hubDegree=5").json();
        assertThat(keys(limited)).doesNotContain(XINGCHEN);
        assertThat(limited.get("hubsNotExpanded").findValuesAsText("label")).contains("Address");
        assertThat(limited.get("hubDegree").asInt()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"hops=4", "hops=0", "hops=x", "minShare=1.5", "types=FRIEND_OF", "size=0", "page=0", "hubDegree=11"})
    void badParametersAre400(String query) {
        Reply r = get(Role.CONSUMER, "/enterprises/" + SNACK + "/related?" + query);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("INVALID_PARAMETER");
        assertThat(r.json().get("message").asText()).contains(query.substring(0, query.indexOf('=')));
    }

    @Test
    void unknownEnterpriseIs404() {
        assertThat(get(Role.CONSUMER, "/enterprises/91310105MA1GH00744/related").status()).isEqualTo(404);
    }
}
