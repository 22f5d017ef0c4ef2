package io.riskgraph.cli;

import io.riskgraph.cypher.TestNeo4j;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI as a user runs it: real arguments, a real store, exit codes and output. */
class CliTest {
    static final String EXAMPLE = "../examples/small-city";
    static String uri;

    @TempDir
    static Path tmp;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    static String[] remote(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--uri", uri, "--user", "neo4j", "--password", TestNeo4j.password(),
                "--id-key-file", tmp.resolve("id.key").toString()));
        return all.toArray(String[]::new);
    }

    @BeforeAll
    static void loadExample() {
        TestNeo4j.clear();
        uri = TestNeo4j.connection().uri();
        CliRun r = run(remote("ingest", EXAMPLE, "--rejects", tmp.resolve("rejects.csv").toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("enterprises.csv                  37         31          6          1")
                .contains("total                           147        131         16          4");
    }

    @Test
    void embeddedStoreEndToEnd() {
        Path store = tmp.resolve("store");
        CliRun ingest = run("ingest", EXAMPLE, "--store", store.toString());
        assertThat(ingest.exit()).as(ingest.err()).isZero();
        assertThat(Files.exists(store.resolveSibling("store-rejects.csv"))).isTrue();
        assertThat(Files.exists(store.resolve("id-hash.key"))).isTrue();
        CliRun stats = run("stats", "--store", store.toString());
        assertThat(stats.out()).containsPattern("Enterprise\\s+32").containsPattern("SHAREHOLDER_OF\\s+7");
    }

    @Test
    void statsCountsPerLabelAndType() {
        CliRun r = run(remote("stats"));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).containsPattern("Enterprise\\s+32").containsPattern("INVESTS_IN\\s+7")
                .containsPattern("Segment\\s+14");
    }

    @ParameterizedTest(name = "--format {0}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
            "table; name\\n--------------------\\n上海华祥食品有限公司",
            "csv; name\\n上海华祥食品有限公司",
            "json; \"name\" : \"上海华祥食品有限公司\"",
    })
    void queryFormatsWithParameters(String format, String expected) {
        CliRun r = run(remote("query", "MATCH (e:Enterprise {uscc: $u}) RETURN e.name AS name", "--param",
                "u=91310105MA1GH00743", "--format", format));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().replace("\r\n", "\n")).contains(expected.replace("\\n", "\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "query|CREATE (:X); 2; only reads are allowed",
            "query|LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l; 2; LOAD CSV is not allowed",
            "query|MATCH (n) RETURN n LIMIT 5|--limit|2; 0; output cut at 2 rows",
            "ingest|/no/such/folder; 2; is not a folder",
            "ingest; 2; Missing required parameter: 'DIR'",
            "frobnicate; 2; Unmatched argument",
            "query|RETURN 1|--format|xml; 2; Invalid value for option '--format'",
            "generate|--enterprises|0|--out|target/never-written; 2; enterprises must be at least 1",
            "generate|--out|../examples/small-city; 2; exists and is not empty; choose another folder or use --force",
            "generate|--mechanics|chaos|--out|target/never-written; 2; mechanics must be one of [default, alt, alt2]",
            "demo|--enterprises|-5|--city|target/never-written; 2; enterprises must be at least 1",
    })
    void errorsAndExitCodes(String args, int exit, String message) {
        List<String> argv = new ArrayList<>(List.of(args.split("\\|")));
        boolean local = List.of("frobnicate", "generate").contains(argv.getFirst());
        CliRun r = local ? run(argv.toArray(String[]::new)) : run(remote(argv.toArray(String[]::new)));
        assertThat(r.exit()).isEqualTo(exit);
        assertThat(r.err()).contains(message);
        assertThat(Path.of("target/never-written")).as("nothing half-written").doesNotExist();
    }

    @Test
    void analyzeWritesScoresBackAndAlgoWritesCsv() throws Exception {
        CliRun analyze = run(remote("analyze"));
        assertThat(analyze.exit()).as(analyze.err()).isZero();
        assertThat(analyze.out()).contains("Louvain communities").contains("properties written back");
        CliRun q = run(remote("query", "MATCH (e:Enterprise) WHERE e.pagerank IS NOT NULL RETURN count(e) AS scored",
                "--format", "csv"));
        assertThat(q.out().replace("\r\n", "\n")).contains("scored\n32");

        Path csv = tmp.resolve("pagerank.csv");
        CliRun algo = run(remote("algo", "pagerank", "--out", csv.toString()));
        assertThat(algo.exit()).as(algo.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.getFirst()).isEqualTo("label,key,pagerank");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Enterprise,91310104MA1FK0037N,"));
        double sum = lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(',') + 1))).sum();
        assertThat(sum).as("PageRank sums to 1").isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));

        CliRun unknown = run(remote("algo", "harmonic"));
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown algorithm 'harmonic'; valid: pagerank, degree, betweenness, wcc, louvain, risk");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("demo", "generate", "ingest", "analyze", "algo", "stats", "query", "queries",
                "serve", "keys")) {
            CliRun r = run(command, "--help");
            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("Usage: riskgraph " + command);
        }
    }
}
