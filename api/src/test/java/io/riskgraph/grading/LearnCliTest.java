package io.riskgraph.grading;

import io.riskgraph.cli.CliRun;
import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.ingest.generator.CityGenerator;
import io.riskgraph.ingest.generator.GeneratorParams;
import io.riskgraph.progress.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** learn and models as a user runs them, on a generated city in a real Neo4j: learn, activate, grade, roll back, refuse. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LearnCliTest {
    static final int ENTERPRISES = 5_000;

    @TempDir
    static Path tmp;
    static Path city;
    static List<String> usccs = new ArrayList<>();

    static CliRun run(String... args) {
        return CliRun.onTestStore(tmp, args);
    }

    @BeforeAll
    static void load() throws Exception {
        city = tmp.resolve("city");
        new CityGenerator(GeneratorParams.of(ENTERPRISES, 9)).generate(city, ProgressListener.NONE);
        TestNeo4j.clear();
        CliRun ingest = run("ingest", city.toString(), "--rejects", tmp.resolve("rejects.csv").toString());
        assertThat(ingest.exit()).as(ingest.err()).isZero();
        CliRun analyze = run("analyze");
        assertThat(analyze.exit()).as(analyze.err()).isZero();
        List<String> lines = Files.readAllLines(city.resolve("enterprises.csv"));
        for (String l : lines.subList(1, lines.size())) usccs.add(l.substring(0, l.indexOf(',')));
    }

    @Test
    @Order(1)
    void learnPrintsTheBacktestSavesActivatesAndGradeUsesIt() throws Exception {
        CliRun learn = run("learn", "--force");
        assertThat(learn.exit()).as(learn.err()).isZero();
        assertThat(learn.out()).contains("Out-of-time back-test on the test window")
                .containsPattern("learned \\(trees\\) +AUC 0\\.\\d{4} +hit rate")
                .containsPattern("prior general-v2 +AUC 0\\.\\d{4}")
                .containsPattern("baseline: event count +AUC 0\\.\\d{4}")
                .contains("calibration of learned").contains("expected detection rate per grade")
                .contains("Saved as model v1 and activated");
        CliRun models = run("models");
        assertThat(models.exit()).as(models.err()).isZero();
        assertThat(models.out()).containsPattern("(?m)^\\* v1 +as of \\d{4}-\\d{2}-\\d{2}, trees: OOT AUC");
        CliRun grade = run("grade");
        assertThat(grade.exit()).as(grade.err()).isZero();
        assertThat(grade.out()).contains("with model learned-v1").contains("expected detection (back-test)");
        Path csv = tmp.resolve("grades.csv");
        assertThat(run("export", "grades", "--out", csv.toString()).exit()).isZero();
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(ENTERPRISES + 1);
        assertThat(rows.stream().filter(r -> r.contains(",D,learned-v1") && r.contains("log-odds)"))).isNotEmpty();
        assertThat(run("models", "report", "1").out()).contains("Out-of-time back-test");
    }

    @Test
    @Order(2)
    void rollBackToThePrior() {
        CliRun back = run("models", "activate", "prior");
        assertThat(back.exit()).as(back.err()).isZero();
        assertThat(back.out()).contains("Active model: prior (was v1)");
        CliRun grade = run("grade");
        assertThat(grade.out()).contains("with model general-v2");
    }

    /** Labels the prior ranks perfectly (its own C and D grades): no learned model can beat it, so it is not activated. */
    @Test
    @Order(3)
    void aModelThatDoesNotBeatThePriorIsNotActivated() throws Exception {
        assertThat(run("grade").exit()).isZero();
        Path csv = tmp.resolve("prior-grades.csv");
        assertThat(run("export", "grades", "--out", csv.toString()).exit()).isZero();
        List<String> labels = new ArrayList<>(List.of("uscc,label"));
        for (String r : Files.readAllLines(csv).subList(1, ENTERPRISES + 1)) {
            String[] f = r.split(",", 4);
            labels.add(f[0] + "," + (f[2].equals("C") || f[2].equals("D") ? 1 : 0));
        }
        Path file = tmp.resolve("prior-labels.csv");
        Files.write(file, labels);
        CliRun learn = run("learn", "--labels", file.toString());
        assertThat(learn.exit()).as(learn.err()).isZero();
        assertThat(learn.out()).contains("5-fold cross-validation").contains("NOT activated").contains("prior stays active");
        assertThat(run("models").out()).containsPattern("(?m)^\\* prior");
    }

    /** A labels file, what is in it, the words of the refusal (null: accepted), and extra arguments. */
    static Stream<Object[]> badInput() {
        return Stream.of(
                new Object[]{"unknown USCCs are counted, not fatal", labels(1500, true, "91110000UNKNOWN001,1\n91110000UNKNOWN002,0\n"),
                        "2 labels name no enterprise of the store", List.of("--no-activate")},
                new Object[]{"a single class", labels(1500, false, ""), "a single class", List.of()},
                new Object[]{"too few outcomes", labels(50, true, ""), "learning needs at least 200", List.of()},
                new Object[]{"a malformed label", labels(300, true, "X,maybe\n"), "label must be 1, 0, true or false", List.of()},
                new Object[]{"a line with three fields", labels(300, true, "X,1,2\n"), "expected 'uscc,label'", List.of()},
                new Object[]{"an as-of day before any event", null, "before the first event", List.of("--as-of", "1990-01-01")},
                new Object[]{"a missing labels file", "missing", "does not exist", List.of()},
                new Object[]{"an unknown kind", null, "--kind must be trees or scorecard", List.of("--kind", "forest")},
                new Object[]{"bad grade shares", null, "must leave some firms A", List.of("--grade-shares", "0.5,0.3,0.3")});
    }

    /** Labels of the first k firms (alternating when both classes), then extra lines. */
    static String labels(int k, boolean bothClasses, String extra) {
        StringBuilder s = new StringBuilder("uscc,label\n");
        for (int i = 0; i < k; i++) s.append("@").append(i).append(',').append(bothClasses ? (i % 3 == 0 ? "1" : "0") : "0").append('\n');
        return s.append(extra).toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    @Order(4)
    void badInputGetsAPreciseMessage(String what, String content, String words, List<String> extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("learn"));
        if (content != null) {
            Path file = tmp.resolve(what.replace(' ', '-') + ".csv");
            if (!content.equals("missing")) {
                String text = content;
                for (int i = usccs.size() - 1; i >= 0; i--) text = text.replace("@" + i + ",", usccs.get(i) + ",");
                Files.writeString(file, text);
            }
            args.addAll(List.of("--labels", file.toString()));
        }
        args.addAll(extra);
        CliRun r = run(args.toArray(String[]::new));
        if (words.contains("name no enterprise")) {
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains(words);
        } else {
            assertThat(r.exit()).as(r.out()).isEqualTo(2);
            assertThat(r.err()).contains(words);
        }
        assertThat(run("models").out()).as("nothing activated").containsPattern("(?m)^\\* prior");
    }

    @Test
    @Order(5)
    void aHandEditedModelIsNotActivated() throws Exception {
        Path json = tmp.resolve("models").resolve("v1").resolve("model.json");
        Files.writeString(json, Files.readString(json).replace("\"kind\" : \"TREES\"", "\"kind\" : \"SCORECARD\""));
        CliRun r = run("models", "activate", "1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("model.json was changed after learn wrote it");
        assertThat(run("models").out()).containsPattern("(?m)^\\* prior");
    }
}
