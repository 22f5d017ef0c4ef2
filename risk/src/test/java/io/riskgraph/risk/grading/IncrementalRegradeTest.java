package io.riskgraph.risk.grading;

import io.riskgraph.risk.grading.Grader;
import io.riskgraph.risk.grading.GraderParams;
import io.riskgraph.risk.grading.GradingData;
import io.riskgraph.risk.grading.IncrementalGrader;
import io.riskgraph.risk.grading.IndicatorContext;
import io.riskgraph.risk.grading.ModelParser;
import io.riskgraph.risk.grading.ModelSet;
import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.progress.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.riskgraph.risk.grading.TinyCity.firm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A new event re-grades the firm and the neighbours its risk reaches, and the result equals a full run: three
 * firms share a legal representative (N10 reads the others' trouble), a fourth is unrelated; a failed sample at
 * the first is ingested after the city was graded.
 */
class IncrementalRegradeTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    static final String GENERAL = """
            model.id = g
            model.version = 1
            grade.B = 20
            grade.C = 40
            grade.D = 60
            score.logit = -4, 8
            indicator.D16 = weight=2; bins=1; points=0,100
            indicator.N10 = weight=1; bins=1; points=0,100
            indicator.B08 = weight=1; bins=1; points=0,100
            """;
    /** The general model of the table: the person indicator N25 besides. */
    static final String GENERAL_WITH_PERSONS = GENERAL + "indicator.N25 = weight=1; bins=1; points=0,100\n"
            + "indicator.N21 = weight=1; bins=1; points=0,100\n";
    static final String COURT_HEADER = "record_id,subject_id,subject_type,date,kind,role,outcome,cause,court_level,amount,status\n";
    static final String A = "91310104MA1FK0037N", B = "91310105MA1GH00743", C = "91310106MA1FK0111L",
            D = "91310107MA1GH0148Y", E = "91310115MAACERUC5Y", F = "91310115MATU5BDN5Q";
    static final String FOOD = """
            model.id = food
            model.version = 1
            model.segments = FOOD_PRODUCTION
            model.blend = 0.5
            grade.B = 20
            grade.C = 40
            grade.D = 60
            score.logit = -2, 4
            trigger.indicators = D16
            trigger.grade = C
            indicator.D16 = weight=1; bins=1; points=0,100
            """;

    @TempDir
    Path tmp;

    @Test
    void aNewEventReGradesItsFirmAndTheFirmsSharingItsRepresentativeAsAFullRunWould() throws Exception {
        TestNeo4j.clear();
        TinyCity.ingest(tmp.resolve("city"),
                "enterprises.csv", TinyCity.ENTERPRISES_HEADER
                        + firm("91310104MA1FK0037N", "ACTIVE", "FOOD_PRODUCTION")
                        + firm("91310105MA1GH00743", "ACTIVE", "CATERING")
                        + firm("91310106MA1FK0111L", "ACTIVE", "FOOD_SALES")
                        + firm("91310107MA1GH0148Y", "ACTIVE", "CATERING"),
                "persons.csv", TinyCity.PERSONS_HEADER + "P1,张伟,,,\nP2,李娜,,,\n",
                "roles.csv", TinyCity.ROLES_HEADER
                        + "P1,91310104MA1FK0037N,LEGAL_REPRESENTATIVE,,,\n"
                        + "P1,91310105MA1GH00743,LEGAL_REPRESENTATIVE,,,\n"
                        + "P1,91310106MA1FK0111L,LEGAL_REPRESENTATIVE,,,\n"
                        + "P2,91310107MA1GH0148Y,LEGAL_REPRESENTATIVE,,,\n",
                "samples.csv", TinyCity.SAMPLES_HEADER + "S1,91310107MA1GH0148Y,,2026-03-01,饼干,BAKERY,PASS,\n");
        ModelSet models = new ModelSet(ModelParser.parse("g.properties", GENERAL), List.of(ModelParser.parse("food.properties", FOOD)));
        IncrementalGrader session = IncrementalGrader.open(TestNeo4j.store(), models, GraderParams.DEFAULT, AS_OF, Cancellation.NEVER);
        io.riskgraph.risk.grading.GradeWriter.write(TestNeo4j.store(), session.context(), session.grades(), null);

        // the event arrives (the real ingest path), and the firm becomes abnormal
        TinyCity.ingest(tmp.resolve("event"),
                "enterprises.csv", TinyCity.ENTERPRISES_HEADER + firm("91310104MA1FK0037N", "ACTIVE", "FOOD_PRODUCTION"),
                "samples.csv", TinyCity.SAMPLES_HEADER
                + "S2,91310104MA1FK0037N,,2026-06-20,饼干,BAKERY,FAIL,microbial:coliforms\n");
        IncrementalGrader.Result r = session.regrade(TestNeo4j.store(), Set.of("91310104MA1FK0037N"));

        assertThat(r.newEvents()).isEqualTo(1);
        // the firm (D16, trigger) and the two sharing its representative (N10); not the unrelated fourth
        assertThat(r.changed()).containsExactlyInAnyOrder("91310104MA1FK0037N", "91310105MA1GH00743", "91310106MA1FK0111L");
        assertEqualsFullRun(session, models, "one failed sample");
        // and what is stored is what the full run computes: g = (2 x 100) / 4 = 50, D16 -> p 100 -> m 75 -> 62.5 = D;
        // the others sharing the representative: N10 -> g = 100 / 4 = 25 = B
        try (Session s = TestNeo4j.connection().driver().session()) {
            Map<String, Object> row = s.run("MATCH (e:Enterprise {uscc: '91310104MA1FK0037N'}) RETURN e.score AS score, "
                    + "e.grade AS grade, e.grade_model AS model").single().asMap();
            assertThat(row).containsEntry("score", 62.5).containsEntry("grade", "D").containsEntry("model", "g-v1+food-v1");
            assertThat(s.run("MATCH (e:Enterprise {uscc: '91310105MA1GH00743'}) RETURN e.score").single().get(0).asDouble())
                    .isEqualTo(25.0);
        }
    }

    /** One event of the table: what is ingested, for which firm the re-grade is asked, what must change. */
    record Row(String what, String seed, String[] files, List<String> changed, boolean fullRescore) {}

    static String failedSampleCsv(String id, String uscc) {
        return TinyCity.SAMPLES_HEADER + id + "," + uscc + ",,2026-06-20,饼干,BAKERY,FAIL,microbial:coliforms\n";
    }

    /** A failed sample at the active firm, with the firm's row (a dataset always holds enterprises.csv). */
    static String[] failedSample(String id, String uscc, String segments) {
        return new String[]{"enterprises.csv", TinyCity.ENTERPRISES_HEADER + firm(uscc, "ACTIVE", segments),
                "samples.csv", failedSampleCsv(id, uscc)};
    }

    /**
     * Events one after the other on one held city, each re-grade compared with a fresh full run on every firm:
     * A, B and C share the legal representative P1 (N10 reads the others' trouble, N25 P1's court records); D, E
     * and F each have their own. Six firms: the "usual" bin of D16 moves once four firms have a failed sample.
     */
    @Test
    void eachKindOfEventReGradesWhatItReachesAndEqualsAFullRun() throws Exception {
        TestNeo4j.clear();
        TinyCity.ingest(tmp.resolve("city"),
                "enterprises.csv", TinyCity.ENTERPRISES_HEADER + firm(A, "ACTIVE", "FOOD_PRODUCTION")
                        + firm(B, "ACTIVE", "CATERING") + firm(C, "ACTIVE", "FOOD_SALES") + firm(D, "ACTIVE", "CATERING")
                        + firm(E, "ACTIVE", "CATERING") + firm(F, "ACTIVE", "CATERING"),
                "persons.csv", TinyCity.PERSONS_HEADER + "P1,张伟,,,\nP2,李娜,,,\nP3,王芳,,,\nP4,刘洋,,,\n",
                "roles.csv", TinyCity.ROLES_HEADER + "P1," + A + ",LEGAL_REPRESENTATIVE,,,\n" + "P1," + B
                        + ",LEGAL_REPRESENTATIVE,,,\n" + "P1," + C + ",LEGAL_REPRESENTATIVE,,,\n" + "P2," + D
                        + ",LEGAL_REPRESENTATIVE,,,\n" + "P3," + E + ",LEGAL_REPRESENTATIVE,,,\n" + "P4," + F
                        + ",LEGAL_REPRESENTATIVE,,,\n",
                "inspectors.csv", "inspector_id,name,unit,district,person_id\nI1,刘洋,U1,徐汇区,P4\n");
        ModelSet models = new ModelSet(ModelParser.parse("g.properties", GENERAL_WITH_PERSONS),
                List.of(ModelParser.parse("food.properties", FOOD)));
        IncrementalGrader session = IncrementalGrader.open(TestNeo4j.store(), models, GraderParams.DEFAULT, AS_OF, Cancellation.NEVER);
        List<Row> rows = List.of(
                new Row("failed sample at a firm without neighbours, which also becomes abnormal", D, new String[]{
                        "enterprises.csv", TinyCity.ENTERPRISES_HEADER + firm(D, "ABNORMAL", "CATERING"),
                        "samples.csv", failedSampleCsv("S1", D)}, List.of(D), false),
                new Row("failed sample at a firm whose representative has other firms (their N10)", B,
                        failedSample("S2", B, "CATERING"), List.of(A, B, C), false),
                new Row("court record on the shared representative (N25 of the three firms)", A,
                        new String[]{"enterprises.csv", TinyCity.ENTERPRISES_HEADER + firm(A, "ACTIVE", "FOOD_PRODUCTION"),
                                "court_records.csv", COURT_HEADER + "R1,P1,PERSON,2026-05-01,LAWSUIT,DEFENDANT,LOST,,BASIC,1000,\n"},
                        List.of(A, B, C), false),
                new Row("failed sample at the food producer: its trigger rule, and N10 of B and C", A,
                        failedSample("S3", A, "FOOD_PRODUCTION"), List.of(A, B, C), false),
                new Row("an inspection of F by an inspector who is F's representative (N21: the visit is read with it)", F,
                        new String[]{"enterprises.csv", TinyCity.ENTERPRISES_HEADER + firm(F, "ACTIVE", "CATERING"),
                                "inspections.csv", TinyCity.INSPECTIONS_HEADER + "N1," + F + ",2026-06-01,ROUTINE,I1,NO_ISSUES,0,true,\n"},
                        List.of(F), false),
                new Row("a fourth failed sample moves D16's most common bin: every firm is re-scored", E,
                        failedSample("S4", E, "CATERING"), null, true));
        for (int k = 0; k < rows.size(); k++) {
            Row row = rows.get(k);
            TinyCity.ingest(tmp.resolve("event" + k), row.files());
            IncrementalGrader.Result r = session.regrade(TestNeo4j.store(), Set.of(row.seed()));
            assertThat(session.lastUpdate().fullRescore()).as(row.what()).isEqualTo(row.fullRescore());
            if (row.changed() != null) assertThat(r.changed()).as(row.what()).containsExactlyInAnyOrderElementsOf(row.changed());
            assertEqualsFullRun(session, models, row.what());
        }
    }

    /** Every firm's score, grade, model and reasons in the session are what a fresh full run gives. */
    private static void assertEqualsFullRun(IncrementalGrader session, ModelSet models, String what) {
        IndicatorContext full = new IndicatorContext(GradingData.read(TestNeo4j.store(), Cancellation.NEVER), AS_OF);
        Grader.Grades expected = Grader.grade(full, models, GraderParams.DEFAULT);
        List<String> held = java.util.Arrays.asList(session.context().data.uscc);
        for (int i = 0; i < full.n; i++) {
            int j = held.indexOf(full.data.uscc[i]);
            String firm = what + ": " + full.data.uscc[i];
            assertThat(session.grades().score()[j]).as(firm).isEqualTo(expected.score()[i]);
            assertThat(session.grades().grade()[j]).as(firm).isEqualTo(expected.grade()[i]);
            assertThat(session.grades().modelName()[j]).as(firm).isEqualTo(expected.modelName()[i]);
            assertThat(session.grades().reasons().get(j)).as(firm).isEqualTo(expected.reasons().get(i));
        }
    }

    @Test
    void anUnknownEnterpriseIsRefusedBeforeAnythingIsWritten() throws Exception {
        TestNeo4j.clear();
        TinyCity.ingest(tmp.resolve("one"), "enterprises.csv", TinyCity.ENTERPRISES_HEADER
                + firm("91310104MA1FK0037N", "ACTIVE", "FOOD_PRODUCTION"));
        ModelSet models = new ModelSet(ModelParser.parse("g.properties", GENERAL), List.of());
        IncrementalGrader session = IncrementalGrader.open(TestNeo4j.store(), models, GraderParams.DEFAULT, AS_OF, Cancellation.NEVER);
        assertThatThrownBy(() -> session.regrade(TestNeo4j.store(), Set.of("91310000000000000X")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("91310000000000000X");
        try (Session s = TestNeo4j.connection().driver().session()) {
            assertThat(s.run("MATCH (e:Enterprise) WHERE e.score IS NOT NULL RETURN count(e)").single().get(0).asLong()).isZero();
        }
    }

    /**
     * An overlay (a learned model) is re-scored wherever an indicator it reads changed, past its own reach: six firms
     * of one Louvain community with no other tie, an overlay that scores N06 (the share of the firm's other
     * community members in trouble) and reaches only the event's firm. A failed sample at the first puts it in
     * trouble: N06 of the other five becomes 1/5.
     */
    @Test
    void anOverlayIsReScoredWhereAnIndicatorItReadsChangedBeyondItsReach() throws Exception {
        TestNeo4j.clear();
        List<String> usccs = List.of(A, B, C, D, E, F);
        TinyCity.ingest(tmp.resolve("community"), "enterprises.csv", TinyCity.ENTERPRISES_HEADER
                + String.join("", usccs.stream().map(u -> firm(u, "ACTIVE", "CATERING")).toList()));
        try (Session s = TestNeo4j.connection().driver().session()) {
            s.run("MATCH (e:Enterprise) SET e.community = 7").consume();
        }
        Indicator n06 = IndicatorLibrary.get("N06");
        IncrementalGrader.Overlay communityShare = new IncrementalGrader.Overlay() {
            @Override
            public Grader.Grades grade(IndicatorContext ctx, GraderParams params) {
                List<List<Grader.Reason>> reasons = new java.util.ArrayList<>(java.util.Collections.nCopies(ctx.n, List.of()));
                Grader.Grades g = new Grader.Grades(null, new double[ctx.n], new char[ctx.n], reasons, new String[ctx.n]);
                rescore(ctx, g, java.util.stream.IntStream.range(0, ctx.n).toArray(), params);
                return g;
            }

            @Override
            public int[] rescore(IndicatorContext ctx, Grader.Grades g, int[] firms, GraderParams params) {
                for (int f : firms) {
                    g.score()[f] = ctx.values(n06).value()[f];
                    g.grade()[f] = 'A';
                    g.modelName()[f] = "n06";
                }
                return firms;
            }

            @Override
            public java.util.BitSet reach(IndicatorContext ctx, java.util.BitSet seeds) { return (java.util.BitSet) seeds.clone(); }

            @Override
            public java.util.Collection<Indicator> indicators() { return List.of(n06); }
        };
        GradingData data = GradingData.read(TestNeo4j.store(), Cancellation.NEVER);
        IncrementalGrader grader = new IncrementalGrader(data, new ModelSet(ModelParser.parse("g.properties", GENERAL), List.of()),
                GraderParams.DEFAULT, AS_OF).withOverlay(communityShare);
        assertThat(grader.grades().score()).containsExactly(0, 0, 0, 0, 0, 0);
        int first = java.util.Arrays.asList(data.uscc).indexOf(A);
        grader.apply(data.oneEvent(1, Long.MAX_VALUE / 2, (int) AS_OF.toEpochDay(), Map.of("result", "FAIL"), first, -1, -1),
                false, Set.of(first));
        double[] expected = new double[6];
        for (int i = 0; i < 6; i++) expected[i] = i == first ? 0 : 0.2;
        assertThat(grader.grades().score()).containsExactly(expected, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(grader.grades().score()).containsExactly(
                communityShare.grade(new IndicatorContext(grader.context().data, AS_OF), GraderParams.DEFAULT).score());
    }
}
