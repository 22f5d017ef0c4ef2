package io.riskgraph.risk.grading;

import io.riskgraph.risk.grading.Backtest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BacktestTest {
    @Test
    void aucAndHitRateMatchHandComputedValues() {
        // positives at scores 9 and 5; negatives at 7, 3, 1: pairs ordered right 5 of 6
        double[] s = {9, 7, 5, 3, 1};
        boolean[] l = {true, false, true, false, false};
        Backtest.Result r = Backtest.evaluate(s, l, 0.4);
        assertThat(r.auc()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(r.hitRate()).isCloseTo(0.5, within(1e-12)); // top 2: one hit
        assertThat(r.baseRate()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void tiesCountHalfAndAreSplitProRata() {
        double[] s = {1, 1, 1, 1};
        boolean[] l = {true, false, false, false};
        Backtest.Result r = Backtest.evaluate(s, l, 0.5);
        assertThat(r.auc()).isCloseTo(0.5, within(1e-12));
        assertThat(r.hitRate()).isCloseTo(0.25, within(1e-12));
    }
}
