package io.riskgraph.workflow;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every (from, to) pair of the clue lifecycle: which changes are allowed. */
class ClueStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "NEW, NEW, false", "NEW, ASSIGNED, true", "NEW, VERIFIED, false", "NEW, DISMISSED, true", "NEW, CLOSED, false",
            "ASSIGNED, NEW, false", "ASSIGNED, ASSIGNED, false", "ASSIGNED, VERIFIED, true", "ASSIGNED, DISMISSED, true", "ASSIGNED, CLOSED, false",
            "VERIFIED, NEW, false", "VERIFIED, ASSIGNED, false", "VERIFIED, VERIFIED, false", "VERIFIED, DISMISSED, false", "VERIFIED, CLOSED, true",
            "DISMISSED, NEW, false", "DISMISSED, ASSIGNED, false", "DISMISSED, VERIFIED, false", "DISMISSED, DISMISSED, false", "DISMISSED, CLOSED, true",
            "CLOSED, NEW, false", "CLOSED, ASSIGNED, false", "CLOSED, VERIFIED, false", "CLOSED, DISMISSED, false", "CLOSED, CLOSED, false"})
    void transitions(ClueStatus from, ClueStatus to, boolean allowed) {
        assertThat(from.canChangeTo(to)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource({"assigned, ASSIGNED", "' Closed ', CLOSED"})
    void parsesCaseInsensitively(String text, ClueStatus expected) {
        assertThat(ClueStatus.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"DONE", "''"})
    void unknownStatusNamesTheValidOnes(String text) {
        assertThatThrownBy(() -> ClueStatus.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown clue status").hasMessageContaining("ASSIGNED");
    }
}
