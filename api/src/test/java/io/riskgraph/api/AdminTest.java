package io.riskgraph.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.riskgraph.api.ApiFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The audit log and its export, key management over HTTP. */
class AdminTest {
    @BeforeAll
    static void start() { server(); }

    static List<JsonNode> lines(String body) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : body.split("\n")) if (!l.isBlank()) out.add(Json.MAPPER.readTree(l));
        return out;
    }

    @Test
    void entityReadsAreAuditedWithWhoWhatWhenAndWhich() throws Exception {
        Instant before = Instant.now().minusMillis(1);
        assertThat(get(Role.CONSUMER, "/enterprises/" + SNACK + "/holders").status()).isEqualTo(200);
        assertThat(get(Role.INVESTIGATOR, "/search?q=" + enc("张伟")).status()).isEqualTo(200);
        Reply r = get(Role.ADMIN, "/admin/audit?from=" + before);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).contains("ndjson");
        List<JsonNode> entries = lines(r.body());
        JsonNode holders = entries.stream().filter(e -> e.get("route").asText().equals("/enterprises/{uscc}/holders")).findFirst().orElseThrow();
        assertThat(holders.get("key").asText()).isEqualTo("test-consumer");
        assertThat(holders.get("role").asText()).isEqualTo("consumer");
        assertThat(holders.get("params").get("uscc").asText()).isEqualTo(SNACK);
        List<String> ents = new ArrayList<>();
        holders.get("entities").forEach(x -> ents.add(x.asText()));
        assertThat(ents).contains(SNACK, CATERING, "P01");
        JsonNode search = entries.stream().filter(e -> e.get("route").asText().equals("/search")).findFirst().orElseThrow();
        assertThat(search.get("params").get("q").asText()).isEqualTo("张伟");
        assertThat(search.toString()).contains("P01");
    }

    @Test
    void exportAsCsvAndByTime() {
        get(Role.CONSUMER, "/enterprises/" + FOOD);
        Reply csv = get(Role.ADMIN, "/admin/audit?format=csv&from=2000-01-01");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("time,key,role,method,route,path,params,status,entities\n").contains("/enterprises/{uscc}");
        Reply none = get(Role.ADMIN, "/admin/audit?to=2000-01-01");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body()).isEmpty();
    }

    @Test
    void refusedRequestsAreAuditedToo() throws Exception {
        Instant before = Instant.now().minusMillis(1);
        assertThat(get(Role.CONSUMER, "/enterprises/91310105MA1GH00744").status()).isEqualTo(404);
        List<JsonNode> entries = lines(get(Role.ADMIN, "/admin/audit?from=" + before).body());
        assertThat(entries).anyMatch(e -> e.get("status").asInt() == 404 && e.get("path").asText().endsWith("91310105MA1GH00744"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"from=yesterday", "to=2026-13-01", "format=xml"})
    void badExportParametersAre400(String query) {
        Reply r = get(Role.ADMIN, "/admin/audit?" + query);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void keysOverHttp() {
        Reply created = post(Role.ADMIN, "/admin/keys", "{\"name\": \"http-analyst\", \"role\": \"analyst\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String secret = created.json().get("key").asText();
        assertThat(send(request("/queries").header("Authorization", "Bearer " + secret), null, "GET").status()).isEqualTo(200);
        Reply list = get(Role.ADMIN, "/admin/keys");
        assertThat(list.json().findValuesAsText("name")).contains("http-analyst", "test-admin");
        assertThat(list.body()).doesNotContain(secret).doesNotContain("sha256");
        assertThat(send(Role.ADMIN, "/admin/keys/http-analyst", null, "DELETE").status()).isEqualTo(200);
        assertThat(send(request("/queries").header("Authorization", "Bearer " + secret), null, "GET").status()).isEqualTo(401);
        assertThat(send(Role.ADMIN, "/admin/keys/http-analyst", null, "DELETE").status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "{\"name\": \"x\", \"role\": \"boss\"}; unknown role",
            "{\"name\": \"bad name!\", \"role\": \"consumer\"}; must be",
            "{\"role\": \"consumer\"}; send",
    })
    void badKeyRequestsAre400(String body, String message) {
        Reply r = post(Role.ADMIN, "/admin/keys", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).contains(message);
    }
}
