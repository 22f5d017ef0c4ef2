package io.riskgraph.algorithms.ownership;

import io.riskgraph.algorithms.ownership.OwnershipPenetration.Basis;
import io.riskgraph.algorithms.ownership.OwnershipPenetration.Result;
import io.riskgraph.algorithms.ownership.OwnershipPenetration.UltimateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OwnershipPenetrationTest {

    /** "holder held share" triples separated by commas; persons start with P. */
    private static Holdings holdings(String spec) {
        Holdings h = new Holdings();
        for (String s : spec.split(",")) {
            String[] p = s.trim().split(" ");
            h.holds(p[0], p[1], Double.parseDouble(p[2]));
        }
        return h;
    }

    private static Map<String, Double> shares(Result r) {
        Map<String, Double> m = new HashMap<>();
        for (UltimateHolder u : r.holders()) m.put(u.party().id(), u.effectiveShare());
        return m;
    }

    /** Table: holdings around T, then each ultimate holder's expected effective share, worked out by hand. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            // P1 -60%-> A -50%-> T : 0.3 ; P2 -40%-> A : 0.2 ; P3 direct 50%
            "pyramid; P1 A 0.6, P2 A 0.4, A T 0.5, P3 T 0.5; P1=0.3 P2=0.2 P3=0.5",
            // two arms: P1 holds A and B fully; A 30%, B 40% of T -> 0.7 over two chains
            "diamond; P1 A 1.0, P1 B 1.0, A T 0.3, B T 0.4, P2 T 0.3; P1=0.7 P2=0.3",
            // cross-holding A<->B: P gets 0.5 * sum (0.25)^k = 2/3, Q 0.25/(0.75) = 1/3
            "cycle; P A 0.5, B A 0.5, A B 0.5, Q B 0.5, A T 1.0; P=0.6666666666666666 Q=0.3333333333333333",
            // an enterprise nobody holds is an ultimate holder itself
            "enterprise at the top; S A 0.8, P1 A 0.2, A T 0.9, P2 T 0.1; S=0.72 P1=0.18 P2=0.1",
            // three levels: 0.9*0.8*0.7
            "deep chain; P C 0.9, C B 0.8, B A 0.7, A T 1.0; P=0.504",
    })
    void effectiveSharesByHand(String name, String spec, String expected) {
        Result r = OwnershipPenetration.compute(holdings(spec), "T", OwnershipConfig.DEFAULT);
        Map<String, Double> actual = shares(r);
        Map<String, Double> want = new HashMap<>();
        for (String kv : expected.split(" ")) want.put(kv.split("=")[0], Double.parseDouble(kv.split("=")[1]));
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(want.keySet());
        want.forEach((k, v) -> assertThat(actual.get(k)).as(k).isCloseTo(v, within(1e-10)));
        assertThat(r.converged()).isTrue();
    }

    @Test
    void chainsOfADiamondAddUpWhenThereIsNoCycle() {
        Result r = OwnershipPenetration.compute(holdings("P1 A 1.0, P1 B 1.0, A T 0.3, B T 0.4, P2 T 0.3"), "T",
                OwnershipConfig.DEFAULT);
        UltimateHolder p1 = r.holders().get(0);
        assertThat(p1.party().id()).isEqualTo("P1");
        assertThat(p1.chains()).extracting(OwnershipPenetration.Chain::partyIds)
                .containsExactly(List.of("P1", "B", "T"), List.of("P1", "A", "T"));
        assertThat(p1.chains().stream().mapToDouble(OwnershipPenetration.Chain::share).sum())
                .isCloseTo(p1.effectiveShare(), within(1e-12));
        assertThat(r.cycles()).isEmpty();
        // 70 % over two arms, neither above 50 % alone
        assertThat(r.controller().party().id()).isEqualTo("P1");
        assertThat(r.controller().basis()).isEqualTo(Basis.EFFECTIVE_SHARE);
    }

    @Test
    void cycleIsReportedAndTheSeriesBoundHolds() {
        Result r = OwnershipPenetration.compute(holdings("P A 0.5, B A 0.5, A B 0.5, Q B 0.5, A T 1.0"), "T",
                OwnershipConfig.DEFAULT);
        assertThat(r.cycles()).hasSize(1);
        assertThat(r.cycles().get(0)).containsExactlyInAnyOrder("A", "B");
        assertThat(r.truncationBound()).isLessThan(1e-11);
        // the simple chain P-A-T gives 0.5; the cycle adds the rest
        UltimateHolder p = r.holders().get(0);
        assertThat(p.chains()).extracting(OwnershipPenetration.Chain::share).containsExactly(0.5);
        assertThat(r.controller().basis()).isEqualTo(Basis.EFFECTIVE_SHARE);
    }

    /** Table: holdings, thresholds, expected controller and basis ("-" for none). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "majority chain despite small effective share; P A 0.51, Q A 0.49, A T 0.51, R T 0.49; 0.5; 0.25; P; MAJORITY_CHAIN",
            "largest significant holder; P T 0.3, Q T 0.2, R T 0.2, S T 0.3001; 0.5; 0.25; S; LARGEST_SIGNIFICANT_HOLDER",
            "tie at the top: nobody; P T 0.3, Q T 0.3, R T 0.4; 0.5; 0.45; -; -",
            "all below significant; P T 0.2, Q T 0.2, R T 0.2; 0.5; 0.25; -; -",
            "lower control threshold; P T 0.35, Q T 0.3, R T 0.35; 0.3; 0.25; -; -",
            "lower control threshold, unique; P T 0.4, Q T 0.3; 0.35; 0.25; P; MAJORITY_CHAIN",
    })
    void controller(String name, String spec, double control, double significant, String expected, String basis) {
        Result r = OwnershipPenetration.compute(holdings(spec), "T",
                OwnershipConfig.DEFAULT.withThresholds(control, significant));
        if (expected.equals("-")) {
            assertThat(r.controller()).isNull();
        } else {
            assertThat(r.controller().party().id()).isEqualTo(expected);
            assertThat(r.controller().basis()).isEqualTo(Basis.valueOf(basis));
        }
    }

    @Test
    void beneficialOwnersArePersonsAtTheSignificantThreshold() {
        Result r = OwnershipPenetration.compute(holdings("P1 T 0.25, P2 T 0.2, S T 0.55"), "T", OwnershipConfig.DEFAULT);
        assertThat(r.holders()).filteredOn(UltimateHolder::beneficialOwner).extracting(u -> u.party().id())
                .containsExactly("P1");
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> holdings("P T 1.5")).hasMessageContaining("must be in [0, 1]");
        assertThatThrownBy(() -> OwnershipConfig.DEFAULT.withThresholds(0.3, 0.4))
                .hasMessageContaining("significantThreshold must be in (0, controlThreshold]");
        assertThatThrownBy(() -> OwnershipPenetration.compute(holdings("P T 0.5"), "X", OwnershipConfig.DEFAULT))
                .hasMessageContaining("target X is not among the holdings");
    }
}
