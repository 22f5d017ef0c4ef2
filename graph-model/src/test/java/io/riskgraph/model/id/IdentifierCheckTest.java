package io.riskgraph.model.id;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Known valid and invalid codes, one table per identifier: input, expected verdict, what the message must say. */
class IdentifierCheckTest {

    @ParameterizedTest(name = "USCC {0} -> {1}")
    @CsvSource(delimiter = ';', nullValues = "NULL", value = {
            // published example codes (GB 32100-2015 check verified by hand)
            "91350100M000100Y43; VALID; NULL",
            "91310000MA1FL0XX0X; CHECK_MISMATCH; position 18 is 'X', expected '9'",
            "91310104MA1FK0037N; VALID; NULL",
            "91310104ma1fk0037n; VALID; NULL",
            "  91310104MA1FK0037N ; VALID; NULL",
            "91310104MA1FK0037P; CHECK_MISMATCH; check character at position 18 is 'P', expected 'N'",
            "91310115MA1GI0001X; INVALID; character 'I' at position 13",
            "9131011MA1GH0001; INVALID; has 16 characters; expected 18",
            "91310104MA1FK0037NX; INVALID; has 19 characters",
            "91310104MA1FKO037N; INVALID; character 'O' at position 14",
            "'';  INVALID; empty",
    })
    void uscc(String code, IdCheck.Verdict verdict, String message) {
        IdCheck check = Uscc.check(code);
        assertThat(check.verdict()).isEqualTo(verdict);
        if (message != null) assertThat(check.message()).contains(message);
        if (verdict == IdCheck.Verdict.VALID) assertThat(check.normalised()).isEqualTo(code.strip().toUpperCase());
    }

    @ParameterizedTest(name = "resident ID {0} -> {1}")
    @CsvSource(delimiter = ';', nullValues = "NULL", value = {
            // the GB 11643-1999 standard's own example
            "11010519491231002X; VALID; NULL",
            "11010519491231002x; VALID; NULL",
            "440524188001010014; VALID; NULL",
            "110105194912310021; CHECK_MISMATCH; check character at position 18",
            "110105194913310028; INVALID; positions 7-14 are not a valid birth date",
            "11010519491231002; INVALID; has 17 characters",
            "110105491231002; INVALID; 15 digits",
            "1101051949123100AX; INVALID; position 17 must be a digit",
            "11010519491231002Y; INVALID; position 18 must be a digit or X",
    })
    void residentId(String id, IdCheck.Verdict verdict, String message) {
        IdCheck check = ResidentId.check(id);
        assertThat(check.verdict()).isEqualTo(verdict);
        if (message != null) {
            assertThat(check.message()).contains(message);
            assertThat(check.message()).as("never echoes the number").doesNotContain(id.substring(0, 10));
        }
    }

    @ParameterizedTest
    @CsvSource({"91310104MA1FK0037, N", "91350100M000100Y4, 3", "91310112MA1FK1147, 7"})
    void usccCheckCharacter(String first17, char expected) {
        assertThat(Uscc.checkCharacter(first17)).isEqualTo(expected);
        assertThat(Uscc.check(Uscc.complete(first17)).isValid()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"11010519491231002X, 1101**********002X", "3101, ****"})
    void masking(String id, String masked) {
        assertThat(IdProtector.mask(id)).isEqualTo(masked);
    }

    @org.junit.jupiter.api.Test
    void keyedHashDependsOnTheKeyAndIsStable() {
        IdProtector a = new IdProtector(new byte[32]);
        byte[] other = new byte[32];
        other[0] = 1;
        IdProtector b = new IdProtector(other);
        ProtectedId pa = a.protect("11010519491231002x");
        assertThat(pa.hash()).isEqualTo(a.protect(" 11010519491231002X").hash()).hasSize(64)
                .isNotEqualTo(b.protect("11010519491231002X").hash());
        assertThat(pa.masked()).isEqualTo("1101**********002X");
        assertThat(pa.valid()).isTrue();
        assertThat(pa.toString()).doesNotContain("19491231");
    }
}
