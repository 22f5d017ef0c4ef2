package io.riskgraph.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.riskgraph.risk.planning.InspectionCodes;
import io.riskgraph.cli.Main;
import io.riskgraph.cli.PlanningSupport;
import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.cypher.workflow.WorkflowRepositories;
import io.riskgraph.model.id.IdKeys;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.driver.Session;

import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static io.riskgraph.api.ApiFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /inspection-codes/{code} (public) and POST /inspection-tasks/{taskId}/result over real HTTP. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InspectionApiTest {
    static WorkflowRepositories workflow;
    static io.riskgraph.risk.planning.BackgroundRegrader regrader;
    static List<CSVRecord> tasks;
    static String expiredCode;
    /** The next quarter, so that its codes are valid whenever the test runs; results are dated today. */
    static final java.time.LocalDate TODAY = java.time.LocalDate.now();
    static final io.riskgraph.risk.planning.Period NEXT = io.riskgraph.risk.planning.Period.parse(
            TODAY.plusMonths(3).getYear() + "-Q" + ((TODAY.plusMonths(3).getMonthValue() - 1) / 3 + 1));

    static String cli(String... args) {
        Path key = dir.resolve("planning-id.key");
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.concat(
                TestNeo4j.uriArgs().stream(), java.util.stream.Stream.of("--id-key-file", key.toString()))).toArray(String[]::new);
        StringWriter out = new StringWriter(), err = new StringWriter();
        int exit = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(exit).as(err.toString()).isZero();
        return out.toString();
    }

    static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @BeforeAll
    static void plan() throws Exception {
        server();
        try (Session s = TestNeo4j.connection().driver().session()) {
            s.run("MATCH (n) WHERE n:InspectionPlan OR n:InspectionTask DETACH DELETE n").consume();
        }
        cli("grade");
        Path now = dir.resolve("plan-now.csv"), past = dir.resolve("plan-past.csv");
        cli("plan", "--period", NEXT.text(), "--seed", "1", "--ratios", "A=1,B=1,C=1,D=1", "--out", now.toString());
        cli("plan", "--period", "2020-Q1", "--seed", "1", "--ratios", "A=1,B=1,C=1,D=1", "--out", past.toString());
        tasks = csv(now).stream().filter(r -> !r.get("code").isEmpty()).toList();
        assertThat(tasks).hasSizeGreaterThanOrEqualTo(3);
        expiredCode = csv(past).stream().filter(r -> !r.get("code").isEmpty()).findFirst().orElseThrow().get("code");
        workflow = WorkflowRepositories.open(TestNeo4j.connection().driver());
        InspectionCodes codes = new InspectionCodes(IdKeys.loadOrCreate(dir.resolve(InspectionCodes.KEY_FILE)));
        regrader = new io.riskgraph.risk.planning.BackgroundRegrader(PlanningSupport.regrader(TestNeo4j.store()),
                e -> { throw e; });
        server().inspections(new InspectionService(TestNeo4j.store(), workflow.inspectionPlans(), codes, regrader,
                Clock.systemDefaultZone()));
    }

    @AfterAll
    static void close() {
        server().inspections(null);
        regrader.close();
        workflow.close();
    }

    static Reply check(String code) {
        return send(request("/inspection-codes/" + enc(code)), null, "GET");
    }

    @Test
    @Order(1)
    void aValidCodeNamesTheEnterpriseAndPeriodButNoInspector() {
        CSVRecord t = tasks.getFirst();
        Reply r = check(t.get("code"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("valid").asBoolean()).isTrue();
        assertThat(j.get("enterprise").get("uscc").asText()).isEqualTo(t.get("uscc"));
        assertThat(j.get("enterprise").get("name").asText()).isNotBlank();
        assertThat(j.get("period").asText()).isEqualTo(NEXT.text());
        assertThat(j.get("validUntil").asText()).isEqualTo(NEXT.last().plusDays(30).toString());
        for (String inspector : t.get("inspectors").split("\\|")) assertThat(r.body()).doesNotContain(inspector);
        assertThat(r.body()).doesNotContain("inspector");
    }

    @Test
    @Order(2)
    void forgedMalformedAndExpiredCodesAre400WithTheReason() {
        String code = tasks.getFirst().get("code");
        int dot = code.lastIndexOf('.') + 3;
        String forged = code.substring(0, dot) + (code.charAt(dot) == 'A' ? 'B' : 'A') + code.substring(dot + 1);
        for (var c : List.of(Map.entry(forged, "CODE_FORGED"), Map.entry("JC1.x", "CODE_MALFORMED"),
                Map.entry(expiredCode, "CODE_EXPIRED"))) {
            Reply r = check(c.getKey());
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.code()).isEqualTo(c.getValue());
            assertThat(r.json().get("message").asText()).startsWith("invalid inspection code: ");
        }
    }

    @Test
    @Order(3)
    void aResultClosesTheTaskUsesTheCodeWritesTheInspectionAndRegrades() throws InterruptedException {
        CSVRecord t = tasks.get(1);
        String path = "/inspection-tasks/" + t.get("task_id") + "/result";
        String body = "{\"date\": \"" + TODAY + "\", \"result\": \"ISSUES_FOUND\", \"issues\": 3, \"rectified\": false}";
        assertThat(post(Role.CONSUMER, path, body).status()).isEqualTo(403);
        assertThat(post(Role.ANALYST, path, body).status()).isEqualTo(403);
        assertThat(send(request(path), body, "POST").status()).isEqualTo(401);
        try (Session s = TestNeo4j.connection().driver().session()) {
            s.run("MATCH (e:Enterprise {uscc: $u}) REMOVE e.grade_as_of", Map.of("u", t.get("uscc"))).consume();
        }
        Reply r = post(Role.INVESTIGATOR, path, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("CLOSED");
        assertThat(r.json().get("issues").asInt()).isEqualTo(3);
        try (Session s = TestNeo4j.connection().driver().session()) {
            var rec = s.run("""
                    MATCH (i:Inspection {code: $code})-[:INSPECTED]->(e:Enterprise {uscc: $u})
                    RETURN i.result, i.issues, i.date = date($day), COUNT { (:Inspector)-[:CARRIED_OUT]->(i) }
                    """, Map.of("code", t.get("code"), "u", t.get("uscc"), "day", TODAY.toString())).single();
            assertThat(rec.get(0).asString()).isEqualTo("ISSUES_FOUND");
            assertThat(rec.get(1).asInt()).isEqualTo(3);
            assertThat(rec.get(2).asBoolean()).isTrue();
            assertThat(rec.get(3).asLong()).isEqualTo(t.get("inspectors").split("\\|").length);
            // re-graded in the background: the grade gets its as-of day back
            long deadline = System.currentTimeMillis() + 180_000;
            boolean regraded = false;
            while (!regraded && System.currentTimeMillis() < deadline) {
                regraded = s.run("MATCH (e:Enterprise {uscc: $u}) RETURN e.grade_as_of IS NOT NULL", Map.of("u", t.get("uscc")))
                        .single().get(0).asBoolean();
                if (!regraded) Thread.sleep(200);
            }
            assertThat(regraded).as("re-graded").isTrue();
        }
        Reply used = check(t.get("code"));
        assertThat(used.status()).isEqualTo(400);
        assertThat(used.code()).isEqualTo("CODE_USED");
        Reply again = post(Role.ADMIN, path, body);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("message").asText()).contains("is closed");
    }

    @Test
    @Order(4)
    void badResultsAre400Or404AndLeaveTheTaskOpen() {
        CSVRecord t = tasks.get(2);
        String path = "/inspection-tasks/" + t.get("task_id") + "/result";
        for (String body : List.of("{\"date\": \"2026-02-15\", \"result\": \"FINE\"}", "{\"date\": \"15.02.2026\", \"result\": \"NO_ISSUES\"}",
                "{\"result\": \"NO_ISSUES\"}", "{\"date\": \"2026-02-15\", \"result\": \"NO_ISSUES\", \"issues\": -1}",
                "{\"date\": \"2099-02-15\", \"result\": \"NO_ISSUES\"}", "not json")) {
            Reply r = post(Role.INVESTIGATOR, path, body);
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
            assertThat(r.json().get("message").asText()).isNotBlank();
        }
        assertThat(post(Role.INVESTIGATOR, "/inspection-tasks/NO-SUCH/result", "{}").status()).isEqualTo(404);
        assertThat(check(t.get("code")).status()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void codeChecksAreRateLimitedPerAddress() {
        int limited = 0;
        for (int i = 0; i < InspectionService.CODE_CHECKS_PER_MINUTE_DEFAULT + 5; i++) {
            if (check("JC1.x.y").status() == 429) limited++;
        }
        assertThat(limited).isPositive();
    }
}
