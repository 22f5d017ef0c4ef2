package io.riskgraph.risk.planning;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-grade draw: counts for ratios, reproducibility for a seed; ratio and period parsing. */
class PlanningDrawTest {

    static GradeSnapshot city(int a, int b, int c, int d) {
        List<GradeSnapshot.Entry> e = new ArrayList<>();
        int[] n = {a, b, c, d};
        for (int g = 0; g < 4; g++) {
            for (int i = 0; i < n[g]; i++) e.add(new GradeSnapshot.Entry(String.format("%c%06d", 'A' + g, i), (char) ('A' + g),
                    "徐汇区", Set.of()));
        }
        return GradeSnapshot.of(e, LocalDate.of(2026, 6, 30));
    }

    static int[] counts(List<GradeSnapshot.Entry> drawn) {
        int[] c = new int[4];
        drawn.forEach(e -> c[e.grade() - 'A']++);
        return c;
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} with {4}, seed {5} -> {6} {7} {8} {9}")
    @CsvSource(delimiter = ';', value = {
            // A; B; C; D population; ratios; seed; expected drawn A; B; C; D
            "1000; 500; 200; 100; A=0.03,B=0.1,C=0.3,D=0.8; 1; 30; 50; 60; 80",
            "1000; 500; 200; 100; A=0.03,B=0.1,C=0.3,D=0.8; 99; 30; 50; 60; 80",
            "1000; 500; 200; 100; A=0,B=0,C=0,D=1; 1; 0; 0; 0; 100",
            "1000; 500; 200; 100; A=1,B=1,C=1,D=1; 5; 1000; 500; 200; 100",
            "10; 10; 10; 10; A=0.05,B=0.15,C=0.25,D=0.35; 3; 1; 2; 3; 4",   // halves round up
            "7; 0; 3; 1; A=0.5,D=0.4; 3; 4; 0; 1; 0",                        // B, C keep their defaults
            "0; 0; 0; 0; A=1,B=1,C=1,D=1; 3; 0; 0; 0; 0"})
    void drawsRoundRatioTimesPopulationPerGrade(int a, int b, int c, int d, String ratios, long seed,
                                                int ea, int eb, int ec, int ed) {
        GradeSnapshot s = city(a, b, c, d);
        List<GradeSnapshot.Entry> drawn = Sampler.draw(s, SamplingRatios.parse(ratios), seed);
        assertThat(counts(drawn)).containsExactly(ea, eb, ec, ed);
        assertThat(new HashSet<>(drawn)).hasSize(drawn.size());                     // without replacement
        assertThat(Sampler.draw(s, SamplingRatios.parse(ratios), seed)).isEqualTo(drawn); // reproducible
    }

    @Test
    void anotherSeedDrawsOthersAndOneGradesRatioLeavesTheOtherGradesAlone() {
        GradeSnapshot s = city(1000, 500, 200, 100);
        List<GradeSnapshot.Entry> one = Sampler.draw(s, SamplingRatios.DEFAULT, 1);
        assertThat(Sampler.draw(s, SamplingRatios.DEFAULT, 2)).isNotEqualTo(one);
        List<GradeSnapshot.Entry> moreD = Sampler.draw(s, SamplingRatios.parse("D=0.9"), 1);
        assertThat(moreD.stream().filter(e -> e.grade() == 'A').toList())
                .isEqualTo(one.stream().filter(e -> e.grade() == 'A').toList());
        // the snapshot hash pins the uscc -> grade list and the as-of day
        assertThat(city(1000, 500, 200, 100).hash()).isEqualTo(s.hash());
        assertThat(city(1000, 500, 200, 101).hash()).isNotEqualTo(s.hash());
        assertThat(GradeSnapshot.of(s.entries(), LocalDate.of(2026, 7, 1)).hash()).isNotEqualTo(s.hash());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "A=0.03,B=0.1,C=0.3,D=0.8; A=0.03,B=0.1,C=0.3,D=0.8",
            "d=1; A=0.03,B=0.1,C=0.3,D=1",
            " A = 0 , B=1 ; A=0,B=1,C=0.3,D=0.8",
            "D=1.2; --ratios: D=1.2 is outside [0, 1]",
            "A=-0.1; --ratios: A=-0.1 is outside [0, 1]",
            "A=NaN; --ratios: A=NaN is outside [0, 1]",
            "A=abc; --ratios: A='abc' is not a number",
            "E=0.1; --ratios: 'E' is not a grade (A, B, C or D)",
            "A0.1; --ratios: 'A0.1' is not GRADE=RATIO (e.g. D=0.8)",
            "A=0.1,A=0.2; --ratios: grade A is given twice",
            "A=0.1,; --ratios: '' is not GRADE=RATIO (e.g. D=0.8)"})
    void ratiosParseOrSayWhatIsWrong(String text, String expected) {
        if (expected.startsWith("--")) {
            assertThatThrownBy(() -> SamplingRatios.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(expected);
        } else {
            assertThat(SamplingRatios.parse(text).text()).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "2026-Q1; 2026-01-01..2026-03-31",
            "2026-q4; 2026-10-01..2026-12-31",
            "2026-02; 2026-02-01..2026-02-28",
            "2028-02; 2028-02-01..2028-02-29",
            "2026-H2; 2026-07-01..2026-12-31",
            "2026-Q5; period '2026-Q5': quarter must be Q1 to Q4",
            "2026-13; period '2026-13': month must be 01 to 12",
            "2026-H3; period '2026-H3': half-year must be H1 or H2",
            "1999-Q1; period '1999-Q1': year must be from 2000 to 2100",
            "26-Q1; period '26-Q1' must be YYYY-Qn (a quarter, e.g. 2026-Q1), YYYY-MM (a month, e.g. 2026-03) or YYYY-Hn (a half-year, e.g. 2026-H1)",
            "2026; period '2026' must be YYYY-Qn (a quarter, e.g. 2026-Q1), YYYY-MM (a month, e.g. 2026-03) or YYYY-Hn (a half-year, e.g. 2026-H1)"})
    void periodsParseOrSayWhatIsWrong(String text, String expected) {
        if (expected.startsWith("period")) {
            assertThatThrownBy(() -> Period.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(expected);
        } else {
            Period p = Period.parse(text);
            assertThat(p.first() + ".." + p.last()).isEqualTo(expected);
        }
    }

    @Test
    void unknownSegmentNamesTheKnownOnes() {
        assertThatThrownBy(() -> PlanParams.of(Period.parse("2026-Q1"), "BAKERY", SamplingRatios.DEFAULT, 1))
                .hasMessageStartingWith("unknown segment 'BAKERY'; segments: FOOD_PRODUCTION, FOOD_SALES, CATERING");
        assertThat(PlanParams.of(Period.parse("2026-Q1"), "catering", SamplingRatios.DEFAULT, 1).segment()).isEqualTo("CATERING");
    }
}
