package io.riskgraph.ingest.generator;

import io.riskgraph.model.Segment;
import io.riskgraph.progress.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.riskgraph.ingest.generator.Learnability.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mechanics presets: each makes a valid city, and they really differ along all three axes. */
class MechanicsTest {
    static final int N = 5_000;
    static final long SEED = 11;
    @TempDir static Path shared;
    static final Map<String, Path> CITY = new LinkedHashMap<>();
    static final Map<String, GeneratorSummary> SUMMARY = new HashMap<>();

    @BeforeAll
    static void generateOneCityPerPreset() {
        for (Mechanics m : Mechanics.PRESETS) {
            Path dir = shared.resolve(m.name());
            SUMMARY.put(m.name(), new CityGenerator(GeneratorParams.of(N, SEED).withMechanics(m))
                    .generate(dir, ProgressListener.NONE));
            CITY.put(m.name(), dir);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"default", "alt", "alt2"})
    void everyPresetMakesAValidCity(String name) throws IOException {
        Path city = CITY.get(name);
        GeneratorSummary s = SUMMARY.get(name);
        CityGeneratorTest.checkIdentifiers(city, N);
        CityGeneratorTest.checkContract(city, s);
        CityGeneratorTest.checkReferences(city, s);
        // truth keeps its meaning: every firm once, a probability, next-half-year violations near the target rate
        Set<String> usccs = CityGeneratorTest.column(city, CityGenerator.ENTERPRISES, "uscc");
        List<String> truth = new ArrayList<>();
        double[] posRisk = {0, 0}, negRisk = {0, 0};
        read(city.resolve(CityGenerator.TRUTH), r -> {
            truth.add(r.get("uscc"));
            double p = Double.parseDouble(r.get("latent_risk"));
            assertThat(p).isBetween(0.0, 1.0);
            double[] acc = Boolean.parseBoolean(r.get("violation_next_half_year")) ? posRisk : negRisk;
            acc[0] += p;
            acc[1]++;
        });
        assertThat(truth).hasSize(N).doesNotHaveDuplicates();
        assertThat(new HashSet<>(truth)).isEqualTo(usccs);
        assertThat(posRisk[1] / N).as("next-half-year violation rate").isBetween(0.05, 0.15);
        assertThat(posRisk[0] / posRisk[1]).as("risk drives violations").isGreaterThan(2 * negRisk[0] / negRisk[1]);
        long[] found = {0, 0};
        read(city.resolve(CityGenerator.INSPECTIONS), r -> {
            found[0]++;
            if (r.get("result").equals("ISSUES_FOUND")) found[1]++;
        });
        assertThat((double) found[1] / found[0]).as("detection rate").isBetween(0.05, 0.5);
    }

    @Test
    void defaultIsTheDefaultEverywhere() {
        assertThat(GeneratorParams.defaults().mechanics()).isSameAs(Mechanics.DEFAULT);
        assertThat(GeneratorParams.of(10, 1).mechanics()).isSameAs(Mechanics.DEFAULT);
        assertThat(new GeneratorParams(10, 1, GeneratorParams.DEFAULT_WINDOW_END, 3, 0.2, 0.09, 1.0).mechanics())
                .isSameAs(Mechanics.DEFAULT);
        assertThat(Mechanics.preset(" ALT2 ")).isSameAs(Mechanics.ALT2);
        assertThat(Mechanics.presetNames()).containsExactly("default", "alt", "alt2");
        assertThat(Mechanics.DEFAULT.risk().segmentEffect().get(Segment.SPECIAL_FOOD))
                .isEqualTo(0.6);
        assertThat(Mechanics.DEFAULT.targeting().routineSegments()).containsExactlyInAnyOrder(Segment.FOOD_PRODUCTION,
                Segment.SPECIAL_FOOD, Segment.SPECIAL_EQUIPMENT_MAKING, Segment.VEHICLE_INSPECTION,
                Segment.TESTING_AGENCY);
        assertThat(Mechanics.PRESETS).doesNotHaveDuplicates();
    }

