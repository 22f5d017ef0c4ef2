package io.riskgraph.risk.learning;

import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.ingest.Ingestor;
import io.riskgraph.ingest.generator.CityGenerator;
import io.riskgraph.ingest.generator.GeneratorParams;
import io.riskgraph.model.id.IdProtector;
import io.riskgraph.progress.Cancellation;
import io.riskgraph.progress.ProgressListener;
import io.riskgraph.risk.grading.Backtest;
import io.riskgraph.risk.grading.Grader;
import io.riskgraph.risk.grading.GraderParams;
import io.riskgraph.risk.grading.GradingData;
import io.riskgraph.risk.grading.IndicatorContext;
import io.riskgraph.risk.grading.ModelSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Learning on a generated city held in a real embedded Neo4j: signal, leakage, segments, reasons, re-grades. */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class LearnerTest {
    static final int ENTERPRISES = 6_000;
    /** Small enough that a 6,000-firm city has segment models to check. */
    static final LearnParams PARAMS = LearnParams.DEFAULT.withSegmentMinimum(150, 30);

    @TempDir
    static Path tmp;
    static Path cityDir;
    static GradingData city;
    static LocalDate asOf;
    static Learner.Result result;

    @BeforeAll
    static void learn() throws Exception {
        cityDir = tmp.resolve("city");
        new CityGenerator(GeneratorParams.of(ENTERPRISES, 11)).generate(cityDir, ProgressListener.NONE);
        TestNeo4j.clear();
        new Ingestor(TestNeo4j.store(), new IdProtector(new byte[32]), Ingestor.Options.DEFAULT)
                .ingest(cityDir, tmp.resolve("rejects.csv"), ProgressListener.NONE);
        city = GradingData.read(TestNeo4j.store(), Cancellation.NEVER);
        asOf = city.latestEventDay();
        result = Learner.fromHistory(city, asOf, PARAMS, ModelSet.shipped(), line -> {});
    }

    /** The generator plants each firm's violation risk; the learned grades must rank next half-year's violations. */
    @Test
    void learnedGradesRankThePlantedFutureViolations() throws Exception {
        Map<String, Boolean> truth = new HashMap<>();
        List<String> lines = Files.readAllLines(cityDir.resolve("truth.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int u = header.indexOf("uscc"), v = header.indexOf("violation_next_half_year");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            truth.put(f[u], Boolean.parseBoolean(f[v]));
        }
        IndicatorContext now = new IndicatorContext(city, asOf);
        Grader.Grades g = result.model().grade(now, GraderParams.DEFAULT);
        Backtest.Result r = Backtest.evaluate(now, g, truth, 0.3);
        assertTrue(r.auc() > 0.70, "population AUC " + r.auc());
        assertTrue(r.lift() > 1.8, "lift " + r.lift());
        assertTrue(result.learned().auc() > result.baseline().auc(), result.report().toString());
        assertEquals(0.05, share(g, 'D'), 0.02);
        assertEquals(0.15, share(g, 'C'), 0.03);
    }

    private static double share(Grader.Grades g, char grade) {
        long k = 0;
        for (char c : g.grade()) if (c == grade) k++;
        return (double) k / g.grade().length;
    }

    /**
     * A city of millions is learned with a row cap and a population sample (LearnParams.maxRows, populationSample);
     * here the caps are made small: training windows stop once they hold enough rows, every fit draws at most the cap,
     * the cut-offs come from the sample, and the learned grades still rank the future violations and keep their shares.
     */
    @Test
    void rowCapAndPopulationSampleKeepTheSignal() throws Exception {
        List<String> log = new java.util.ArrayList<>();
        Learner.Result capped = Learner.fromHistory(city, asOf, PARAMS.withLimits(1_000, 2_000), ModelSet.shipped(), log::add);
        assertTrue(log.stream().anyMatch(l -> l.contains("training windows stop at")), String.join("\n", log));
        assertTrue(log.stream().anyMatch(l -> l.contains("grade cut-offs from 2,000 firms")), String.join("\n", log));
        assertTrue(capped.learned().auc() > capped.baseline().auc(), capped.report().toString());
        Grader.Grades g = capped.model().grade(new IndicatorContext(city, asOf), GraderParams.DEFAULT);
        assertEquals(0.05, share(g, 'D'), 0.02);
        assertEquals(0.15, share(g, 'C'), 0.03);
        assertEquals(2_000, Learner.populationSample(ENTERPRISES, PARAMS.withLimits(1_000, 2_000)).length);
        assertEquals(ENTERPRISES, Learner.populationSample(ENTERPRISES, PARAMS).length);
    }

    /** A professional model is kept only where it beat the general model on its segment's test firms. */
    @Test
    void aSegmentModelNeverLowersItsSegmentsOutOfTimeAuc() {
        assertTrue(!result.segments().isEmpty(), "the test needs segments with enough outcomes: " + result.report());
        for (Learner.SegmentResult s : result.segments()) {
            assertEquals(s.kept(), result.model().segments().containsKey(s.segment()), s.toString());
            if (s.kept()) assertTrue(s.segmentAuc() > s.generalAuc(), s.toString());
        }
    }

    /** K01..K14 are the firm's segments one by one, in the contract's order, and the learned model reads them. */
    @Test
    void segmentFeaturesAreTheFirmsOwnSegments() {
        IndicatorContext now = new IndicatorContext(city, asOf);
        List<String> codes = result.model().features().stream().map(Feature::code).toList();
        io.riskgraph.model.Segment[] segments = io.riskgraph.model.Segment.values();
        int members = 0;
        for (int k = 0; k < segments.length; k++) {
            String code = String.format("K%02d", k + 1);
            assertTrue(codes.contains(code), code + " in " + codes);
            double[] column = FeatureMatrix.column(now, FeatureMatrix.byCodes(List.of(code)).get(0));
            for (int f = 0; f < ENTERPRISES; f++) {
                boolean in = city.segments[f] != null && List.of(city.segments[f]).contains(segments[k].name());
                assertEquals(in ? 1.0 : 0.0, column[f], code + " of firm " + f);
                if (in) members++;
            }
        }
        assertTrue(members > 0, "the city has firms in segments");
    }

    /** SHAP contributions and the bias add up to the firm's log-odds, and the score is 100 × its probability. */
    @Test
    void reasonsAddUpToTheScore() {
        IndicatorContext now = new IndicatorContext(city, asOf);
        List<Feature> f = result.model().features();
        int[] firms = {0, 1, 2, 17, 1234, ENTERPRISES - 1};
        float[] rows = FeatureMatrix.rowsOf(now, f, firms);
        float[][] contrib = Trees.contributions(result.model().general(), rows, firms.length, f.size());
        float[] margin = Trees.margins(result.model().general(), rows, firms.length, f.size());
        Grader.Grades g = result.model().grade(now, GraderParams.DEFAULT);
        for (int k = 0; k < firms.length; k++) {
            double sum = 0;
            for (float c : contrib[k]) sum += c;
            assertEquals(margin[k], sum, 1e-3, "firm " + firms[k]);
            if (result.model().segments().isEmpty() || g.modelName()[firms[k]].equals(result.model().name())) {
                assertEquals(LearnedModel.score(sum), g.score()[firms[k]], 1e-3);
            }
            for (Grader.Reason r : g.reasons().get(firms[k])) assertTrue(r.contribution() > 0 && r.text().contains("log-odds"), r.text());
        }
    }

    /**
     * A re-grade with the learned model after a new event gives what a full learned grade of the re-read store gives,
     * for every firm, and names the firms whose result changed.
     */
    @Test
    @org.junit.jupiter.api.Order(1)
    void incrementalRegradeWithTheLearnedModelEqualsAFullGrade() throws Exception {
        io.riskgraph.risk.grading.IncrementalGrader grader = io.riskgraph.risk.grading.IncrementalGrader.open(
                TestNeo4j.store(), result.model(), GraderParams.DEFAULT, asOf, Cancellation.NEVER);
        String uscc = city.uscc[42];
        Path event = tmp.resolve("event");
        Files.createDirectories(event);
        // a dataset always has its enterprises: the firm's own row, unchanged
        List<String> firms = Files.readAllLines(cityDir.resolve("enterprises.csv"));
        Files.writeString(event.resolve("enterprises.csv"), firms.get(0) + "\r\n"
                + firms.stream().filter(l -> l.startsWith(uscc + ",")).findFirst().orElseThrow() + "\r\n");
        Files.writeString(event.resolve("samples.csv"), "sample_id,uscc,producer_uscc,date,product,category,result,failed_items\r\n"
                + "SX1," + uscc + ",," + asOf + ",饼干,BAKERY,FAIL,microbial:coliforms\r\n");
        new Ingestor(TestNeo4j.store(), new IdProtector(new byte[32]), Ingestor.Options.DEFAULT)
                .ingest(event, tmp.resolve("event-rejects.csv"), ProgressListener.NONE);
        io.riskgraph.risk.grading.IncrementalGrader.Result r = grader.regrade(TestNeo4j.store(), java.util.Set.of(uscc));
        assertEquals(1, r.newEvents());
        assertTrue(r.changed().contains(uscc), r.changed().toString());
        GradingData reread = GradingData.read(TestNeo4j.store(), Cancellation.NEVER);
        Grader.Grades full = result.model().grade(new IndicatorContext(reread, asOf), GraderParams.DEFAULT);
        Grader.Grades held = grader.grades();
        for (int i = 0; i < full.score().length; i++) {
            assertEquals(full.score()[i], held.score()[i], 1e-9, "firm " + reread.uscc[i]);
            assertEquals(full.grade()[i], held.grade()[i]);
            assertEquals(full.reasons().get(i), held.reasons().get(i));
        }
    }

    /**
     * Events of every kind at firms across the city, re-graded in memory one after another with the learned model:
     * after each, every firm's held result is what a full learned grade of the data gives (the firms an event reaches
     * through its related parties, its propagated risk, and the groups its indicators read, such as a community).
     */
    @Test
    @org.junit.jupiter.api.Order(2)
    void eventsReGradedInMemoryWithTheLearnedModelEqualAFullGradeAfterEach() {
        io.riskgraph.risk.grading.IncrementalGrader grader = new io.riskgraph.risk.grading.IncrementalGrader(
                GradingData.read(TestNeo4j.store(), Cancellation.NEVER), ModelSet.shipped(), GraderParams.DEFAULT, asOf)
                .withOverlay(result.model());
        // family (order of GradingData.EVENT_LABELS), properties as the read normalises them, and whether the event
        // is on the firm's legal representative rather than on the firm
        List<Object[]> kinds = List.of(
                new Object[]{1, Map.of("result", "FAIL"), false}, new Object[]{0, Map.of("result", "ISSUES_FOUND"), false},
                new Object[]{2, Map.of("kind", "FINE"), false}, new Object[]{3, Map.of("verified", "TRUE"), false},
                new Object[]{5, Map.of("kind", "RODENT", "status", "OPEN"), false},
                new Object[]{4, Map.of("kind", "DISHONEST_EXECUTEE", "status", "ACTIVE"), true});
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        long id = Long.MAX_VALUE / 2;
        int events = 0;
        while (events < 12) {
            Object[] kind = kinds.get(events % kinds.size());
            IndicatorContext ctx = grader.context();
            int firm = rnd.nextInt(ctx.n), person = -1;
            if ((boolean) kind[2]) {
                for (int r = 0; r < ctx.data.rolePerson.length && person < 0; r++) {
                    if (ctx.data.roleEnt[r] == firm && ctx.isPrincipal(r)) person = ctx.data.rolePerson[r];
                }
                if (person < 0) continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) kind[1];
            grader.apply(ctx.data.oneEvent((int) kind[0], id++, ctx.asOfDay, props, person >= 0 ? -1 : firm, -1, person),
                    false, java.util.Set.of(firm));
            events++;
            Grader.Grades full = result.model().grade(new IndicatorContext(grader.context().data, asOf), GraderParams.DEFAULT);
            Grader.Grades held = grader.grades();
            for (int i = 0; i < full.score().length; i++) {
                String what = "event " + events + " (family " + kind[0] + " at firm " + firm + "), firm " + i;
                assertEquals(full.score()[i], held.score()[i], 1e-9, what);
                assertEquals(full.reasons().get(i), held.reasons().get(i), what);
            }
        }
    }

    /** Features as of a window's start read nothing inside it: the store without the window's events gives the same. */
    @Test
    @org.junit.jupiter.api.Order(9)
    void noLeakageFromInsideTheLabelWindow() {
        LocalDate start = asOf.minusDays(PARAMS.windowDays());
        List<Feature> f = FeatureMatrix.all();
        double[][] before = FeatureMatrix.columns(new IndicatorContext(city, start), f);
        for (String label : List.of("Inspection", "Sample", "Penalty", "Complaint", "CourtRecord")) {
            write("MATCH (e:" + label + ") WHERE e.date > date($start) DETACH DELETE e", start);
        }
        write("MATCH (e:Alert) WHERE date(e.time) > date($start) DETACH DELETE e", start);
        GradingData cut = GradingData.read(TestNeo4j.store(), Cancellation.NEVER);
        assertTrue(cut.latestEventDay().isBefore(start.plusDays(1)));
        double[][] after = FeatureMatrix.columns(new IndicatorContext(cut, start), f);
        for (int j = 0; j < f.size(); j++) {
            for (int i = 0; i < before[j].length; i++) {
                double a = before[j][i], b = after[j][i];
                if (!(Double.isNaN(a) && Double.isNaN(b))) assertEquals(a, b, 1e-9, f.get(j).code() + " of firm " + i);
            }
        }
        // the rest of the suite reads the city whole again
        TestNeo4j.clear();
    }

    private static void write(String cypher, LocalDate start) {
        try (var session = TestNeo4j.connection().driver().session()) {
            session.executeWrite(tx -> tx.run(cypher, Map.of("start", start.toString())).consume());
        }
    }
}
