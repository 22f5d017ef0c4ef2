package io.riskgraph.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.riskgraph.cypher.TestNeo4j;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.riskgraph.api.ApiFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /cypher: read-only, parameters, limits; everything else refused with a status a person can act on. */
class CypherTest {
    @BeforeAll
    static void start() { server(); }

    static String body(String statement) {
        return Json.write(java.util.Map.of("statement", statement));
    }

    @Test
    void runsAReadWithParameters() {
        Reply r = post(Role.ANALYST, "/cypher", "{\"statement\": \"MATCH (e:Enterprise {uscc: $u}) RETURN e.name AS name\", "
                + "\"params\": {\"u\": \"" + FOOD + "\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("columns").get(0).asText()).isEqualTo("name");
        assertThat(r.json().get("rows").get(0).get(0).asText()).isEqualTo("上海华祥食品有限公司");
    }

    @Test
    void personNodesAreMaskedBelowInvestigator() {
        String q = body("MATCH (p:Person {person_id: 'P01'}) RETURN p");
        JsonNode analyst = post(Role.ANALYST, "/cypher", q).json();
        JsonNode investigator = post(Role.INVESTIGATOR, "/cypher", q).json();
        assertThat(analyst.toString()).contains("张*").doesNotContain("张伟").doesNotContain("id_number");
        assertThat(investigator.toString()).contains("张伟");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "a write; CREATE (n:Hacked {at: 1}) RETURN n",
            "a merge; MERGE (n:Enterprise {uscc: 'X'}) RETURN n",
            "a delete; MATCH (n:Enterprise) DETACH DELETE n",
            "LOAD CSV; LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
            "CALL dbms.*; CALL dbms.components() YIELD name RETURN name",
            "CALL dbms.* write; CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')",
            "an APOC-style write; CALL apoc.create.node(['Hacked'], {}) YIELD node RETURN node",
            "an APOC-style periodic write; CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})",
            "a schema change; CREATE INDEX hacked FOR (n:Enterprise) ON (n.name)",
            "malformed; MATCH (n RETURN n",
    })
    void refused(String what, String statement) {
        Reply r = post(Role.ANALYST, "/cypher", body(statement));
        assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("QUERY_REFUSED");
        assertThat(r.json().get("message").asText()).isNotBlank();
        try (var s = TestNeo4j.connection().driver().session()) {
            assertThat(s.run("MATCH (n:Hacked) RETURN count(n) AS n").single().get("n").asLong()).isZero();
            assertThat(s.run("MATCH (n:Enterprise) RETURN count(n) AS n").single().get("n").asLong()).isEqualTo(32);
        }
    }

    @Test
    void tooLongIs408() {
        Reply r = post(Role.ANALYST, "/cypher", "{\"statement\": \"UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 100 RETURN count(x)\", \"timeoutSeconds\": 1}");
        assertThat(r.status()).as(r.body()).isEqualTo(408);
        assertThat(r.code()).isEqualTo("QUERY_TIMEOUT");
    }

    @Test
    void tooManyRowsIs413() {
        Reply r = post(Role.ANALYST, "/cypher", "{\"statement\": \"UNWIND range(1, 10) AS x RETURN x\", \"maxRows\": 3}");
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.code()).isEqualTo("RESULT_TOO_LARGE");
        assertThat(r.json().get("message").asText()).contains("more than 3 rows");
        Reply server = post(Role.ANALYST, "/cypher", body("UNWIND range(1, 5000) AS x RETURN x"));
        assertThat(server.status()).as("the server's own limit (1,000 in the tests)").isEqualTo(413);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "not JSON; {statement: ; INVALID_JSON",
            "no statement; {\"params\": {}}; MISSING_STATEMENT",
            "params not an object; {\"statement\": \"RETURN 1\", \"params\": [1]}; INVALID_PARAMETER",
            "timeout above the server's; {\"statement\": \"RETURN 1\", \"timeoutSeconds\": 3600}; INVALID_PARAMETER",
            "missing parameter; {\"statement\": \"RETURN $x AS x\"}; QUERY_REFUSED",
    })
    void badRequests(String what, String json, String code) {
        Reply r = post(Role.ANALYST, "/cypher", json);
        assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(400);
        assertThat(r.code()).isEqualTo(code);
    }
}
