package io.riskgraph.algorithms.grading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Fits a model's points and weights to known outcomes, keeping its indicators and bin edges: points per bin from
 * the bin's smoothed violation log-odds above the indicator's safest bin (the riskiest bin gets 100), weights from
 * a logistic regression on those points constrained to be non-negative (so every weight reads as "how much this
 * indicator adds"), grade cut-offs at score quantiles. Tune on one city and evaluate on another: the fit sees its
 * city's labels.
 *
 * @param smoothing    pseudo-count pulling a thin bin's rate towards the base rate
 * @param iterations   gradient steps of the regression
 * @param shareA       share of enterprises graded A; shareB, shareC likewise, D the rest
 */
public record ModelTuner(double smoothing, int iterations, double learningRate, double l2, double shareA,
                         double shareB, double shareC) {
    public static final double SMOOTHING_DEFAULT = 20;
    public static final int ITERATIONS_DEFAULT = 2000;
    public static final double LEARNING_RATE_DEFAULT = 0.1;
    public static final double L2_DEFAULT = 1e-4;
    public static final double SHARE_A_DEFAULT = 0.50, SHARE_B_DEFAULT = 0.25, SHARE_C_DEFAULT = 0.15;
    public static final ModelTuner DEFAULT = new ModelTuner(SMOOTHING_DEFAULT, ITERATIONS_DEFAULT, LEARNING_RATE_DEFAULT,
            L2_DEFAULT, SHARE_A_DEFAULT, SHARE_B_DEFAULT, SHARE_C_DEFAULT);

    public ModelTuner {
        if (!(smoothing >= 0)) throw new IllegalArgumentException("smoothing must not be negative, got " + smoothing);
        if (iterations < 1) throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
        if (!(learningRate > 0)) throw new IllegalArgumentException("learningRate must be positive, got " + learningRate);
        if (!(l2 >= 0)) throw new IllegalArgumentException("l2 must not be negative, got " + l2);
        if (!(shareA > 0 && shareB > 0 && shareC > 0 && shareA + shareB + shareC < 1)) {
            throw new IllegalArgumentException("grade shares must be positive and leave room for D");
        }
    }

    /** The tuned model as the text of a model file. */
    public String tune(IndicatorContext ctx, GradingModel base, java.util.Map<String, Boolean> labels, String note) {
        int n = ctx.n;
        boolean[] has = new boolean[n];
        boolean[] y = new boolean[n];
        int labelled = 0, pos = 0;
        for (int i = 0; i < n; i++) {
            Boolean v = labels.get(ctx.data.uscc[i]);
            if (v == null) continue;
            has[i] = true;
            y[i] = v;
            labelled++;
            if (v) pos++;
        }
        if (labelled == 0 || pos == 0) throw new IllegalArgumentException("no labelled violation to tune on");
        double baseRate = (double) pos / labelled;
        List<GradingModel.Entry> entries = base.entries();
        // indicators that read related firms' scores see the base model's first pass
        if (entries.stream().anyMatch(e -> e.indicator().usesScores())) {
            ctx.firstPassScore(Grader.grade(ctx, Grader.firstPassModel(base), GraderParams.DEFAULT).score());
        }
        int k = entries.size();
        double[][] points = new double[k][];
        float[][] x = new float[k][n];
        for (int j = 0; j < k; j++) {
            GradingModel.Entry e = entries.get(j);
            double[] v = e.indicator().compute().apply(ctx).value();
            int bins = e.bins().length + 1;
            double[] cnt = new double[bins], hit = new double[bins];
            int[] bin = new int[n];
            for (int i = 0; i < n; i++) {
                int b = 0;
                while (b < e.bins().length && v[i] >= e.bins()[b]) b++;
                bin[i] = b;
                if (!has[i]) continue;
                cnt[b]++;
                if (y[i]) hit[b]++;
            }
            double[] logit = new double[bins];
            double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
            for (int b = 0; b < bins; b++) {
                double r = (hit[b] + smoothing * baseRate) / (cnt[b] + smoothing);
                logit[b] = Math.log(r / (1 - r));
                if (cnt[b] > 0) {
                    min = Math.min(min, logit[b]);
                    max = Math.max(max, logit[b]);
                }
            }
            points[j] = new double[bins];
            for (int b = 0; b < bins; b++) {
                double p = max - min < 1e-9 || cnt[b] == 0 ? 0 : 100 * (logit[b] - min) / (max - min);
                points[j][b] = Math.round(Math.max(0, p));
            }
            for (int i = 0; i < n; i++) x[j][i] = (float) (points[j][bin[i]] / 100);
        }
        double[] w = fit(x, y, has, labelled, baseRate);
        // the score is sum(w p) / sum(w); quantiles of it give the cut-offs
        double sw = 0;
        for (double v : w) sw += v;
        if (sw == 0) throw new IllegalStateException("every fitted weight is 0");
        double[] score = new double[labelled];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!has[i]) continue;
            double s = 0;
            for (int j = 0; j < k; j++) s += w[j] * x[j][i] * 100;
            score[m++] = s / sw;
        }
        Arrays.sort(score);
        double cutB = cut(score, shareA), cutC = Math.max(cutB + 0.1, cut(score, shareA + shareB));
        double cutD = Math.max(cutC + 0.1, cut(score, shareA + shareB + shareC));

        StringBuilder out = new StringBuilder();
        out.append("# riskgraph general credit-risk grading model (通用信用风险分级模型)\n#\n");
        out.append("# Format (docs/models.md): indicator.CODE = weight=W; bins=e1,e2,...; points=p0,p1,...\n");
        out.append("# A value below e1 gets p0, a value in [e(j), e(j+1)) gets p(j), at or above the last edge the last points.\n");
        out.append("# Points are 0..100 (higher = riskier); the score is the weight-averaged points (0..100).\n");
        out.append("# grade.X is the score at or above which grade X applies (A below grade.B).\n#\n");
        out.append("# ").append(note).append('\n');
        out.append(String.format(Locale.ROOT, "# tuned on %d labelled enterprises, base rate %.4f, as of %s%n", labelled, baseRate,
                ctx.asOf));
        out.append("model.id = ").append(base.id()).append('\n');
        out.append("model.version = ").append(base.version()).append('\n');
        out.append(String.format(Locale.ROOT, "grade.B = %.1f%ngrade.C = %.1f%ngrade.D = %.1f%n", cutB, cutC, cutD));
        Category last = null;
        for (int j = 0; j < k; j++) {
            GradingModel.Entry e = entries.get(j);
            if (e.indicator().category() != last) {
                last = e.indicator().category();
                out.append("\n# ").append(last).append('\n');
            }
            out.append("indicator.").append(e.indicator().code()).append(" = weight=").append(fmt(w[j] * 10))
                    .append("; bins=").append(join(e.bins())).append("; points=").append(join(points[j]))
                    .append("    # ").append(e.indicator().nameEn()).append('\n');
        }
        return out.toString();
    }

    private static double cut(double[] sorted, double share) {
        return Math.max(0.1, Math.round(sorted[(int) Math.min(sorted.length - 1, share * sorted.length)] * 10) / 10.0);
    }

    /** Non-negative logistic regression by projected Adam on the mean log-loss. */
    private double[] fit(float[][] x, boolean[] y, boolean[] has, int labelled, double baseRate) {
        int k = x.length, n = y.length;
        double[] w = new double[k];
        double b = Math.log(baseRate / (1 - baseRate));
        double[] m1 = new double[k + 1], m2 = new double[k + 1];
        double[] z = new double[n];
        double[] g = new double[k + 1];
        for (int it = 1; it <= iterations; it++) {
            Arrays.fill(z, b);
            for (int j = 0; j < k; j++) {
                if (w[j] == 0) continue;
                float[] xj = x[j];
                for (int i = 0; i < n; i++) z[i] += w[j] * xj[i];
            }
            Arrays.fill(g, 0);
            for (int i = 0; i < n; i++) {
                if (!has[i]) continue;
                z[i] = 1 / (1 + Math.exp(-z[i])) - (y[i] ? 1 : 0);
                g[k] += z[i];
            }
            for (int j = 0; j < k; j++) {
                float[] xj = x[j];
                double s = 0;
                for (int i = 0; i < n; i++) if (has[i]) s += z[i] * xj[i];
                g[j] = s / labelled + l2 * w[j];
            }
            g[k] /= labelled;
            for (int j = 0; j <= k; j++) {
                m1[j] = 0.9 * m1[j] + 0.1 * g[j];
                m2[j] = 0.999 * m2[j] + 0.001 * g[j] * g[j];
                double step = learningRate * (m1[j] / (1 - Math.pow(0.9, it))) / (Math.sqrt(m2[j] / (1 - Math.pow(0.999, it))) + 1e-8);
                if (j == k) b -= step;
                else w[j] = Math.max(0, w[j] - step);
            }
        }
        return w;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String join(double[] a) {
        List<String> s = new ArrayList<>();
        for (double v : a) s.add(v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v));
        return String.join(",", s);
    }

}
