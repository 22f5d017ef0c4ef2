package io.riskgraph.risk.planning;

import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.cypher.workflow.WorkflowRepositories;
import io.riskgraph.workflow.InspectionOutcome;
import io.riskgraph.workflow.InspectionPlan;
import io.riskgraph.workflow.InspectionPlanRepository;
import io.riskgraph.workflow.InspectionTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Codes: valid, forged (one bit flipped), expired, reused after the result came back; tasks stored through SDN. */
class InspectionCodesTest {
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final LocalDate EXPIRES = LocalDate.of(2026, 4, 30);
    static WorkflowRepositories workflow;
    static InspectionPlanRepository repo;
    static InspectionCodes codes = new InspectionCodes(KEY);
    static String code;

    @BeforeAll
    static void store() {
        TestNeo4j.clear();
        workflow = WorkflowRepositories.open(TestNeo4j.connection().driver());
        repo = workflow.inspectionPlans();
        code = codes.issue("PLAN-T-00001", "91310104MA1FK0037N", "2026-Q1", EXPIRES);
        repo.save(new InspectionPlan("PLAN-T", "2026-Q1", null, 7, "A=0.03,B=0.1,C=0.3,D=0.8", "abc", null, 1, 1, 0,
                Instant.parse("2026-01-01T00:00:00Z")), List.of(new InspectionTask("PLAN-T-00001", "PLAN-T", "2026-Q1",
                "91310104MA1FK0037N", "D", List.of("I1", "I2"), code, EXPIRES, InspectionTask.Status.OPEN, null, null,
                null, null, null, null)));
    }

    @AfterAll
    static void close() { workflow.close(); }

    static InspectionCodes.Verdict verdict(String c, LocalDate day) {
        return codes.verify(c, day, repo::task).verdict();
    }

    @Test
    void validForgedExpiredAndReused() {
        LocalDate during = LocalDate.of(2026, 2, 15);
        assertThat(verdict(code, during)).isEqualTo(InspectionCodes.Verdict.VALID);
        assertThat(verdict(code, EXPIRES)).isEqualTo(InspectionCodes.Verdict.VALID);
        assertThat(verdict(code, EXPIRES.plusDays(1))).isEqualTo(InspectionCodes.Verdict.EXPIRED);
        // every single bit flipped in the claims or the signature is caught
        String[] parts = code.split("\\.");
        for (int part = 1; part <= 2; part++) {
            byte[] bytes = Base64.getUrlDecoder().decode(parts[part]);
            for (int bit = 0; bit < bytes.length * 8; bit++) {
                byte[] f = bytes.clone();
                f[bit / 8] ^= (byte) (1 << (bit % 8));
                String[] forged = parts.clone();
                forged[part] = Base64.getUrlEncoder().withoutPadding().encodeToString(f);
                assertThat(verdict(String.join(".", forged), during)).as("part " + part + " bit " + bit)
                        .isIn(InspectionCodes.Verdict.FORGED, InspectionCodes.Verdict.MALFORMED);
            }
        }
        // every character of the claims or the signature replaced by another one is caught, including the last
        // one, whose spare low bits base64 decoding ignores
        int claimsStart = parts[0].length() + 1;
        for (int at = claimsStart; at < code.length(); at++) {
            if (code.charAt(at) == '.') continue;
            for (char ch : new char[]{'A', 'B', 'Q', 'w', '_'}) {
                if (ch == code.charAt(at)) continue;
                String forged = code.substring(0, at) + ch + code.substring(at + 1);
                assertThat(verdict(forged, during)).as("character " + at + " -> " + ch)
                        .isIn(InspectionCodes.Verdict.FORGED, InspectionCodes.Verdict.MALFORMED);
            }
        }
        // a longer validity or another enterprise cannot be claimed without the key
        String longer = codes.issue("PLAN-T-00001", "91310104MA1FK0037N", "2026-Q1", EXPIRES.plusYears(1));
        String other = new InspectionCodes("another key of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII))
                .issue("PLAN-T-00001", "91310104MA1FK0037N", "2026-Q1", EXPIRES);
        assertThat(verdict(longer, during)).isEqualTo(InspectionCodes.Verdict.NOT_ISSUED);
        assertThat(verdict(other, during)).isEqualTo(InspectionCodes.Verdict.FORGED);
        assertThat(verdict("JC1.abc", during)).isEqualTo(InspectionCodes.Verdict.MALFORMED);
        assertThat(verdict("hello", during)).isEqualTo(InspectionCodes.Verdict.MALFORMED);
        assertThat(verdict(codes.issue("PLAN-T-00099", "91310104MA1FK0037N", "2026-Q1", EXPIRES), during))
                .isEqualTo(InspectionCodes.Verdict.UNKNOWN_TASK);

        // the result comes back: the task closes once, the code is used
        ResultLoop loop = new ResultLoop(repo, Regrader.NONE);
        InspectionOutcome outcome = new InspectionOutcome("PLAN-T-00001", "PLAN-T-00001", during, "ISSUES_FOUND", 2, true);
        InspectionTask closed = loop.close(outcome, Instant.parse("2026-02-15T10:00:00Z"));
        assertThat(closed.status()).isEqualTo(InspectionTask.Status.CLOSED);
        assertThat(closed.result()).isEqualTo("ISSUES_FOUND");
        assertThat(closed.issues()).isEqualTo(2);
        assertThat(verdict(code, during)).isEqualTo(InspectionCodes.Verdict.USED);
        assertThatThrownBy(() -> loop.close(outcome, Instant.now())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is closed: its result came back on 2026-02-15 and its code is used");
        assertThat(repo.close(outcome, Instant.now())).isFalse();
        assertThat(repo.plans("2026-Q1")).extracting(InspectionPlan::planId).containsExactly("PLAN-T");
        assertThatThrownBy(() -> repo.save(repo.plan("PLAN-T").orElseThrow(), List.of()))
                .hasMessageContaining("exists already");
    }
}
