package io.riskgraph.grading;

import io.riskgraph.algorithms.Analysis;
import io.riskgraph.risk.grading.Backtest;
import io.riskgraph.risk.grading.Category;
import io.riskgraph.risk.grading.Grader;
import io.riskgraph.risk.grading.GraderParams;
import io.riskgraph.risk.grading.GradingData;
import io.riskgraph.risk.grading.GradingModel;
import io.riskgraph.risk.grading.IndicatorContext;
import io.riskgraph.risk.grading.IndicatorLibrary;
import io.riskgraph.cli.TruthFile;
import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.ingest.Ingestor;
import io.riskgraph.ingest.generator.CityGenerator;
import io.riskgraph.ingest.generator.GeneratorParams;
import io.riskgraph.model.id.IdProtector;
import io.riskgraph.progress.Cancellation;
import io.riskgraph.progress.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Grades a generated city loaded into a real embedded Neo4j and checks the grades against its hidden truth. */
class GradingCityTest {
    static final int ENTERPRISES = 4_000;
    static final long SEED = 11;

    @TempDir
    static Path tmp;
    static IndicatorContext ctx;
    static Map<String, Boolean> truth;

    @BeforeAll
    static void city() throws Exception {
        Path city = tmp.resolve("city");
        new CityGenerator(GeneratorParams.of(ENTERPRISES, SEED)).generate(city, ProgressListener.NONE);
        TestNeo4j.clear();
        new Ingestor(TestNeo4j.store(), new IdProtector(new byte[32]), Ingestor.Options.DEFAULT)
                .ingest(city, tmp.resolve("rejects.csv"), ProgressListener.NONE);
        new Analysis().runStandard(TestNeo4j.store(), ProgressListener.NONE, Cancellation.NEVER);
        GradingData data = GradingData.read(TestNeo4j.store(), Cancellation.NEVER);
        ctx = new IndicatorContext(data, data.latestEventDay());
        truth = TruthFile.read(city.resolve(CityGenerator.TRUTH));
    }

    @Test
    void everyIndicatorComputesAFiniteValuePerEnterprise() {
        assertThat(ctx.n).isEqualTo(ENTERPRISES);
        // N26-N30 read the first pass and G01 the general score: grading with the shipped set provides both
        Grader.grade(ctx, io.riskgraph.risk.grading.ModelSet.shipped(), GraderParams.DEFAULT);
        IndicatorLibrary.all().values().forEach(ind -> {
            double[] v = ind.compute().apply(ctx).value();
            assertThat(v).as(ind.code()).hasSize(ENTERPRISES);
            for (double x : v) assertThat(Double.isFinite(x)).as(ind.code() + " value " + x).isTrue();
        });
        // the planted structures are found: shells, and events in every family
        for (String code : new String[]{"N13", "S03", "D03", "E04", "D07", "N01", "N10"}) {
            double[] v = IndicatorLibrary.get(code).compute().apply(ctx).value();
            assertThat(java.util.Arrays.stream(v).filter(x -> x > 0).count()).as(code + " non-zero").isPositive();
        }
    }

    @Test
    void scoresRankTheNextHalfYearsViolationsAndTheNetworkMatters() {
        GradingModel model = GradingModel.general();
        Grader.Grades full = Grader.grade(ctx, model, GraderParams.DEFAULT);
        Grader.Grades ablated = Grader.grade(ctx, model, GraderParams.DEFAULT.without(Category.NETWORK));
        Backtest.Result f = Backtest.evaluate(ctx, full, truth, Backtest.COVERAGE_DEFAULT);
        Backtest.Result a = Backtest.evaluate(ctx, ablated, truth, Backtest.COVERAGE_DEFAULT);
        assertThat(f.labelled()).isEqualTo(ENTERPRISES);
        assertThat(f.auc()).isGreaterThan(0.7);
        assertThat(f.lift()).isGreaterThan(1.8);
        assertThat(f.auc()).isNotEqualTo(a.auc());
        assertThat(f.hitRate()).isNotEqualTo(a.hitRate());
    }

    @Test
    void gradesFollowTheCutOffsAndNameTheirReasons() {
        GradingModel model = GradingModel.general();
        Grader.Grades g = Grader.grade(ctx, model, GraderParams.DEFAULT);
        boolean networkSourceSeen = false;
        for (int i = 0; i < ctx.n; i++) {
            assertThat(g.score()[i]).isBetween(0.0, 100.0);
            assertThat(g.grade()[i]).isEqualTo(model.grade(g.score()[i]));
            if (g.grade()[i] == 'D') assertThat(g.reasons().get(i)).isNotEmpty();
            assertThat(g.reasons().get(i).size()).isLessThanOrEqualTo(GraderParams.TOP_REASONS_DEFAULT);
            double previous = Double.MAX_VALUE;
            for (Grader.Reason r : g.reasons().get(i)) {
                assertThat(r.contribution()).isPositive().isLessThanOrEqualTo(previous);
                previous = r.contribution();
                if (r.category() == Category.NETWORK && r.source() != null) networkSourceSeen = true;
            }
        }
        assertThat(networkSourceSeen).as("some network reason names its source").isTrue();
        assertThat(g.distribution()[3]).as("some D grades").isPositive();
    }

    @Test
    void tuningOnACityGivesALoadableModelThatRanksAtLeastAsWellThereAsTheStart() {
        GradingModel start = GradingModel.general();
        String text = io.riskgraph.risk.grading.ModelTuner.DEFAULT.tune(ctx, start, truth, "test");
        GradingModel tuned = io.riskgraph.risk.grading.ModelParser.parse("tuned.properties", text);
        assertThat(tuned.entries()).hasSameSizeAs(start.entries());
        double before = Backtest.evaluate(ctx, Grader.grade(ctx, start, GraderParams.DEFAULT), truth, 0.3).auc();
        double after = Backtest.evaluate(ctx, Grader.grade(ctx, tuned, GraderParams.DEFAULT), truth, 0.3).auc();
        // in-sample, the fit can only help up to the noise of binning and a finite number of steps
        assertThat(after).isGreaterThan(before - 0.01);
    }

    @Test
    void gradingAsOfAnEarlierDayIgnoresLaterEvents() {
        LocalDate earlier = ctx.asOf.minusMonths(12);
        IndicatorContext past = new IndicatorContext(ctx.data, earlier);
        double[] now = IndicatorLibrary.get("S09").compute().apply(ctx).value();
        double[] then = IndicatorLibrary.get("S09").compute().apply(past).value();
        double sumNow = 0, sumThen = 0;
        for (int i = 0; i < ctx.n; i++) {
            sumNow += now[i];
            sumThen += then[i];
        }
        assertThat(sumThen).isLessThan(sumNow);
    }
}
