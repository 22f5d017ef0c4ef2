package io.riskgraph.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.riskgraph.risk.grading.GradingData;
import io.riskgraph.risk.warning.WarningData;
import io.riskgraph.risk.warning.WarningParams;
import io.riskgraph.risk.warning.WarningRule;
import io.riskgraph.risk.warning.WarningRules;
import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.cypher.workflow.WorkflowRepositories;
import io.riskgraph.progress.Cancellation;
import io.riskgraph.workflow.NewClue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neo4j.driver.Session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.riskgraph.api.ApiFixture.Reply;
import static io.riskgraph.api.ApiFixture.get;
import static io.riskgraph.api.ApiFixture.post;
import static io.riskgraph.api.ApiFixture.server;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /clues, GET /clues/{id}, POST /clues/{id}/status and GET /warning-rules over real HTTP, every role and error. */
class ClueApiTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 2, 20);
    static List<NewClue> found;

    /** The warning rules' clues of the example city, stored fresh (other test classes may clear the graph). */
    @BeforeEach
    void storeClues() {
        server();
        try (Session s = TestNeo4j.connection().driver().session()) {
            s.run("MATCH (c:Clue) OPTIONAL MATCH (c)-[:HAS_CHANGE]->(h) DETACH DELETE c, h").consume();
        }
        var store = TestNeo4j.store();
        var data = WarningData.read(store, GradingData.read(store, Cancellation.NEVER), AS_OF, Cancellation.NEVER);
        found = new ArrayList<>();
        new WarningRules(data, WarningParams.DEFAULT).run(List.of(WarningRule.values()), null, null).values().forEach(found::addAll);
        try (WorkflowRepositories w = WorkflowRepositories.open(TestNeo4j.connection().driver())) {
            w.clues().storeNew(found, "warn", Instant.parse("2026-02-21T00:00:00Z"));
        }
    }

    private static NewClue withPerson() {
        return found.stream().filter(c -> c.rule().equals("W06")).findFirst().orElseThrow();
    }

    @Test
    void listFiltersAndPages() {
        assertThat(found).isNotEmpty();
        JsonNode all = get(Role.CONSUMER, "/clues?limit=500").json();
        assertThat(all.get("total").asLong()).isEqualTo(found.size());
        assertThat(all.get("clues").findValuesAsText("id")).containsExactlyInAnyOrderElementsOf(found.stream().map(NewClue::id).toList());
        List<Integer> severities = new ArrayList<>();
        all.get("clues").forEach(c -> severities.add(c.get("severity").asInt()));
        assertThat(severities).isSortedAccordingTo((a, b) -> b - a);

        JsonNode page = get(Role.CONSUMER, "/clues?limit=2&offset=1").json();
        assertThat(page.get("clues").findValuesAsText("id")).containsExactlyElementsOf(all.get("clues").findValuesAsText("id").subList(1, 3));

        NewClue w06 = withPerson();
        JsonNode byRule = get(Role.CONSUMER, "/clues?rule=w06&status=new").json();
        assertThat(byRule.get("clues").findValuesAsText("rule")).isNotEmpty().containsOnly("W06");
        JsonNode byUscc = get(Role.CONSUMER, "/clues?uscc=" + w06.uscc()).json();
        assertThat(byUscc.get("clues").findValuesAsText("uscc")).containsOnly(w06.uscc());
        String segment = found.stream().map(NewClue::segment).filter(s -> s != null).findFirst().orElseThrow();
        JsonNode bySegment = get(Role.CONSUMER, "/clues?segment=" + segment).json();
        assertThat(bySegment.get("total").asLong()).isEqualTo(found.stream().filter(c -> segment.equals(c.segment())).count());
    }

    @Test
    void oneClueWithEvidenceMasksPersonsBelowInvestigator() {
        NewClue w06 = withPerson();
        String person = w06.dedupKey().split("\\|")[1];
        JsonNode investigator = get(Role.INVESTIGATOR, "/clues/" + w06.id()).json();
        assertThat(investigator.get("evidence").findValuesAsText("ref")).contains("Person:" + person);
        assertThat(investigator.get("history").get(0).get("to").asText()).isEqualTo("NEW");
        assertThat(investigator.get("next").toString()).contains("ASSIGNED", "DISMISSED");

        Reply consumer = get(Role.CONSUMER, "/clues/" + w06.id());
        assertThat(consumer.status()).isEqualTo(200);
        assertThat(consumer.body()).doesNotContain(person).contains("anon-");
    }

    @Test
    void analystChangesStatusRecordedUnderTheKeyName() {
        NewClue c = found.getFirst();
        Reply r = post(Role.ANALYST, "/clues/" + c.id() + "/status", "{\"status\": \"assigned\", \"note\": \"to Li\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode last = r.json().get("history").get(1);
        assertThat(last.get("from").asText()).isEqualTo("NEW");
        assertThat(last.get("to").asText()).isEqualTo("ASSIGNED");
        assertThat(last.get("by").asText()).isEqualTo("test-analyst");
        assertThat(last.get("note").asText()).isEqualTo("to Li");
        assertThat(post(Role.INVESTIGATOR, "/clues/" + c.id() + "/status", "{\"status\": \"VERIFIED\"}").status()).isEqualTo(200);
        assertThat(post(Role.ADMIN, "/clues/" + c.id() + "/status", "{\"status\": \"CLOSED\"}").status()).isEqualTo(200);
        assertThat(get(Role.CONSUMER, "/clues/" + c.id()).json().get("status").asText()).isEqualTo("CLOSED");

        List<JsonNode> audit = server().audit().read(Instant.now().minusSeconds(600), null);
        assertThat(audit.stream().filter(e -> e.path("route").asText().equals("/clues/{id}/status")
                && e.path("key").asText().equals("test-analyst"))).isNotEmpty();
        assertThat(audit.stream().filter(e -> e.path("route").asText().equals("/clues/{id}"))).isNotEmpty();
    }

    @ParameterizedTest(name = "{0} {1} -> {3} {4}")
    @CsvSource(delimiter = '|', value = {
            "CONSUMER | /status | {\"status\": \"ASSIGNED\"}  | 403 | FORBIDDEN",
            "ANALYST  | /status | {\"status\": \"DONE\"}      | 400 | UNKNOWN_STATUS",
            "ANALYST  | /status | {\"status\": \"CLOSED\"}    | 400 | ILLEGAL_TRANSITION",
            "ANALYST  | /status | {\"note\": \"x\"}           | 400 | INVALID_BODY",
            "ANALYST  | /status | not json                   | 400 | INVALID_JSON",
            "ANALYST  | unknown | {\"status\": \"ASSIGNED\"}  | 404 | UNKNOWN_CLUE"})
    void statusChangeErrors(Role role, String target, String body, int status, String code) {
        String id = target.equals("unknown") ? "W01-ffffffffffff" : found.getFirst().id();
        Reply r = post(role, "/clues/" + id + "/status", body);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.json().get("message").asText()).isNotBlank();
        if (!target.equals("unknown")) assertThat(get(Role.ADMIN, "/clues/" + id).json().get("status").asText()).isEqualTo("NEW");
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "/clues?status=DONE         | 400 | UNKNOWN_STATUS",
            "/clues?rule=W99            | 400 | UNKNOWN_RULE",
            "/clues?uscc=123            | 400 | INVALID_USCC",
            "/clues?segment=BAKERY      | 400 | INVALID_SEGMENT",
            "/clues?limit=0             | 400 | INVALID_PARAMETER",
            "/clues/W01-ffffffffffff    | 404 | UNKNOWN_CLUE"})
    void readErrors(String path, int status, String code) {
        Reply r = get(Role.CONSUMER, path);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.code()).isEqualTo(code);
    }

    @Test
    void rulesCatalogueAndKeysRequired() {
        JsonNode rules = get(Role.CONSUMER, "/warning-rules").json();
        assertThat(rules.get("rules")).hasSize(23);
        assertThat(rules.get("rules").get(0).get("code").asText()).isEqualTo("W01");
        assertThat(rules.get("statuses").toString()).contains("\"CLOSED\"");
        assertThat(get(null, "/clues").status()).isEqualTo(401);
    }
}
