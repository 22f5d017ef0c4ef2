package io.riskgraph.cli;

import io.riskgraph.cypher.QueryCatalogue;
import io.riskgraph.cypher.ReadOnlyQueryRunner;
import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.ingest.Ingestor;
import io.riskgraph.model.id.IdProtector;
import io.riskgraph.progress.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every named query against the example city; expected rows worked out by hand from examples/small-city. */
class NamedQueriesTest {
    static final QueryCatalogue CATALOGUE = new QueryCatalogue();
    static ReadOnlyQueryRunner runner;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void loadExample() {
        TestNeo4j.clear();
        new Ingestor(TestNeo4j.store(), new IdProtector(new byte[32]), Ingestor.Options.DEFAULT)
                .ingest(Path.of("../examples/small-city"), tmp.resolve("rejects.csv"), ProgressListener.NONE);
        runner = new ReadOnlyQueryRunner(TestNeo4j.connection().driver());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            // name; parameters; first column of every row (sorted)
            "related-parties; uscc=91310105MA1GH00743; 91310104MA1FK0037N|91310104MA1FK04810|91310105MA1GH0518M|91310106MA1FK0111L|91310106MA1FK0555U|91310107MA1GH0148Y|91310107MA1GH05928|91310109MA1FK0185K|91310110MA1GH0222A",
            "control-chain; uscc=91310107MA1GH0148Y; 91310104MA1FK0037N|91310105MA1GH00743|91310106MA1FK0111L|P01|P15",
            "shell-clusters; since=2025-01-01|min_firms=3|max_paid_in=10000; Address|Phone",
            "co-located-firms; uscc=91310112MA1GH0370U; 91310112MA1FK0407W|91310112MA1GH0444T|91310112MA1GH1110H",
            "people-behind-failing-firms; min_firms=2; P04|P05|P08",
            "dishonest-representatives; ; 91310112MA1FK0407W|91310112MA1GH0370U|91310112MA1GH0444T|91310112MA1GH1110H",
            "supplier-failures; min_sites=2; 91310104MA1FK04810",
            "repeat-failures; until=2026-06-30|months=24|min_failures=2; 91310105MA1GH0518M",
            "new-firm-at-revoked-address; max_firms=10; 91310112MA1FK0407W|91310112MA1GH0370U|91310112MA1GH0444T",
            "inspector-ties; ; I02",
            "open-alerts; min_alerts=1; 91310106MA1FK0555U|91310107MA1GH0148Y|91310109MA1FK06296",
    })
    void namedQueryOnTheExampleCity(String name, String params, String expectedFirstColumn) {
        Map<String, Object> values = new HashMap<>();
        if (params != null) {
            for (String kv : params.split("\\|")) {
                values.put(kv.substring(0, kv.indexOf('=')), QueryCommand.parseValue(kv.substring(kv.indexOf('=') + 1)));
            }
        }
        io.riskgraph.query.NamedQuery q = CATALOGUE.get(name);
        q.checkParams(values.keySet());
        var result = runner.run(q.statement(), values, io.riskgraph.query.QueryLimits.DEFAULT);
        TreeSet<String> firstColumn = new TreeSet<>();
        result.rows().forEach(r -> firstColumn.add(String.valueOf(r.getFirst())));
        assertThat(firstColumn).containsExactlyElementsOf(new TreeSet<>(Arrays.asList(expectedFirstColumn.split("\\|"))));
        assertThat(result.rows()).as("no duplicate rows").hasSize(firstColumn.size());
    }

    @Test
    void controlChainMultipliesSharesAlongTheChain() {
        var q = CATALOGUE.get("control-chain");
        var rows = runner.run(q.statement(), Map.of("uscc", "91310107MA1GH0148Y"), io.riskgraph.query.QueryLimits.DEFAULT).rows();
        Map<Object, Object> share = new HashMap<>();
        rows.forEach(r -> share.put(r.get(0), r.get(4)));
        assertThat(share).containsEntry("91310106MA1FK0111L", 0.51).containsEntry("91310105MA1GH00743", 0.357)
                .containsEntry("91310104MA1FK0037N", 0.2142).containsEntry("P01", 0.1714);
    }

    @Test
    void everyQueryIsDocumentedAndTested() {
        assertThat(CATALOGUE.all()).hasSize(11).allSatisfy(q -> {
            assertThat(q.description()).isNotBlank();
            assertThat(q.statement()).doesNotContain("//");
        });
    }

    @Test
    void parametersAreChecked() {
        assertThatThrownBy(() -> CATALOGUE.get("shell-clusters").checkParams(java.util.Set.of("since", "colour")))
                .hasMessage("query 'shell-clusters' needs max_paid_in, min_firms; has no parameter colour"
                        + " (parameters: max_paid_in, min_firms, since)");
        assertThatThrownBy(() -> CATALOGUE.get("nope")).hasMessageContaining("no query named 'nope'; known: ");
    }

    @Test
    void cliListsAndRunsNamedQueries() {
        var list = CliTest.run("queries");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("shell-clusters").contains("param since");
        var run = CliTest.run("query", "--named", "supplier-failures", "--param", "min_sites=2", "--uri",
                TestNeo4j.connection().uri(), "--user", "neo4j", "--password", TestNeo4j.password(), "--format", "csv");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("上海绿源食品厂");
    }
}
