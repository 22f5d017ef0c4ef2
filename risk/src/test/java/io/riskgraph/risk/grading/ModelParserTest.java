package io.riskgraph.risk.grading;

import io.riskgraph.risk.grading.Category;
import io.riskgraph.risk.grading.GradingModel;
import io.riskgraph.risk.grading.IndicatorLibrary;
import io.riskgraph.risk.grading.ModelException;
import io.riskgraph.risk.grading.ModelHolder;
import io.riskgraph.risk.grading.ModelParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelParserTest {
    private static final String HEADER = """
            model.id = t
            model.version = 2
            grade.B = 10
            grade.C = 20
            grade.D = 30
            """;
    private static final String GOOD = "indicator.S02 = weight=2; bins=1,2; points=0,50,100\n";

    @TempDir
    Path tmp;

    @Test
    void theShippedModelLoadsAndCoversEveryCategory() {
        GradingModel m = GradingModel.general();
        assertThat(m.name()).isEqualTo("general-v2");
        assertThat(m.logit()).isNotNull();
        assertThat(m.entries()).hasSizeGreaterThanOrEqualTo(60);
        Map<Category, Long> perCategory = IndicatorLibrary.all().values().stream()
                .collect(Collectors.groupingBy(i -> i.category(), Collectors.counting()));
        assertThat(perCategory.keySet()).containsExactlyInAnyOrder(Category.values());
        assertThat(IndicatorLibrary.all()).hasSizeGreaterThanOrEqualTo(60);
    }

    @Test
    void pointsFollowTheBins() {
        GradingModel m = ModelParser.parse("m", HEADER + GOOD);
        GradingModel.Entry e = m.entries().get(0);
        assertThat(new double[]{e.points(0), e.points(0.99), e.points(1), e.points(1.5), e.points(2), e.points(9), e.points(Double.NaN)})
                .containsExactly(0, 0, 50, 50, 100, 100, 0);
        assertThat(new char[]{m.grade(0), m.grade(10), m.grade(19.99), m.grade(20), m.grade(30), m.grade(100)})
                .containsExactly('A', 'B', 'B', 'C', 'D', 'D');
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                // text, line, field, message fragment
                Arguments.of(HEADER + "indicator.X99 = weight=1; bins=1; points=0,1\n", 6, "indicator.X99", "unknown indicator code 'X99'"),
                Arguments.of(HEADER + "indicator.S02 = weight=heavy; bins=1; points=0,1\n", 6, "indicator.S02 weight", "'heavy' is not a number"),
                Arguments.of(HEADER + "indicator.S02 = weight=-1; bins=1; points=0,1\n", 6, "indicator.S02 weight", "must be a finite number >= 0"),
                Arguments.of(HEADER + "indicator.S02 = weight=1; bins=2,1; points=0,1,2\n", 6, "indicator.S02 bins", "strictly ascending"),
                Arguments.of(HEADER + "indicator.S02 = weight=1; bins=1,1; points=0,1,2\n", 6, "indicator.S02 bins", "strictly ascending"),
                Arguments.of(HEADER + "indicator.S02 = weight=1; bins=1,x; points=0,1,2\n", 6, "indicator.S02 bins", "'x' is not a number"),
                Arguments.of(HEADER + "indicator.S02 = weight=1; bins=1; points=0,1,2\n", 6, "indicator.S02 points", "needs 2 values"),
                Arguments.of(HEADER + "indicator.S02 = weight=1; bins=1; points=0,101\n", 6, "indicator.S02 points", "0..100"),
                Arguments.of(HEADER + "indicator.S02 = weight=1; points=0,1\n", 6, "indicator.S02 bins", "missing"),
                Arguments.of(HEADER + "indicator.S02 = weight=1; bins=1; points=0,1; colour=red\n", 6, "indicator.S02 colour", "expected weight="),
                Arguments.of(HEADER + GOOD + GOOD, 7, "indicator.S02", "given twice"),
                Arguments.of(HEADER + "just words\n", 6, null, "expected 'key = value'"),
                Arguments.of(HEADER + "model.colour = red\n" + GOOD, 6, "model.colour", "unknown key"),
                Arguments.of(HEADER.replace("grade.C = 20", "grade.C = 5") + GOOD, 4, "grade.C", "must be above grade.B"),
                Arguments.of(HEADER.replace("grade.D = 30", "grade.D = 130") + GOOD, 5, "grade.D", "(0, 100]"),
                Arguments.of(HEADER.replace("grade.B = 10", "grade.B = ten") + GOOD, 3, "grade.B", "'ten' is not a number"),
                Arguments.of(HEADER.replace("model.version = 2", "model.version = two") + GOOD, 2, "model.version", "positive integer"),
                Arguments.of(HEADER.replace("model.id = t\n", "") + GOOD, 0, "model.id", "missing"),
                Arguments.of(HEADER, 0, "indicator", "no indicators"),
                Arguments.of(HEADER + "indicator.S02 = weight=0; bins=1; points=0,1\n", 0, "weight", "every weight is 0"),
                // professional models, score.logit and the trigger rule
                Arguments.of(HEADER + "model.segments = CATERING, BAKERY\nmodel.blend = 0.5\n" + GOOD, 6, "model.segments", "unknown segment 'BAKERY'"),
                Arguments.of(HEADER + "model.segments = CATERING, catering\nmodel.blend = 0.5\n" + GOOD, 6, "model.segments", "CATERING is given twice"),
                Arguments.of(HEADER + "model.segments = CATERING\n" + GOOD, 0, "model.blend", "missing"),
                Arguments.of(HEADER + "model.segments = CATERING\nmodel.blend = 1.5\n" + GOOD, 7, "model.blend", "must be in 0..1"),
                Arguments.of(HEADER + "model.segments = CATERING\nmodel.blend = half\n" + GOOD, 7, "model.blend", "'half' is not a number"),
                Arguments.of(HEADER + "model.segments = CATERING\nmodel.blend = 0.5\nmodel.subgroup = BIG\n" + GOOD, 8, "model.subgroup", "unknown subgroup 'BIG'"),
                Arguments.of(HEADER + "model.blend = 0.5\n" + GOOD, 6, "model.blend", "only a professional model"),
                Arguments.of(HEADER + "model.subgroup = SUPPLIER\n" + GOOD, 6, "model.subgroup", "only a professional model"),
                Arguments.of(HEADER + "score.logit = -3\n" + GOOD, 6, "score.logit", "'intercept, slope'"),
                Arguments.of(HEADER + "score.logit = -3, -1\n" + GOOD, 6, "score.logit", "positive slope"),
                Arguments.of(HEADER + "score.logit = -3, steep\n" + GOOD, 6, "score.logit", "'steep' is not a number"),
                Arguments.of(HEADER + "trigger.indicators = D16, Q07\ntrigger.grade = C\n" + GOOD, 6, "trigger.indicators", "unknown indicator code 'Q07'"),
                Arguments.of(HEADER + "trigger.indicators = D16, N28\ntrigger.grade = C\n" + GOOD, 6, "trigger.indicators", "N28 reads scores"),
                Arguments.of(HEADER + "trigger.indicators = D16, D16\ntrigger.grade = C\n" + GOOD, 6, "trigger.indicators", "D16 is given twice"),
                Arguments.of(HEADER + "trigger.indicators = D16\n" + GOOD, 0, "trigger.grade", "missing"),
                Arguments.of(HEADER + "trigger.indicators = D16\ntrigger.grade = E\n" + GOOD, 7, "trigger.grade", "one of B, C, D"),
                Arguments.of(HEADER + "trigger.indicators = D16\ntrigger.grade = D\ntrigger.grade.multiple = C\n" + GOOD, 8,
                        "trigger.grade.multiple", "must not be better than trigger.grade"),
                Arguments.of(HEADER + "trigger.grade = C\n" + GOOD, 6, "trigger.grade", "needs trigger.indicators"),
                Arguments.of(HEADER + GOOD + "indicator.G01 = weight=1; bins=30; points=0,100\n", 7, "indicator.G01", "only a professional model"),
                Arguments.of(HEADER + "trigger.indicators = G01\ntrigger.grade = C\n" + GOOD, 6, "trigger.indicators", "G01 reads scores"));
    }

    @Test
    void aProfessionalModelReadsItsScopeLogitAndTrigger() {
        GradingModel m = ModelParser.parse("p", HEADER + """
                model.segments = food_production, SPECIAL_FOOD
                model.subgroup = supplier
                model.blend = 0.4
                score.logit = -6.5, 18
                trigger.indicators = B08, D16
                trigger.grade = C
                trigger.grade.multiple = D
                """ + GOOD);
        assertThat(m.professional()).isTrue();
        assertThat(m.scope().segments()).containsExactly("FOOD_PRODUCTION", "SPECIAL_FOOD");
        assertThat(m.scope().subgroup()).isEqualTo(io.riskgraph.risk.grading.Subgroup.SUPPLIER);
        assertThat(m.scope().blend()).isEqualTo(0.4);
        assertThat(m.logit().logOdds(50)).isEqualTo(-6.5 + 9);
        assertThat(m.logit().score(-6.5 + 9)).isEqualTo(50);
        assertThat(m.trigger().indicators()).extracting(i -> i.code()).containsExactly("B08", "D16");
        assertThat(new char[]{m.trigger().single(), m.trigger().multiple()}).containsExactly('C', 'D');
    }

    @Test
    void theSixteenShippedProfessionalModelsLoadAndCoverTheFourteenSegments() {
        io.riskgraph.risk.grading.ModelSet set = io.riskgraph.risk.grading.ModelSet.shipped();
        assertThat(set.professional()).hasSize(16);
        assertThat(set.professional().stream().flatMap(p -> p.scope().segments().stream()).distinct())
                .containsExactlyInAnyOrder(Arrays.stream(io.riskgraph.model.Segment.values()).map(Enum::name).toArray(String[]::new));
        assertThat(set.professional()).allSatisfy(p -> assertThat(p.logit()).isNotNull());
        assertThat(set.professional().stream().filter(p -> p.scope().segments().contains("FOOD_PRODUCTION")))
                .hasSize(2).allSatisfy(p -> assertThat(p.trigger()).isNotNull());
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void everyErrorNamesFileLineAndField(String text, int line, String field, String fragment) throws Exception {
        Path file = tmp.resolve("bad.properties");
        Files.writeString(file, text);
        assertThatThrownBy(() -> ModelParser.parse(file))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.file()).isEqualTo("bad.properties");
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).startsWith("bad.properties" + (line > 0 ? ":" + line : "")).contains(fragment);
                });
    }

    @Test
    void aBadFileLeavesThePreviousModelInForce() throws Exception {
        ModelHolder holder = new ModelHolder(GradingModel.general());
        Path good = Files.writeString(tmp.resolve("good.properties"), HEADER + GOOD);
        Path bad = Files.writeString(tmp.resolve("bad.properties"), HEADER + "indicator.S02 = weight=1; bins=3,2; points=0,1,2\n");
        assertThat(holder.load(good).name()).isEqualTo("t-v2");
        assertThatThrownBy(() -> holder.load(bad)).isInstanceOf(ModelException.class);
        assertThat(holder.current().name()).isEqualTo("t-v2");
        assertThat(Arrays.stream(holder.current().entries().get(0).bins()).boxed().toList()).containsExactly(1.0, 2.0);
    }
}
