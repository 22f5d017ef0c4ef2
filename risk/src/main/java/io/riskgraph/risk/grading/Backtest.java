package io.riskgraph.risk.grading;

import java.util.Arrays;

/** How well a score ranks the labelled violations: ROC AUC and the hit rate of inspecting the top share. */
public final class Backtest {
    public static final double COVERAGE_DEFAULT = 0.30;

    /** @param hitRate violation rate among the top {@code coverage} by score; @param baseRate the rate of random picks */
    public record Result(int labelled, int positives, double auc, double coverage, double hitRate, double baseRate) {
        public double lift() { return baseRate == 0 ? 0 : hitRate / baseRate; }
    }

    private Backtest() {}

    /** Pairs the grades with labels by USCC; enterprises without a label are left out. */
    public static Result evaluate(IndicatorContext ctx, Grader.Grades grades, java.util.Map<String, Boolean> labels,
                                  double coverage) {
        double[] s = new double[ctx.n];
        boolean[] l = new boolean[ctx.n];
        int k = 0;
        for (int i = 0; i < ctx.n; i++) {
            Boolean v = labels.get(ctx.data.uscc[i]);
            if (v == null) continue;
            s[k] = grades.score()[i];
            l[k++] = v;
        }
        return evaluate(Arrays.copyOf(s, k), Arrays.copyOf(l, k), coverage);
    }

    /** Scores and labels of the labelled enterprises, same order. */
    public static Result evaluate(double[] score, boolean[] label, double coverage) {
        if (score.length != label.length) throw new IllegalArgumentException("scores and labels differ in length");
        if (!(coverage > 0 && coverage <= 1)) throw new IllegalArgumentException("coverage must be in (0, 1], got " + coverage);
        int n = score.length;
        if (n == 0) throw new IllegalArgumentException("no labelled enterprise is in the store");
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
        int positives = 0;
        for (boolean l : label) if (l) positives++;
        // ranks with ties averaged (Mann-Whitney), and the top share counting tied blocks pro rata, so that
        // neither figure depends on the order of equal scores
        double rankSumPos = 0;
        double slots = coverage * n, hits = 0, taken = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            int pos = 0;
            while (j < n && score[order[j]] == score[order[i]]) {
                if (label[order[j]]) pos++;
                j++;
            }
            int size = j - i;
            double avgRankFromBottom = n - (i + j - 1) / 2.0; // 1-based ascending rank
            rankSumPos += pos * avgRankFromBottom;
            if (taken < slots) {
                double take = Math.min(size, slots - taken);
                hits += pos * take / size;
                taken += take;
            }
            i = j;
        }
        int negatives = n - positives;
        double auc = positives == 0 || negatives == 0 ? Double.NaN
                : (rankSumPos - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
        return new Result(n, positives, auc, coverage, hits / slots, (double) positives / n);
    }
}
