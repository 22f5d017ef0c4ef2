package io.riskgraph.risk.learning;

import io.riskgraph.risk.grading.Backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How well one score ranks one set of outcomes: AUC, hit rate and lift at the coverage, the AUC on the firms drawn at
 * random (the population's ranking, free of the targeting bias), and for probabilities the Brier score and a
 * calibration table by decile of the predicted risk.
 *
 * @param brier       NaN for scores that are not probabilities (the prior's points, the baseline's counts)
 * @param calibration per decile: mean predicted, observed rate, firms; empty without probabilities
 */
public record Evaluation(String name, Backtest.Result result, double randomAuc, int randoms, double brier,
                         List<double[]> calibration) {

    /** @param probability the score is a probability of the outcome (Brier and calibration then apply) */
    public static Evaluation of(String name, double[] score, Outcomes o, double coverage, boolean probability) {
        boolean[] label = o.positive();
        Backtest.Result r = Backtest.evaluate(score, label, coverage);
        int k = o.randoms();
        double randomAuc = Double.NaN;
        if (k > 0) {
            double[] s = new double[k];
            boolean[] l = new boolean[k];
            int x = 0;
            for (int i = 0; i < score.length; i++) if (o.random()[i]) { s[x] = score[i]; l[x++] = label[i]; }
            randomAuc = Backtest.evaluate(s, l, coverage).auc();
        }
        double brier = Double.NaN;
        List<double[]> cal = List.of();
        if (probability) {
            double sum = 0;
            for (int i = 0; i < score.length; i++) {
                double e = score[i] - (label[i] ? 1 : 0);
                sum += e * e;
            }
            brier = sum / score.length;
            cal = calibration(score, label);
        }
        return new Evaluation(name, r, randomAuc, k, brier, cal);
    }

    private static List<double[]> calibration(double[] p, boolean[] label) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        List<double[]> out = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            int from = p.length * d / 10, to = p.length * (d + 1) / 10;
            if (to <= from) continue;
            double mp = 0, obs = 0;
            for (int i = from; i < to; i++) {
                mp += p[order[i]];
                if (label[order[i]]) obs++;
            }
            out.add(new double[]{mp / (to - from), obs / (to - from), to - from});
        }
        return out;
    }

    public double auc() { return result.auc(); }

    /** One line of the side-by-side table. */
    public String line() {
        return String.format(Locale.ROOT, "  %-26s AUC %.4f   hit rate %5.1f %%   lift %.2f   AUC on random draws %s   Brier %s",
                name, result.auc(), 100 * result.hitRate(), result.lift(),
                Double.isNaN(randomAuc) ? "  -   " : String.format(Locale.ROOT, "%.4f", randomAuc) + " (" + randoms + ")",
                Double.isNaN(brier) ? "  -" : String.format(Locale.ROOT, "%.4f", brier));
    }

    public List<String> calibrationLines() {
        List<String> out = new ArrayList<>();
        if (calibration.isEmpty()) return out;
        out.add("  calibration of " + name + " (deciles of predicted risk): predicted / observed / firms");
        for (double[] c : calibration) out.add(String.format(Locale.ROOT, "    %6.3f  %6.3f  %,7d", c[0], c[1], (long) c[2]));
        return out;
    }
}
