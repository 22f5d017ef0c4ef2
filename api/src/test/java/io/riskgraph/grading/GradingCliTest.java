package io.riskgraph.grading;

import io.riskgraph.cli.Main;
import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.ingest.generator.CityGenerator;
import io.riskgraph.ingest.generator.GeneratorParams;
import io.riskgraph.progress.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** grade, export grades and backtest as a user runs them, against a generated city in a real Neo4j. */
class GradingCliTest {
    static final int ENTERPRISES = 2_000;

    @TempDir
    static Path tmp;
    static Path city;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--uri", TestNeo4j.connection().uri(), "--id-key-file", tmp.resolve("id.key").toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void load() throws Exception {
        city = tmp.resolve("city");
        new CityGenerator(GeneratorParams.of(ENTERPRISES, 5)).generate(city, ProgressListener.NONE);
        TestNeo4j.clear();
        Run ingest = run("ingest", city.toString(), "--rejects", tmp.resolve("rejects.csv").toString());
        assertThat(ingest.exit()).as(ingest.err()).isZero();
        Run analyze = run("analyze");
        assertThat(analyze.exit()).as(analyze.err()).isZero();
    }

    @Test
    void gradeWritesOntoEveryEnterpriseAndExportReadsItBack() throws Exception {
        Run grade = run("grade");
        assertThat(grade.exit()).as(grade.err()).isZero();
        assertThat(grade.out()).contains("Graded 2,000 enterprises with model general-v1").containsPattern("(?m)^  D +[0-9,]+");
        try (Session s = TestNeo4j.connection().driver().session()) {
            assertThat(s.run("MATCH (e:Enterprise) WHERE e.grade IN ['A','B','C','D'] AND e.score >= 0 AND e.score <= 100 "
                    + "AND e.grade_model = $m RETURN count(e)", java.util.Map.of("m", "general-v1")).single().get(0).asLong())
                    .isEqualTo(ENTERPRISES);
            assertThat(s.run("MATCH (e:Enterprise {grade: 'D'}) WHERE size(e.reasons) > 0 RETURN count(e)").single()
                    .get(0).asLong()).isPositive();
        }
        Path csv = tmp.resolve("grades.csv");
        Run export = run("export", "grades", "--out", csv.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("uscc,score,grade,model,reasons");
        assertThat(lines).hasSize(ENTERPRISES + 1);
    }

    @Test
    void backtestReportsAucHitRateAndTheAblation() {
        Run bt = run("backtest", "--truth", city.resolve(CityGenerator.TRUTH).toString());
        assertThat(bt.exit()).as(bt.err()).isZero();
        assertThat(bt.out()).containsPattern("all indicators +AUC 0\\.\\d{4} \\| top 30 %: hit rate")
                .containsPattern("without NETWORK +AUC 0\\.\\d{4}").contains("network adds:");
    }

    @Test
    void aBadModelOrDateIsAUsageErrorNamingTheLine() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad-model.properties"), """
                model.id = x
                model.version = 1
                grade.B = 10
                grade.C = 20
                grade.D = 30
                indicator.Q01 = weight=1; bins=1; points=0,100
                """);
        Run r = run("grade", "--model", bad.toString());
        assertThat(r.exit()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("bad-model.properties:6: indicator.Q01: unknown indicator code 'Q01'");
        Run d = run("backtest", "--truth", city.resolve(CityGenerator.TRUTH).toString(), "--as-of", "yesterday");
        assertThat(d.exit()).isEqualTo(Main.USAGE);
        assertThat(d.err()).contains("--as-of must be an ISO date");
    }
}