    @Test
    void badMechanicsGivePreciseErrors() {
        assertThatThrownBy(() -> Mechanics.preset("chaos")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mechanics must be one of [default, alt, alt2], got 'chaos'");
        assertThatThrownBy(() -> GeneratorParams.defaults().withMechanics(null))
                .hasMessageStartingWith("mechanics must be given");
        Mechanics.Spread s = Mechanics.Spread.DEFAULT;
        assertThatThrownBy(() -> new Mechanics.Spread(s.principal(), s.otherRoles(), 1.5, s.branchParent(),
                s.suppliers(), s.personRiskSd(), s.badActorShare(), s.badActorBoost()))
                .hasMessage("owner must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> new Mechanics.Spread(s.principal(), s.otherRoles(), s.owner(), s.branchParent(),
                s.suppliers(), 0, s.badActorShare(), s.badActorBoost()))
                .hasMessage("personRiskSd must be in (0, 5], got 0.0");
        Mechanics.RiskCarriers r = Mechanics.RiskCarriers.DEFAULT;
        Map<Segment, Double> partial = new EnumMap<>(r.segmentEffect());
        partial.remove(Segment.METROLOGY);
        assertThatThrownBy(() -> new Mechanics.RiskCarriers(partial, r.unsupervisedEffect(), r.detection(),
                r.remoteDetection(), r.sampleFailIfViolated(), r.complaintsIfViolated(), r.complaintsIfViolatedOther(),
                r.complaintVerifiedIfViolated(), r.lawsuitsPerRisk(), r.lawsuitsIfViolated(), r.dishonestIfViolated(),
                r.alertsIfViolated(), r.personCourtRate(), r.abnormalPerRisk()))
                .hasMessage("segmentEffect must give every segment; missing [METROLOGY]");
        assertThatThrownBy(() -> new Mechanics.RiskCarriers(r.segmentEffect(), r.unsupervisedEffect(), 1.2,
                r.remoteDetection(), r.sampleFailIfViolated(), r.complaintsIfViolated(), r.complaintsIfViolatedOther(),
                r.complaintVerifiedIfViolated(), r.lawsuitsPerRisk(), r.lawsuitsIfViolated(), r.dishonestIfViolated(),
                r.alertsIfViolated(), r.personCourtRate(), r.abnormalPerRisk()))
                .hasMessage("detection must be in [0, 1], got 1.2");
        assertThatThrownBy(() -> Mechanics.segmentEffects(0.1, 0.2)).hasMessageStartingWith(
                "segment effects need 14 values in Segment order, got 2");
        Mechanics.Targeting t = Mechanics.Targeting.DEFAULT;
        assertThatThrownBy(() -> new Mechanics.Targeting(t.routineSegments(), t.routineRate(), -0.1,
                t.doubleRandomSupervised(), t.doubleRandomOther(), t.campaignRate(), t.remoteRate(),
                t.complaintInspectionShare(), t.failedSampleTrigger()))
                .hasMessage("followUpRate must be in [0, 5], got -0.1");
        assertThatThrownBy(() -> new Mechanics(" ", r, s, t)).hasMessage("mechanics name must not be blank");
    }

    // ------------------------------------------------------------------ axis 1: which segments and events carry risk
    @Test
    void theRiskRankingOfSegmentsDiffers() throws IOException {
        Map<Segment, Double> def = meanRiskBySegment("default"), alt = meanRiskBySegment("alt"),
                alt2 = meanRiskBySegment("alt2");
        assertThat(def.keySet()).as("same firms and segments: segments do not depend on mechanics")
                .isEqualTo(alt.keySet()).isEqualTo(alt2.keySet());
        assertThat(def.size()).isGreaterThanOrEqualTo(5);
        assertThat(top(alt)).isNotEqualTo(top(def));
        assertThat(top(alt2)).isNotEqualTo(top(def)).isNotEqualTo(top(alt));
        assertThat(spearman(def, alt)).as("default vs alt rank correlation").isLessThan(0.3);
        assertThat(spearman(def, alt2)).as("default vs alt2 rank correlation").isLessThan(0.5);
    }

    @Test
    void violationsShowThroughOtherKindsOfEvent() throws IOException {
        Map<String, Double> failRate = new HashMap<>(), complaints = new HashMap<>(), courts = new HashMap<>();
        for (String m : CITY.keySet()) {
            long[] sam = {0, 0};
            read(CITY.get(m).resolve(CityGenerator.SAMPLES), r -> {
                sam[0]++;
                if (r.get("result").equals("FAIL")) sam[1]++;
            });
            failRate.put(m, (double) sam[1] / sam[0]);
            complaints.put(m, SUMMARY.get(m).rows(CityGenerator.COMPLAINTS) / (double) N);
            long[] court = {0};
            read(CITY.get(m).resolve(CityGenerator.COURT_RECORDS), r -> {
                if (r.get("subject_type").equals("ENTERPRISE")) court[0]++;
            });
            courts.put(m, court[0] / (double) N);
        }
        assertThat(failRate.get("alt")).as("failed samples").isLessThan(failRate.get("default"));
        assertThat(failRate.get("alt2")).as("failed samples").isGreaterThan(failRate.get("default"));
        assertThat(complaints.get("alt")).as("complaints").isGreaterThan(complaints.get("default"));
        assertThat(complaints.get("alt2")).as("complaints").isLessThan(complaints.get("default"));
        assertThat(courts.get("alt")).as("court records of firms").isGreaterThan(courts.get("default"));
        assertThat(courts.get("alt2")).as("court records of firms").isLessThan(courts.get("default"));
    }

    // ------------------------------------------------------------------ axis 2: contagion
    @Test
    void riskSpreadsMoreOrLessThroughTheNetwork() throws IOException {
        double def = networkShare("default"), alt = networkShare("alt"), alt2 = networkShare("alt2");
        assertThat(alt).isGreaterThan(def + 0.05);
        assertThat(alt2).isLessThan(def - 0.1);
    }

