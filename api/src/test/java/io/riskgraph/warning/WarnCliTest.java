package io.riskgraph.warning;

import io.riskgraph.cli.CliRun;
import io.riskgraph.cli.Main;
import io.riskgraph.cypher.TestNeo4j;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neo4j.driver.Session;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** warn, clues list / show / set-status and export clues as a user runs them, on the example city in a real Neo4j. */
class WarnCliTest {
    @TempDir
    static Path tmp;

    static CliRun run(String... args) {
        return CliRun.onTestStore(tmp, args);
    }

    @BeforeAll
    static void load() {
        TestNeo4j.clear();
        for (String[] step : List.of(new String[]{"ingest", "../examples/small-city", "--rejects", tmp.resolve("rejects.csv").toString()},
                new String[]{"analyze"}, new String[]{"grade"})) {
            CliRun r = run(step);
            assertThat(r.exit()).as(String.join(" ", step) + ": " + r.err()).isZero();
        }
    }

    /** Each test starts without clues (the graph itself stays loaded). */
    @org.junit.jupiter.api.BeforeEach
    void noClues() {
        try (Session s = TestNeo4j.connection().driver().session()) {
            s.run("MATCH (c:Clue) OPTIONAL MATCH (c)-[:HAS_CHANGE]->(h) DETACH DELETE c, h").consume();
        }
    }

    private static long clueCount() {
        try (Session s = TestNeo4j.connection().driver().session()) {
            return s.run("MATCH (c:Clue) RETURN count(c)").single().get(0).asLong();
        }
    }

    @Test
    void warnStoresCluesOnceAndKeepsTheirStatusOnReRun() throws Exception {
        CliRun first = run("warn");
        assertThat(first.exit()).as(first.err()).isZero();
        Matcher total = Pattern.compile("(\\d+) clues found, (\\d+) new").matcher(first.out());
        assertThat(total.find()).as(first.out()).isTrue();
        int found = Integer.parseInt(total.group(1));
        assertThat(found).isPositive().isEqualTo(Integer.parseInt(total.group(2)));
        assertThat(first.out()).containsPattern("(?m)^W06 +\\d+ +\\d+  Dishonest executee as legal representative");
        assertThat(clueCount()).isEqualTo(found);

        CliRun list = run("clues", "list", "--limit", "1");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains("1 of " + found + " matching clues");
        String id = list.out().lines().findFirst().orElseThrow().split(" ")[0];

        CliRun assign = run("clues", "set-status", id, "assigned", "--by", "li", "--note", "to Li");
        assertThat(assign.exit()).as(assign.err()).isZero();
        assertThat(assign.out()).contains(id + ": NEW -> ASSIGNED by li");

        CliRun again = run("warn");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains(found + " clues found, 0 new");
        assertThat(clueCount()).isEqualTo(found);
        CliRun show = run("clues", "show", id);
        assertThat(show.out()).contains(id).contains("ASSIGNED").contains("NEW -> ASSIGNED  by li  (to Li)").contains("Evidence:");

        CliRun assigned = run("clues", "list", "--status", "ASSIGNED");
        assertThat(assigned.out()).contains(id).contains("1 of 1 matching clues");

        Path csv = tmp.resolve("clues.csv");
        CliRun export = run("export", "clues", "--out", csv.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).isEqualTo("id,rule,status,severity,uscc,segment,summary,evidence,as_of,created_at,last_change_by,last_change_at");
        assertThat(lines.stream().filter(l -> l.startsWith(id + ",")).findFirst().orElseThrow()).contains(",ASSIGNED,").contains(",li,");
    }

    @Test
    void onlyTheChosenRulesRun() {
        CliRun r = run("warn", "--rules", "W06,w02", "--as-of", "2026-02-20");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^W02 ").containsPattern("(?m)^W06 ").doesNotContainPattern("(?m)^W01 ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "warn --rules W01,W99          | unknown warning rule 'W99' (expected W01..W23)",
            "warn --as-of 2026-13-01       | --as-of must be an ISO date",
            "clues list --status DONE      | unknown clue status 'DONE'",
            "clues list --rule X1          | unknown rule 'X1'",
            "clues list --segment BAKERY   | unknown segment 'BAKERY'",
            "clues list --limit 0          | limit must be 1..",
            "clues set-status W01-ffffffffffff ASSIGNED --by li | no clue with id 'W01-ffffffffffff'",
            "clues set-status W01-ffffffffffff DONE --by li     | unknown clue status 'DONE'"})
    void badArgumentsExitWithUsageAndAMessage(String args, String message) {
        CliRun r = run(args.trim().split(" +"));
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains(message);
    }

    @Test
    void illegalTransitionIsRefusedAndNothingChanges() {
        assertThat(run("warn").exit()).isZero();
        String id;
        try (Session s = TestNeo4j.connection().driver().session()) {
            id = s.run("MATCH (c:Clue {status: 'NEW'}) RETURN c.id ORDER BY c.id LIMIT 1").single().get(0).asString();
        }
        CliRun r = run("clues", "set-status", id, "CLOSED", "--by", "li");
        assertThat(r.exit()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("clue " + id + " is NEW; it cannot change to CLOSED (allowed: [ASSIGNED, DISMISSED])");
        assertThat(run("clues", "show", id).out()).contains("  NEW  ");
    }
}
