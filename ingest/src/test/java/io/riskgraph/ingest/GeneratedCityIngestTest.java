package io.riskgraph.ingest;

import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.ingest.generator.CityGenerator;
import io.riskgraph.ingest.generator.GeneratorParams;
import io.riskgraph.ingest.generator.Mechanics;
import io.riskgraph.model.id.IdProtector;
import io.riskgraph.progress.ProgressListener;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.Session;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A generated city, with every mechanics preset, is valid input: it loads with no rejection, no warning and no stub. */
class GeneratedCityIngestTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "mechanics {0}")
    @ValueSource(strings = {"default", "alt", "alt2"})
    void generatedCityIngestsCleanly(String mechanics) throws Exception {
        Path city = tmp.resolve("city");
        var generated = new CityGenerator(GeneratorParams.of(3_000, 7).withMechanics(Mechanics.preset(mechanics)))
                .generate(city, ProgressListener.NONE);
        TestNeo4j.clear();
        IngestSummary s = new Ingestor(TestNeo4j.store(), new IdProtector(new byte[32]), Ingestor.Options.DEFAULT)
                .ingest(city, tmp.resolve("rejects.csv"), ProgressListener.NONE);
        assertThat(s.rejected()).as("rejects: %s", Files.readString(tmp.resolve("rejects.csv"))).isZero();
        assertThat(s.warned()).isZero();
        assertThat(s.ignored()).containsExactly("truth.csv");
        assertThat(s.written()).isEqualTo(generated.rows().entrySet().stream()
                .filter(e -> !e.getKey().equals(CityGenerator.TRUTH)).mapToLong(e -> e.getValue()).sum());
        try (Session session = TestNeo4j.connection().driver().session()) {
            assertThat(session.run("MATCH (n) WHERE n.stub RETURN count(n)").single().get(0).asLong()).isZero();
            assertThat(session.run("MATCH (e:Enterprise) RETURN count(e)").single().get(0).asLong()).isEqualTo(3_000);
        }
    }
}
