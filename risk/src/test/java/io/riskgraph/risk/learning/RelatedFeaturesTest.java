package io.riskgraph.risk.learning;

import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.progress.Cancellation;
import io.riskgraph.risk.grading.GradingData;
import io.riskgraph.risk.grading.IndicatorContext;
import io.riskgraph.risk.grading.TinyCity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R01..R12 on a chain of five firms joined by contact points: A and B share an address, B and C a phone, C and D an
 * address; E stands alone. B and D failed a sample, C's inspection found issues (as of 2026-06-30).
 */
class RelatedFeaturesTest {
    static final String A = "91310104MA1FK0037N", B = "91310105MA1GH00743", C = "91310106MA1FK0111L",
            D = "91310107MA1GH0148Y", E = "91310109MA1FK0185K";
    static IndicatorContext ctx;
    static double[][] related;

    @TempDir
    static Path tmp;

    static String firm(String uscc, String address, String phone) {
        return uscc + ",企业" + uscc.substring(14) + ",COMPANY,ACTIVE,2021-01-04,1000000,1000000,徐汇区," + address + ","
                + phone + ",FOOD_SALES,12\n";
    }

    @BeforeAll
    static void city() throws Exception {
        TestNeo4j.clear();
        TinyCity.ingest(tmp.resolve("city"),
                "enterprises.csv", TinyCity.ENTERPRISES_HEADER
                        + firm(A, "上海市徐汇区漕宝路1号", "13800000001")
                        + firm(B, "上海市徐汇区漕宝路1号", "13800000002")
                        + firm(C, "上海市徐汇区漕宝路3号", "13800000002")
                        + firm(D, "上海市徐汇区漕宝路3号", "13800000004")
                        + firm(E, "上海市徐汇区漕宝路5号", "13800000005"),
                "samples.csv", TinyCity.SAMPLES_HEADER
                        + "S1," + B + ",,2026-05-01,饼干,BAKERY,FAIL,microbial:coliforms\n"
                        + "S2," + D + ",,2026-05-02,饼干,BAKERY,FAIL,microbial:coliforms\n",
                "inspections.csv", TinyCity.INSPECTIONS_HEADER
                        + "I1," + C + ",2026-06-01,ROUTINE,,ISSUES_FOUND,2,true,\n");
        ctx = new IndicatorContext(GradingData.read(TestNeo4j.store(), Cancellation.NEVER), LocalDate.of(2026, 6, 30));
        related = FeatureMatrix.related(ctx, null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "NaN", value = {
            // firm; R01 issues, R02 penalties, R03 failed samples, R04-R06 (complaints, court, alerts) of the 1-hop
            // firms; R07 1-hop firms; R08 share with violations; R09 2-hop violations; R10 2-hop firms; R11 share with
            // violations; R12 share of the inspected 1-hop firms with issues
            "A; 0; 0; 1; 0; 0; 0; 1; 1.0; 1; 1; 1.0; NaN",   // 1-hop B; 2-hop C
            "B; 1; 0; 0; 0; 0; 0; 2; 0.5; 1; 1; 1.0; 1.0",   // 1-hop A, C; 2-hop D
            "C; 0; 0; 2; 0; 0; 0; 2; 1.0; 0; 1; 0.0; NaN",   // 1-hop B, D; 2-hop A
            "E; 0; 0; 0; 0; 0; 0; 0; NaN; 0; 0; NaN; NaN",
    })
    void relatedPartyFeatures(String name, Double r1, Double r2, Double r3, Double r4, Double r5, Double r6, Double r7,
                              Double r8, Double r9, Double r10, Double r11, Double r12) {
        String uscc = switch (name) { case "A" -> A; case "B" -> B; case "C" -> C; default -> E; };
        int i = Arrays.asList(ctx.data.uscc).indexOf(uscc);
        assertThat(i).isNotNegative();
        Double[] expected = {r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12};
        for (int f = 0; f < expected.length; f++) {
            double want = expected[f] == null ? Double.NaN : expected[f];
            assertThat(Double.valueOf(related[f][i])).as("%s R%02d", name, f + 1).isEqualTo(Double.valueOf(want));
        }
        // one firm alone gives what the whole city gave it
        double[][] one = FeatureMatrix.related(ctx, new int[]{i});
        for (int f = 0; f < expected.length; f++) assertThat(Double.valueOf(one[f][0])).as("%s R%02d alone", name, f + 1).isEqualTo(Double.valueOf(related[f][i]));
    }
}
