package io.riskgraph.risk.grading;

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

    /** Pseudo-positives for the blend of a professional model: w = positives / (positives + this). */
    public static final double BLEND_PRIOR_POSITIVES = 100;

    /** The tuned model as the text of a model file, same version as the base. */
    public String tune(IndicatorContext ctx, GradingModel base, java.util.Map<String, Boolean> labels, String note) {
        return tune(ctx, base, labels, note, null, base.version());
    }

    /**
     * The tuned model as the text of a model file.
     *
     * @param only    fit on these enterprises only (a professional model's scope); null = every labelled one
     * @param version the version the written file gets
     */
    public String tune(IndicatorContext ctx, GradingModel base, java.util.Map<String, Boolean> labels, String note,
                       boolean[] only, int version) {
        if (base.professional() && positives(ctx, labels, only) < MIN_POSITIVES) {
            // too little evidence to fit a segment of its own: the general grade stands (blend 0) until there is
            return keepAsIs(ctx, base, labels, only, note, version);
        }
        Design d = design(ctx, base, labels, only);
        Fit f = fit(d, d.has, l2);
        return write(ctx, base, d, f, note, version);
    }

    /** A professional scope with fewer labelled violations than this is not fitted (its blend is 0). */
    public static final int MIN_POSITIVES = 5;

    private static int positives(IndicatorContext ctx, java.util.Map<String, Boolean> labels, boolean[] only) {
        int pos = 0;
        for (int i = 0; i < ctx.n; i++) if ((only == null || only[i]) && Boolean.TRUE.equals(labels.get(ctx.data.uscc[i]))) pos++;
        return pos;
    }

    private String keepAsIs(IndicatorContext ctx, GradingModel base, java.util.Map<String, Boolean> labels, boolean[] only,
                            String note, int version) {
        int labelled = 0;
        for (int i = 0; i < ctx.n; i++) if ((only == null || only[i]) && labels.containsKey(ctx.data.uscc[i])) labelled++;
        StringBuilder out = new StringBuilder();
        out.append("# riskgraph professional credit-risk grading model (专业信用风险分级模型)\n#\n# ").append(note).append('\n');
        out.append(String.format(Locale.ROOT, "# NOT fitted: %d labelled enterprises with %d violations in its scope (fewer than %d);%n"
                + "# points and weights are the starting model's and blend 0 leaves the general grade in force.%n", labelled,
                positives(ctx, labels, only), MIN_POSITIVES));
        out.append("model.id = ").append(base.id()).append('\n');
        out.append("model.version = ").append(version).append('\n');
        out.append("model.segments = ").append(String.join(", ", base.scope().segments())).append('\n');
        out.append("model.subgroup = ").append(base.scope().subgroup()).append('\n');
        out.append("model.blend = 0\n");
        out.append(String.format(Locale.ROOT, "grade.B = %s%ngrade.C = %s%ngrade.D = %s%n", base.cutB(), base.cutC(), base.cutD()));
        if (base.logit() != null) {
            out.append(String.format(Locale.ROOT, "score.logit = %.4f, %.4f%n", base.logit().intercept(), base.logit().slope()));
        }
        appendTrigger(out, base);
        out.append('\n');
        for (GradingModel.Entry e : base.entries()) {
            out.append("indicator.").append(e.indicator().code()).append(" = weight=").append(fmt(e.weight()))
                    .append("; bins=").append(join(e.bins())).append("; points=").append(join(e.points()))
                    .append("    # ").append(e.indicator().nameEn()).append('\n');
        }
        return out.toString();
    }

    private static void appendTrigger(StringBuilder out, GradingModel base) {
        if (base.trigger() == null) return;
        GradingModel.TriggerRule t = base.trigger();
        out.append("trigger.indicators = ").append(String.join(", ", t.indicators().stream().map(Indicator::code).toList()))
                .append('\n');
        out.append("trigger.grade = ").append(t.single()).append('\n');
        out.append("trigger.grade.multiple = ").append(t.multiple()).append('\n');
    }

    /** One fold of a cross-validation: the held-out AUC at one regularisation. */
    public record Fold(double l2, int fold, int heldOut, double auc) {}

    /** Cross-validation of every regularisation, per fold, and the one chosen (highest mean held-out AUC). */
    public record CrossValidation(List<Fold> folds, double chosenL2, String model) {
        public double meanAuc(double l2) {
            return folds.stream().filter(f -> f.l2() == l2).mapToDouble(Fold::auc).average().orElse(Double.NaN);
        }
    }

    /**
     * Calibration: k-fold cross-validates each L2 strength (points and weights refit on the training folds,
     * AUC on the held-out fold; folds by a hash of the USCC, so the same labels give the same folds), then
     * refits on every label with the strength of the best mean AUC and writes the model as version + 1.
     */
    public CrossValidation calibrate(IndicatorContext ctx, GradingModel base, java.util.Map<String, Boolean> labels,
                                     int folds, List<Double> l2Grid, String note) {
        if (folds < 2 || folds > 20) throw new IllegalArgumentException("folds must be in 2..20, got " + folds);
        if (l2Grid == null || l2Grid.isEmpty()) throw new IllegalArgumentException("at least one L2 strength is needed");
        for (double v : l2Grid) if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException("L2 must be finite and >= 0, got " + v);
        Design d = design(ctx, base, labels, null);
        int[] fold = new int[ctx.n];
        for (int i = 0; i < ctx.n; i++) fold[i] = Math.floorMod(ctx.data.uscc[i].hashCode() * 0x9E3779B1, folds);
        List<Fold> out = new ArrayList<>();
        double bestL2 = l2Grid.get(0), bestAuc = -1;
        for (double reg : l2Grid) {
            double sum = 0;
            for (int f = 0; f < folds; f++) {
                boolean[] train = new boolean[ctx.n];
                int held = 0;
                for (int i = 0; i < ctx.n; i++) {
                    train[i] = d.has[i] && fold[i] != f;
                    if (d.has[i] && fold[i] == f) held++;
                }
                Fit fit = fit(d, train, reg);
                double[] s = new double[held];
                boolean[] l = new boolean[held];
                int m = 0;
                for (int i = 0; i < ctx.n; i++) {
                    if (!d.has[i] || fold[i] != f) continue;
                    s[m] = fit.score(d, i);
                    l[m++] = d.y[i];
                }
                double auc = Backtest.evaluate(s, l, Backtest.COVERAGE_DEFAULT).auc();
                out.add(new Fold(reg, f, held, auc));
                sum += auc;
            }
            if (sum / folds > bestAuc) {
                bestAuc = sum / folds;
                bestL2 = reg;
            }
        }
        Fit all = fit(d, d.has, bestL2);
        String text = write(ctx, base, d, all, note + String.format(Locale.ROOT,
                "; calibrated with L2 %s chosen by %d-fold cross-validation (mean held-out AUC %.4f)", bestL2, folds, bestAuc),
                base.version() + 1);
        return new CrossValidation(List.copyOf(out), bestL2, text);
    }

    /** The labelled enterprises and each indicator's bin per enterprise. */
    private record Design(List<GradingModel.Entry> entries, boolean[] has, boolean[] y, byte[][] bin, int labelled,
                          int positives) {}

    /** Fitted points per indicator and bin, weights (non-negative) and intercept of the logistic regression. */
    private record Fit(double[][] points, double[] w, double b, int labelled, double baseRate) {
        double score(Design d, int i) {
            double s = 0, sw = 0;
            for (int j = 0; j < w.length; j++) {
                s += w[j] * points[j][d.bin[j][i]];
                sw += w[j];
            }
            return sw == 0 ? 0 : s / sw;
        }
    }

    private Design design(IndicatorContext ctx, GradingModel base, java.util.Map<String, Boolean> labels, boolean[] only) {
        int n = ctx.n;
        boolean[] has = new boolean[n];
        boolean[] y = new boolean[n];
        int labelled = 0, pos = 0;
        for (int i = 0; i < n; i++) {
            if (only != null && !only[i]) continue;
            Boolean v = labels.get(ctx.data.uscc[i]);
            if (v == null) continue;
            has[i] = true;
            y[i] = v;
            labelled++;
            if (v) pos++;
        }
        if (labelled == 0 || pos == 0) throw new IllegalArgumentException("no labelled violation to tune on");
        List<GradingModel.Entry> entries = base.entries();
        // indicators that read related firms' scores see the base model's first pass
        if (entries.stream().anyMatch(e -> e.indicator().usesScores()) && !ctx.hasFirstPass()) {
            ctx.firstPassScore(Grader.grade(ctx, Grader.firstPassModel(base), GraderParams.DEFAULT).score());
        }
        int k = entries.size();
        byte[][] bin = new byte[k][n];
        for (int j = 0; j < k; j++) {
            GradingModel.Entry e = entries.get(j);
            if (e.bins().length > Byte.MAX_VALUE - 1) throw new IllegalArgumentException("too many bins for " + e.indicator().code());
            double[] v = ctx.values(e.indicator()).value();
            for (int i = 0; i < n; i++) {
                int b = 0;
                while (b < e.bins().length && v[i] >= e.bins()[b]) b++;
                bin[j][i] = (byte) b;
            }
        }
        return new Design(entries, has, y, bin, labelled, pos);
    }

    private Fit fit(Design d, boolean[] train, double reg) {
        int n = train.length, k = d.entries.size();
        int labelled = 0, pos = 0;
        for (int i = 0; i < n; i++) {
            if (!train[i]) continue;
            labelled++;
            if (d.y[i]) pos++;
        }
        if (labelled == 0 || pos == 0) throw new IllegalArgumentException("no labelled violation to tune on");
        double baseRate = (double) pos / labelled;
        double[][] points = new double[k][];
        // the regression sees the training rows only, packed (a segment's firms are a small share of a city)
        int[] rows = new int[labelled];
        boolean[] ry = new boolean[labelled];
        for (int i = 0, m = 0; i < n; i++) {
            if (!train[i]) continue;
            ry[m] = d.y[i];
            rows[m++] = i;
        }
        float[][] x = new float[k][labelled];
        for (int j = 0; j < k; j++) {
            int bins = d.entries.get(j).bins().length + 1;
            double[] cnt = new double[bins], hit = new double[bins];
            for (int i = 0; i < n; i++) {
                if (!train[i]) continue;
                cnt[d.bin[j][i]]++;
                if (d.y[i]) hit[d.bin[j][i]]++;
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
            for (int m = 0; m < labelled; m++) x[j][m] = (float) (points[j][d.bin[j][rows[m]]] / 100);
        }
        boolean[] all = new boolean[labelled];
        java.util.Arrays.fill(all, true);
        double[] wb = regression(x, ry, all, labelled, baseRate, reg);
        return new Fit(points, java.util.Arrays.copyOf(wb, k), wb[k], labelled, baseRate);
    }

    private String write(IndicatorContext ctx, GradingModel base, Design d, Fit f, String note, int version) {
        List<GradingModel.Entry> entries = d.entries;
        int k = entries.size(), n = ctx.n;
        double[] w = f.w;
        // the score is sum(w p) / sum(w); quantiles of it give the cut-offs
        double sw = 0;
        for (double v : w) sw += v;
        if (sw == 0) throw new IllegalStateException("every fitted weight is 0");
        double[] score = new double[d.labelled];
        int m = 0;
        for (int i = 0; i < n; i++) if (d.has[i]) score[m++] = f.score(d, i);
        Arrays.sort(score);
        double cutB = cut(score, shareA), cutC = Math.max(cutB + 0.1, cut(score, shareA + shareB));
        double cutD = Math.max(cutC + 0.1, cut(score, shareA + shareB + shareC));

        StringBuilder out = new StringBuilder();
        out.append(base.professional() ? "# riskgraph professional credit-risk grading model (专业信用风险分级模型)\n#\n"
                : "# riskgraph general credit-risk grading model (通用信用风险分级模型)\n#\n");
        out.append("# Format (docs/models.md): indicator.CODE = weight=W; bins=e1,e2,...; points=p0,p1,...\n");
        out.append("# A value below e1 gets p0, a value in [e(j), e(j+1)) gets p(j), at or above the last edge the last points.\n");
        out.append("# Points are 0..100 (higher = riskier); the score is the weight-averaged points (0..100).\n");
        out.append("# grade.X is the score at or above which grade X applies (A below grade.B).\n");
        out.append("# score.logit = a, b: the fitted log-odds of a violation next half-year is a + b * score / 100.\n#\n");
        out.append("# ").append(note).append('\n');
        out.append(String.format(Locale.ROOT, "# tuned on %d labelled enterprises, base rate %.4f, as of %s%n", d.labelled,
                (double) d.positives / d.labelled, ctx.asOf));
        out.append("model.id = ").append(base.id()).append('\n');
        out.append("model.version = ").append(version).append('\n');
        if (base.professional()) {
            out.append("model.segments = ").append(String.join(", ", base.scope().segments())).append('\n');
            out.append("model.subgroup = ").append(base.scope().subgroup()).append('\n');
            out.append(String.format(Locale.ROOT, "model.blend = %.3f    # positives / (positives + %.0f): %d / (%d + %.0f)%n",
                    d.positives / (d.positives + BLEND_PRIOR_POSITIVES), BLEND_PRIOR_POSITIVES, d.positives, d.positives,
                    BLEND_PRIOR_POSITIVES));
        }
        out.append(String.format(Locale.ROOT, "grade.B = %.1f%ngrade.C = %.1f%ngrade.D = %.1f%n", cutB, cutC, cutD));
        out.append(String.format(Locale.ROOT, "score.logit = %.4f, %.4f%n", f.b, sw));
        appendTrigger(out, base);
        Category last = null;
        for (int j = 0; j < k; j++) {
            GradingModel.Entry e = entries.get(j);
            if (e.indicator().category() != last) {
                last = e.indicator().category();
                out.append("\n# ").append(last).append('\n');
            }
            out.append("indicator.").append(e.indicator().code()).append(" = weight=").append(fmt(w[j] * 10))
                    .append("; bins=").append(join(e.bins())).append("; points=").append(join(f.points[j]))
                    .append("    # ").append(e.indicator().nameEn()).append('\n');
        }
        return out.toString();
    }

    private static double cut(double[] sorted, double share) {
        return Math.max(0.1, Math.round(sorted[(int) Math.min(sorted.length - 1, share * sorted.length)] * 10) / 10.0);
    }

    /**
     * Non-negative logistic regression by projected Adam on the mean log-loss; the weights, then the intercept.
     */
    private double[] regression(float[][] x, boolean[] y, boolean[] has, int labelled, double baseRate, double l2) {
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
        double[] out = Arrays.copyOf(w, k + 1);
        out[k] = b;
        return out;
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
