package io.riskgraph.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.riskgraph.api.ApiFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /queries and POST /queries/{name}. */
class NamedQueriesApiTest {
    @BeforeAll
    static void start() { server(); }

    @Test
    void listsTheCatalogue() {
        JsonNode j = get(Role.ANALYST, "/queries").json();
        java.util.List<String> names = new java.util.ArrayList<>();
        j.forEach(q -> names.add(q.get("name").asText()));
        assertThat(names).contains("control-chain", "shell-clusters", "open-alerts").hasSize(11);
        assertThat(j.get(0).get("description").asText()).isNotBlank();
    }

    @Test
    void runsANamedQuery() {
        Reply r = post(Role.ANALYST, "/queries/control-chain", "{\"params\": {\"uscc\": \"" + SNACK + "\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains(PYRAMID_TOP);
        assertThat(r.json().get("rowCount").asInt()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "missing parameter; control-chain; {}; 400; BAD_REQUEST; needs uscc",
            "unknown parameter; open-alerts; {\"params\": {\"min_alerts\": 1, \"x\": 2}}; 400; BAD_REQUEST; has no parameter x",
            "unknown query; no-such-query; {}; 404; UNKNOWN_QUERY; GET /queries",
    })
    void errors(String what, String name, String body, int status, String code, String message) {
        Reply r = post(Role.ANALYST, "/queries/" + name, body);
        assertThat(r.status()).as(what).isEqualTo(status);
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.json().get("message").asText()).contains(message);
    }
}