    /** variance of the network part of the logit over the variance of the whole logit */
    static double networkShare(String m) throws IOException {
        double[] s = new double[6]; // n, sum net, sum net², sum z, sum z²
        read(CITY.get(m).resolve(CityGenerator.TRUTH), r -> {
            double net = Double.parseDouble(r.get("network_logit")), z = net + Double.parseDouble(r.get("base_logit"));
            s[0]++;
            s[1] += net;
            s[2] += net * net;
            s[3] += z;
            s[4] += z * z;
        });
        double varNet = s[2] / s[0] - Math.pow(s[1] / s[0], 2), varZ = s[4] / s[0] - Math.pow(s[3] / s[0], 2);
        return varNet / varZ;
    }

    // ------------------------------------------------------------------ axis 3: targeting
    @Test
    void inspectionsAreTargetedDifferently() throws IOException {
        Map<String, Double> randomShare = new HashMap<>(), followUps = new HashMap<>();
        for (var e : CITY.entrySet()) {
            int routineMask = 0;
            for (Segment s : Mechanics.preset(e.getKey()).targeting().routineSegments()) routineMask |= 1 << s.ordinal();
            final int mask = routineMask;
            Set<String> outsideRoutine = new HashSet<>();
            read(e.getValue().resolve(CityGenerator.ENTERPRISES), r -> {
                int bits = 0;
                for (String s : r.get("segments").split("\\|")) if (!s.isEmpty()) bits |= 1 << Segment.valueOf(s).ordinal();
                if ((bits & mask) == 0) outsideRoutine.add(r.get("uscc"));
            });
            long[] c = {0, 0, 0}; // inspections, double random, routine inspections outside the routine list
            Set<String> found = new HashSet<>(); // firms outside the routine list where an inspection found issues
            read(e.getValue().resolve(CityGenerator.INSPECTIONS), r -> {
                c[0]++;
                if (r.get("kind").equals("DOUBLE_RANDOM")) c[1]++;
                if (!outsideRoutine.contains(r.get("uscc"))) return;
                if (r.get("kind").equals("ROUTINE")) c[2]++;
                if (r.get("result").equals("ISSUES_FOUND")) found.add(r.get("uscc"));
            });
            randomShare.put(e.getKey(), (double) c[1] / c[0]);
            // outside the routine list a ROUTINE inspection is only ever the follow-up of a violation found earlier
            followUps.put(e.getKey(), (double) c[2] / found.size());
        }
        assertThat(randomShare.get("alt")).isLessThan(randomShare.get("default"));
        assertThat(randomShare.get("alt2")).isGreaterThan(randomShare.get("default") + 0.1);
        assertThat(followUps.get("alt")).isGreaterThan(1.5 * followUps.get("default"));
        assertThat(followUps.get("default")).isPositive();
        assertThat(followUps.get("alt2")).isZero();
    }

    // ------------------------------------------------------------------ helpers
    /** Mean latent risk by primary (first listed) segment, for segments with at least 30 firms. */
    static Map<Segment, Double> meanRiskBySegment(String m) throws IOException {
        Map<String, Double> risk = new HashMap<>();
        read(CITY.get(m).resolve(CityGenerator.TRUTH), r -> risk.put(r.get("uscc"), Double.parseDouble(r.get("latent_risk"))));
        Map<Segment, double[]> acc = new EnumMap<>(Segment.class);
        read(CITY.get(m).resolve(CityGenerator.ENTERPRISES), r -> {
            String segs = r.get("segments");
            if (segs.isEmpty()) return;
            double[] a = acc.computeIfAbsent(Segment.valueOf(segs.split("\\|")[0]), k -> new double[2]);
            a[0] += risk.get(r.get("uscc"));
            a[1]++;
        });
        Map<Segment, Double> mean = new EnumMap<>(Segment.class);
        acc.forEach((s, a) -> {
            if (a[1] >= 30) mean.put(s, a[0] / a[1]);
        });
        return mean;
    }

    static Segment top(Map<Segment, Double> m) {
        return m.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    static double spearman(Map<Segment, Double> a, Map<Segment, Double> b) {
        List<Segment> keys = new ArrayList<>(a.keySet());
        double[] ra = ranks(keys, a), rb = ranks(keys, b);
        int n = keys.size();
        double d2 = 0;
        for (int i = 0; i < n; i++) d2 += (ra[i] - rb[i]) * (ra[i] - rb[i]);
        return 1 - 6 * d2 / (n * ((double) n * n - 1));
    }

    static double[] ranks(List<Segment> keys, Map<Segment, Double> v) {
        double[] r = new double[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            for (Segment other : keys) if (v.get(other) < v.get(keys.get(i))) r[i]++;
        }
        return r;
    }
}
