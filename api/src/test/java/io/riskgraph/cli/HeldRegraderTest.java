package io.riskgraph.cli;

import io.riskgraph.risk.grading.Grader;
import io.riskgraph.risk.grading.GraderParams;
import io.riskgraph.risk.grading.IndicatorContext;
import io.riskgraph.risk.grading.ModelSet;
import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.ingest.Ingestor;
import io.riskgraph.model.id.IdProtector;
import io.riskgraph.progress.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The re-grader that `serve` and ingest use: it reads the city once and then re-grades only what events reach,
 * reading again when it cannot, and what it stores for the named firm is always what a full grade gives.
 */
class HeldRegraderTest {
    static final String A = "91310104MA1FK0037N", B = "91310105MA1GH00743", C = "91310106MA1FK0111L",
            D = "91310107MA1GH0148Y";
    static final String ENTERPRISES =
            "uscc,name,type,status,established,registered_capital,paid_in_capital,district,address,phone,segments,employees\n";
    static final String SAMPLES = "sample_id,uscc,producer_uscc,date,product,category,result,failed_items\n";

    @TempDir
    Path tmp;

    /** One step: what is ingested, which firm is named, whether the city must be read again. */
    record Step(String what, String[] files, String named, boolean readAgain) {}

    @Test
    void reGradesIncrementallyUntilItCannotAndStoresWhatAFullGradeGives() throws Exception {
        TestNeo4j.clear();
        ingest("city", "enterprises.csv", ENTERPRISES + firm(A) + firm(B) + firm(C),
                "persons.csv", "person_id,name,id_number,phone,address\nP1,张伟,,,\n",
                "roles.csv", "person_id,uscc,role,share,since,until\nP1," + A + ",LEGAL_REPRESENTATIVE,,,\nP1," + B
                        + ",LEGAL_REPRESENTATIVE,,,\n",
                "samples.csv", SAMPLES + sample("S0", C, "2026-06-30", "PASS"));
        PlanningSupport.HeldRegrader regrader = new PlanningSupport.HeldRegrader(TestNeo4j.store(), ModelSet.shipped());
        List<Step> steps = List.of(
                new Step("the first call reads the city", new String[]{}, A, true),
                new Step("a failed sample at A, dated before the grading day", event(A, "S1", "2026-06-01"), A, false),
                new Step("a failed sample at B", event(B, "S2", "2026-05-01"), B, false),
                new Step("a sample dated after the grading day moves every window", event(A, "S3", "2026-07-15"), A, true),
                new Step("another process added a firm", new String[]{"enterprises.csv", ENTERPRISES + firm(C) + firm(D),
                        "samples.csv", SAMPLES + sample("S4", C, "2026-07-01", "FAIL")}, C, true),
                new Step("an event at the new firm, which the held city now has", event(D, "S5", "2026-07-02"), D, false));
        int opens = 0;
        for (int k = 0; k < steps.size(); k++) {
            Step step = steps.get(k);
            if (step.files().length > 0) ingest("step" + k, step.files());
            regrader.regrade(Set.of(step.named()));
            if (step.readAgain()) opens++;
            assertThat(regrader.opens()).as(step.what()).isEqualTo(opens);
            IndicatorContext full = GradingOptions.context(TestNeo4j.store(), null);
            Grader.Grades expected = Grader.grade(full, ModelSet.shipped(), GraderParams.DEFAULT);
            int at = List.of(full.data.uscc).indexOf(step.named());
            try (Session s = TestNeo4j.connection().driver().session()) {
                var row = s.run("MATCH (e:Enterprise {uscc: $u}) RETURN e.score AS score, e.grade AS grade",
                        java.util.Map.of("u", step.named())).single();
                assertThat(row.get("score").asDouble()).as(step.what()).isEqualTo(expected.score()[at]);
                assertThat(row.get("grade").asString()).as(step.what()).isEqualTo(String.valueOf(expected.grade()[at]));
            }
        }
    }

    /** A failed sample at the firm, with the firm's row (a dataset always holds enterprises.csv). */
    static String[] event(String uscc, String id, String date) {
        return new String[]{"enterprises.csv", ENTERPRISES + firm(uscc), "samples.csv", SAMPLES + sample(id, uscc, date, "FAIL")};
    }

    static String firm(String uscc) {
        return uscc + ",企业" + uscc.substring(14) + ",COMPANY,ACTIVE,2021-01-04,1000000,1000000,徐汇区,上海市徐汇区漕宝路"
                + uscc.substring(14) + "号,,CATERING,12\n";
    }

    static String sample(String id, String uscc, String date, String result) {
        return id + "," + uscc + ",," + date + ",饼干,BAKERY," + result + "," + ("FAIL".equals(result) ? "microbial:coliforms" : "") + "\n";
    }

    void ingest(String name, String... nameAndText) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        for (int i = 0; i < nameAndText.length; i += 2) Files.writeString(dir.resolve(nameAndText[i]), nameAndText[i + 1]);
        new Ingestor(TestNeo4j.store(), new IdProtector(new byte[32]), Ingestor.Options.DEFAULT)
                .ingest(dir, tmp.resolve(name + "-rejects.csv"), ProgressListener.NONE);
    }
}
