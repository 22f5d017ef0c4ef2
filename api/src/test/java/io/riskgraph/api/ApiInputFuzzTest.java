package io.riskgraph.api;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.riskgraph.risk.planning.InspectionCodes;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the API takes from strangers: JSON request bodies (any text gives a JSON object or a 400, never another
 * error) and inspection codes (any text gets a verdict; only the platform's own encoding of signed claims is
 * VALID, and an issued code altered anywhere is not).
 */
class ApiInputFuzzTest {
    static final InspectionCodes CODES = new InspectionCodes(new byte[32]);

    @FuzzTest(maxDuration = "5m")
    void jsonBody(String body) {
        try {
            JsonNode n = ApiServer.parseBody(body, ApiLimits.DEFAULT.maxJsonDepth());
            assertThat(n.isObject()).isTrue();
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "5m")
    void inspectionCode(FuzzedDataProvider data) {
        String taskId = data.consumeString(40);
        String uscc = data.consumeString(20);
        String period = data.consumeString(10);
        LocalDate expires = LocalDate.ofEpochDay(data.consumeInt(0, 80_000));
        int at = data.consumeInt(0, 200);
        char with = data.consumeChar();
        String raw = data.consumeRemainingAsString();

        InspectionCodes.Check any = CODES.authenticate(raw);
        assertThat(any.verdict()).isNotNull();
        if (any.valid()) {
            InspectionCodes.Claims c = any.claims();
            assertThat(CODES.issue(c.taskId(), c.uscc(), c.period(), c.expires())).isEqualTo(raw.strip());
        }
        String code;
        try {
            code = CODES.issue(taskId, uscc, period, expires);
        } catch (IllegalArgumentException documented) {
            return; // blank fields or '|' are refused when issuing
        }
        InspectionCodes.Check issued = CODES.authenticate(code);
        assertThat(issued.valid()).as(issued.message()).isTrue();
        assertThat(issued.claims().taskId()).isEqualTo(taskId);
        int i = at % code.length();
        if (code.charAt(i) != with) {
            String altered = code.substring(0, i) + with + code.substring(i + 1);
            if (!altered.strip().equals(code)) assertThat(CODES.authenticate(altered).valid()).as(altered).isFalse();
        }
    }
}
