package io.riskgraph.grading;

import io.riskgraph.cli.CliRun;
import io.riskgraph.cli.Main;
import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.ingest.generator.CityGenerator;
import io.riskgraph.ingest.generator.GeneratorParams;
import io.riskgraph.progress.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** grade, export grades and backtest as a user runs them, against a generated city in a real Neo4j. */
class GradingCliTest {
    static final int ENTERPRISES = 2_000;

    @TempDir
    static Path tmp;
    static Path city;

    static CliRun run(String... args) {
        return CliRun.onTestStore(tmp, args);
    }

    @BeforeAll
    static void load() throws Exception {
        city = tmp.resolve("city");
        new CityGenerator(GeneratorParams.of(ENTERPRISES, 5)).generate(city, ProgressListener.NONE);
        TestNeo4j.clear();
        CliRun ingest = run("ingest", city.toString(), "--rejects", tmp.resolve("rejects.csv").toString());
        assertThat(ingest.exit()).as(ingest.err()).isZero();
        CliRun analyze = run("analyze");
        assertThat(analyze.exit()).as(analyze.err()).isZero();
    }

    @Test
    void gradeWritesOntoEveryEnterpriseAndExportReadsItBack() throws Exception {
        CliRun grade = run("grade");
        assertThat(grade.exit()).as(grade.err()).isZero();
        assertThat(grade.out()).contains("Graded 2,000 enterprises with model general-v2 and 16 professional models")
                .containsPattern("(?m)^  D +[0-9,]+");
        try (Session s = TestNeo4j.connection().driver().session()) {
            assertThat(s.run("MATCH (e:Enterprise) WHERE e.grade IN ['A','B','C','D'] AND e.score >= 0 AND e.score <= 100 "
                    + "AND e.grade_model STARTS WITH $m RETURN count(e)", java.util.Map.of("m", "general-v2")).single().get(0).asLong())
                    .isEqualTo(ENTERPRISES);
            // supervised firms are refined by the professional model of their segment, and the model names both (a
            // firm in several segments takes the riskiest of its models)
            assertThat(s.run("MATCH (e:Enterprise) WHERE e.segments = ['CATERING'] AND NOT e.grade_model STARTS WITH "
                    + "'general-v2+catering-' RETURN count(e)").single().get(0).asLong()).isZero();
            assertThat(s.run("MATCH (e:Enterprise) WHERE e.segments = ['CATERING'] RETURN count(e)").single().get(0).asLong())
                    .isPositive();
            assertThat(s.run("MATCH (e:Enterprise) WHERE e.grade_model = 'general-v2' AND size(e.segments) > 0 RETURN count(e)")
                    .single().get(0).asLong()).isZero();
            assertThat(s.run("MATCH (e:Enterprise {grade: 'D'}) WHERE size(e.reasons) > 0 RETURN count(e)").single()
                    .get(0).asLong()).isPositive();
        }
        Path csv = tmp.resolve("grades.csv");
        CliRun export = run("export", "grades", "--out", csv.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("uscc,score,grade,model,reasons");
        assertThat(lines).hasSize(ENTERPRISES + 1);
    }

    @Test
    void backtestReportsAucHitRateAndTheAblation() {
        CliRun bt = run("backtest", "--truth", city.resolve(CityGenerator.TRUTH).toString());
        assertThat(bt.exit()).as(bt.err()).isZero();
        assertThat(bt.out()).containsPattern("all indicators +AUC 0\\.\\d{4} \\| top 30 %: hit rate")
                .containsPattern("without NETWORK +AUC 0\\.\\d{4}").contains("network adds:");
    }

    @Test
    void calibrateWritesANewValidVersionAndReportsEveryFold() throws Exception {
        Path out = tmp.resolve("calibrated.properties");
        CliRun r = run("calibrate", "--labels", city.resolve(CityGenerator.TRUTH).toString(), "--out", out.toString(),
                "--folds", "3", "--l2", "0.001,0.01");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("L2 0.001 +fold  1  held-out +[0-9,]+  AUC 0\\.\\d{4}")
                .containsPattern("L2 0.01 +fold  3").containsPattern("Chosen L2 0.0[0-9]+ \\(mean held-out AUC 0\\.\\d{4}\\)")
                .contains("model general-v3 written to");
        io.riskgraph.risk.grading.GradingModel m = io.riskgraph.risk.grading.ModelParser.parse(out);
        assertThat(m.version()).isEqualTo(3);
        assertThat(m.logit()).isNotNull();
        assertThat(Files.readString(out)).contains("cross-validation");
    }

    @Test
    void calibrateWithBadInputIsAUsageErrorAndKeepsThePreviousModel() throws Exception {
        Path previous;
        try (java.io.InputStream in = GradingCliTest.class.getResourceAsStream(io.riskgraph.risk.grading.GradingModel.RESOURCE)) {
            previous = Files.write(tmp.resolve("previous.properties"), in.readAllBytes());
        }
        String before = Files.readString(previous);
        Path badLabels = Files.writeString(tmp.resolve("labels.csv"), "uscc,label\n91310104MA1FK0037N,maybe\n");
        CliRun r = run("calibrate", "--labels", badLabels.toString(), "--model", previous.toString(), "--out", previous.toString());
        assertThat(r.exit()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("labels.csv:2: label must be true/false or 1/0, got 'maybe'");
        CliRun folds = run("calibrate", "--labels", city.resolve(CityGenerator.TRUTH).toString(), "--folds", "1",
                "--out", previous.toString());
        assertThat(folds.exit()).isEqualTo(Main.USAGE);
        assertThat(folds.err()).contains("--folds must be in 2..20");
        CliRun model = run("calibrate", "--labels", city.resolve(CityGenerator.TRUTH).toString(), "--model",
                tmp.resolve("missing.properties").toString(), "--out", previous.toString());
        assertThat(model.exit()).isEqualTo(Main.USAGE);
        assertThat(Files.readString(previous)).isEqualTo(before);
    }

    @Test
    void regradeNamesTheFirmsWhoseResultChanged() {
        CliRun grade = run("grade");
        assertThat(grade.exit()).as(grade.err()).isZero();
        String uscc;
        try (Session s = TestNeo4j.connection().driver().session()) {
            uscc = s.run("MATCH (e:Enterprise) RETURN e.uscc ORDER BY e.uscc LIMIT 1").single().get(0).asString();
        }
        CliRun r = run("regrade", "--uscc", uscc);
        assertThat(r.exit()).as(r.err()).isZero();
        // nothing new was ingested since the grade: nothing changes
        assertThat(r.out()).contains("re-grade of " + uscc + ": 0 new events, 0 enterprises changed");
        CliRun bad = run("regrade", "--uscc", "91310000000000000X");
        assertThat(bad.exit()).isEqualTo(Main.USAGE);
        assertThat(bad.err()).contains("enterprise 91310000000000000X was not in the graph");
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
        CliRun r = run("grade", "--model", bad.toString());
        assertThat(r.exit()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("bad-model.properties:6: indicator.Q01: unknown indicator code 'Q01'");
        CliRun d = run("backtest", "--truth", city.resolve(CityGenerator.TRUTH).toString(), "--as-of", "yesterday");
        assertThat(d.exit()).isEqualTo(Main.USAGE);
        assertThat(d.err()).contains("--as-of must be an ISO date");
    }
}
