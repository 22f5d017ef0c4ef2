package io.riskgraph.risk.learning;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The tables give XGBoost's own TreeSHAP values, row by row, or step aside for trees too deep for them. */
class TreeShapTest {

    @ParameterizedTest(name = "depth {0}, {1} features, {2} rounds, {3} missing: tables {4}")
    @CsvSource({
            // depth, features, rounds, share missing, tables?
            "1, 12, 60, 0.0, true",     // a scorecard's stumps
            "2, 3, 40, 0.2, true",      // few features: the same feature split twice on a path
            "3, 3, 80, 0.3, true",
            "3, 40, 150, 0.25, true",   // what learn fits: depth 3, many features, missing values
            "3, 40, 150, 0.0, true",
            "5, 10, 30, 0.1, false",    // too many splits per tree: XGBoost explains
    })
    void contributionsAreXGBoostsTreeShap(int depth, int ncol, int rounds, double missing, boolean tables) throws Exception {
        Random rnd = new Random(depth * 1_000L + ncol);
        int n = 3_000;
        float[] rows = new float[n * ncol];
        float[] label = new float[n];
        for (int i = 0; i < n; i++) {
            double z = 0;
            for (int j = 0; j < ncol; j++) {
                float v = rnd.nextDouble() < missing ? Float.NaN : (float) (rnd.nextInt(5) + rnd.nextGaussian());
                rows[i * ncol + j] = v;
                if (!Float.isNaN(v) && j < 4) z += (j % 2 == 0 ? 0.6 : -0.4) * v;
            }
            label[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-(z - 1))) ? 1 : 0;
        }
        Map<String, Object> p = new HashMap<>();
        p.put("objective", "binary:logistic");
        p.put("max_depth", depth);
        p.put("eta", 0.1);
        p.put("subsample", 0.8);
        p.put("nthread", 1);
        p.put("seed", 3);
        p.put("verbosity", 0);
        p.put("tree_method", "hist");
        DMatrix m = new DMatrix(rows, n, ncol, Float.NaN);
        m.setLabel(label);
        Booster b = XGBoost.train(m, p, rounds, Map.of(), null, null);
        m.dispose();

        assertThat(Trees.explainer(b, ncol) != null).isEqualTo(tables);
        float[][] ours = Trees.contributions(b, rows, n, ncol);
        float[][] theirs = Trees.xgboostContributions(b, rows, n, ncol);
        float[] margins = Trees.margins(b, rows, n, ncol);
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j <= ncol; j++) {
                assertThat(ours[i][j]).as("row %d feature %d", i, j).isCloseTo(theirs[i][j], within(2e-5f));
                sum += ours[i][j];
            }
            assertThat(sum).as("row %d adds up to its margin", i).isCloseTo(margins[i], within(1e-4));
        }
        TreeShap t = Trees.explainer(b, ncol);
        if (t != null) {
            // a value moved where no split parts it gives the same contributions; where one does, the margin moves
            int same = 0, parted = 0;
            for (int i = 0; i < 400; i++) {
                int j = rnd.nextInt(ncol);
                float[] row = java.util.Arrays.copyOfRange(rows, i * ncol, (i + 1) * ncol), moved = row.clone();
                moved[j] = rnd.nextDouble() < 0.1 ? Float.NaN : row[j] + (float) (rnd.nextGaussian() * (rnd.nextBoolean() ? 0.05 : 2));
                float[][] a = t.contributions(row, 1), c = t.contributions(moved, 1);
                if (t.sameSides(j, row[j], moved[j])) {
                    same++;
                    assertThat(c[0]).as("row %d feature %d: %s -> %s", i, j, row[j], moved[j]).containsExactly(a[0]);
                } else {
                    parted++;
                }
            }
            assertThat(same).isPositive();
            assertThat(parted).isPositive();
        }
        b.dispose();
    }
}
