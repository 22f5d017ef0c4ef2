package io.riskgraph.model.id;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * USCC and resident-ID checks never throw, whatever the text: they answer VALID, CHECK_MISMATCH or INVALID with a
 * message, and what they call valid is 18 characters of the alphabet that checks valid again. Regression inputs in
 * src/test/resources/io/riskgraph/model/id/IdFuzzTestInputs/; fuzz with -Pfuzz (docs/security.md).
 */
class IdFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void uscc(String raw) {
        IdCheck c = Uscc.check(raw);
        assertThat(c.verdict()).isNotNull();
        if (c.verdict() != IdCheck.Verdict.VALID) assertThat(c.message()).isNotBlank();
        if (c.usable()) {
            assertThat(c.normalised()).hasSize(Uscc.LENGTH);
            for (char ch : c.normalised().toCharArray()) assertThat(Uscc.ALPHABET.indexOf(ch)).isNotNegative();
            assertThat(Uscc.check(c.normalised()).verdict()).isEqualTo(c.verdict());
            assertThat(Uscc.check(Uscc.complete(c.normalised().substring(0, 17))).isValid()).isTrue();
        }
    }

    @FuzzTest(maxDuration = "5m")
    void residentId(String raw) {
        IdCheck c = ResidentId.check(raw);
        assertThat(c.verdict()).isNotNull();
        if (c.verdict() != IdCheck.Verdict.VALID) assertThat(c.message()).isNotBlank();
        if (c.usable()) {
            assertThat(c.normalised()).hasSize(ResidentId.LENGTH);
            assertThat(ResidentId.check(c.normalised()).verdict()).isEqualTo(c.verdict());
            assertThat(ResidentId.check(ResidentId.complete(c.normalised().substring(0, 17))).isValid()).isTrue();
        }
    }
}
