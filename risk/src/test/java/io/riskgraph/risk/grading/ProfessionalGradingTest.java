package io.riskgraph.risk.grading;

import io.riskgraph.risk.grading.Grader;
import io.riskgraph.risk.grading.GraderParams;
import io.riskgraph.risk.grading.GradingData;
import io.riskgraph.risk.grading.IndicatorContext;
import io.riskgraph.risk.grading.ModelParser;
import io.riskgraph.risk.grading.ModelSet;
import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.progress.Cancellation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static io.riskgraph.risk.grading.TinyCity.firm;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The general + professional combination and the trigger rule on five firms, each with its expected score worked
 * out by hand (docs/models.md): general score g (S16 alone: 0 or 100), professional score p (D16 alone), mapped
 * m = 100 × (logit_p(p) - a_g) / b_g with logit_p(p) = -2 + 4 p / 100 and a_g, b_g = -4, 8, final 0.5 g + 0.5 m.
 */
class ProfessionalGradingTest {
    static final String GENERAL = """
            model.id = g
            model.version = 9
            grade.B = 20
            grade.C = 40
            grade.D = 60
            score.logit = -4, 8
            indicator.S16 = weight=1; bins=1; points=0,100
            """;
    static final String FOOD = """
            model.id = food
            model.version = 1
            model.segments = FOOD_PRODUCTION
            model.blend = 0.5
            grade.B = 20
            grade.C = 40
            grade.D = 60
            score.logit = -2, 4
            trigger.indicators = B08, D16
            trigger.grade = C
            trigger.grade.multiple = D
            indicator.D16 = weight=1; bins=1; points=0,100
            """;

    @TempDir
    static Path tmp;
    static Grader.Grades grades;
    static IndicatorContext ctx;

    @BeforeAll
    static void city() throws Exception {
        TestNeo4j.clear();
        TinyCity.ingest(tmp.resolve("city"),
                "enterprises.csv", TinyCity.ENTERPRISES_HEADER
                        + firm("91310104MA1FK0037N", "ACTIVE", "FOOD_PRODUCTION")
                        + firm("91310105MA1GH00743", "ABNORMAL", "FOOD_PRODUCTION")
                        + firm("91310106MA1FK0111L", "ABNORMAL", "FOOD_PRODUCTION")
                        + firm("91310107MA1GH0148Y", "ACTIVE", "CATERING")
                        + firm("91310109MA1FK0185K", "ACTIVE", "FOOD_PRODUCTION|FOOD_SALES"),
                "samples.csv", TinyCity.SAMPLES_HEADER
                        + "S1,91310104MA1FK0037N,,2026-05-01,饼干,BAKERY,FAIL,microbial:coliforms\n"
                        + "S2,91310106MA1FK0111L,,2026-05-02,饼干,BAKERY,FAIL,microbial:coliforms\n"
                        + "S3,91310109MA1FK0185K,,2026-05-03,饼干,BAKERY,PASS,\n",
                "inspections.csv", TinyCity.INSPECTIONS_HEADER
                        + "I1,91310107MA1GH0148Y,2026-06-01,ROUTINE,,ISSUES_FOUND,2,true,\n");
        ctx = new IndicatorContext(GradingData.read(TestNeo4j.store(), Cancellation.NEVER), LocalDate.of(2026, 6, 30));
        ModelSet set = new ModelSet(ModelParser.parse("g.properties", GENERAL), List.of(ModelParser.parse("food.properties", FOOD)));
        grades = Grader.grade(ctx, set, GraderParams.DEFAULT);
    }

    @ParameterizedTest(name = "{0}: {1} {2} by {3}")
    @CsvSource(delimiter = ';', value = {
            // failed sample: g 0, p 100 -> m 75 -> 37.5 = B; the failed sample triggers C
            "91310104MA1FK0037N; 37.5; C; g-v9+food-v1; TRIGGER D16",
            // abnormal listing, nothing else: p 0 -> m 25 -> 12.5 = A; the listing triggers C
            "91310105MA1GH00743; 12.5; C; g-v9+food-v1; TRIGGER",
            // both factors: 37.5 = B, two triggers -> D
            "91310106MA1FK0111L; 37.5; D; g-v9+food-v1; TRIGGER D16",
            // catering is outside the professional scope: the general model alone, S16 -> 100 = D
            "91310107MA1GH0148Y; 100.0; D; g-v9; S16",
            // a producer with a passed sample: 12.5 = A, no trigger
            "91310109MA1FK0185K; 12.5; A; g-v9+food-v1; ''"})
    void generalAndProfessionalCombineAsDocumented(String uscc, double score, char grade, String model, String reasons) {
        int i = java.util.Arrays.asList(ctx.data.uscc).indexOf(uscc);
        assertThat(grades.score()[i]).isEqualTo(score);
        assertThat(grades.grade()[i]).isEqualTo(grade);
        assertThat(grades.modelName()[i]).isEqualTo(model);
        assertThat(String.join(" ", grades.reasons().get(i).stream().map(Grader.Reason::code).toList())).isEqualTo(reasons);
        if (reasons.startsWith("TRIGGER")) {
            assertThat(grades.reasons().get(i).get(0).text()).startsWith("TRIGGER 触发式监管/trigger supervision: ")
                    .contains("-> grade at least " + grade + " (food-v1)");
        }
    }
}
