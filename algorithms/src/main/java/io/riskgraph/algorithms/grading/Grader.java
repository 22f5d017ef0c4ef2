package io.riskgraph.algorithms.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Scores and grades every enterprise under a model; computation only, the caller reads and writes the store. */
public final class Grader {
    /**
     * One contributing indicator: its value and points, the score points it adds above what is usual for that
     * indicator (its most common bin), and where the risk came from (network indicators; null otherwise).
     */
    public record Reason(String code, String nameZh, String nameEn, Category category, double value, double points,
                         double contribution, String source) {
        public static final String TRIGGER = "TRIGGER";

        public String text() {
            if (TRIGGER.equals(code)) return String.format(Locale.ROOT, "%s %s/%s: %s", code, nameZh, nameEn, source);
            return String.format(Locale.ROOT, "%s %s/%s = %s -> %.0f pts (+%.1f)%s", code, nameZh, nameEn, fmt(value),
                    points, contribution, source == null ? "" : "; source: " + source);
        }

        private static String fmt(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3g", v);
        }
    }

    /**
     * Scores, grades, per enterprise its top reasons and the name of the model(s) that graded it (e.g.
     * {@code general-v2+catering-smart-v1}), by enterprise index; {@code model} is the general model.
     */
    public record Grades(GradingModel model, double[] score, char[] grade, List<List<Reason>> reasons, String[] modelName) {
        public Grades(GradingModel model, double[] score, char[] grade, List<List<Reason>> reasons) {
            this(model, score, grade, reasons, filledNames(score.length, model.name()));
        }

        private static String[] filledNames(int n, String name) {
            String[] a = new String[n];
            java.util.Arrays.fill(a, name);
            return a;
        }

        public long[] distribution() {
            long[] d = new long[4];
            for (char g : grade) d[g - 'A']++;
            return d;
        }
    }

    /** Below this (0.01 once rounded to two decimals) an indicator does not set a firm apart. */
    public static final double MIN_REASON_CONTRIBUTION = 0.005;

    private Grader() {}

    public static Grades grade(IndicatorContext ctx, GradingModel model, GraderParams params) {
        return grade(ctx, model, params, false, null);
    }

    /**
     * Grades with the general model of the set and refines the firms in a professional model's scope (the blend
     * and the trigger rule, docs/models.md).
     */
    public static Grades grade(IndicatorContext ctx, ModelSet models, GraderParams params) {
        return ModelSet.combine(ctx, models, params);
    }

    /**
     * @param reuseFirstPass the context already holds the first-pass scores (the general model's), use them
     * @param only           score only these enterprises (the others get score 0, grade A, no reasons); null = all
     */
    static Grades grade(IndicatorContext ctx, GradingModel model, GraderParams params, boolean reuseFirstPass,
                        boolean[] only) {
        return grade(ctx, model, params, reuseFirstPass, only, true);
    }

    /** @param withReasons false for a first pass, which only needs the scores */
    private static Grades grade(IndicatorContext ctx, GradingModel model, GraderParams params, boolean reuseFirstPass,
                                boolean[] only, boolean withReasons) {
        List<GradingModel.Entry> used = new ArrayList<>();
        for (GradingModel.Entry e : model.entries()) {
            if (e.weight() > 0 && !params.excluded().contains(e.indicator().category())) used.add(e);
        }
        if (used.isEmpty()) throw new IllegalArgumentException("no indicator of model " + model.name() + " is left to score");
        double totalWeight = used.stream().mapToDouble(GradingModel.Entry::weight).sum();
        if (!reuseFirstPass && used.stream().anyMatch(e -> e.indicator().usesScores())) {
            ctx.firstPassScore(firstPass(ctx, model, params));
        }
        int n = ctx.n, k = used.size();
        double[][] values = new double[k][];
        String[][] sources = new String[k][];
        for (int j = 0; j < k; j++) {
            Indicator.Values v = ctx.values(used.get(j).indicator());
            values[j] = v.value();
            sources[j] = v.source();
        }
        // reasons name what raises a firm above the usual: points above the most common points of each indicator
        double[] usual = new double[k];
        if (withReasons) for (int j = 0; j < k; j++) usual[j] = mostCommonPoints(used.get(j), values[j]);
        double[] excess = new double[k];
        double[] score = new double[n];
        char[] grade = new char[n];
        List<List<Reason>> reasons = new ArrayList<>(n);
        double[] contrib = new double[k];
        for (int i = 0; i < n; i++) {
            if (only != null && !only[i]) {
                grade[i] = 'A';
                reasons.add(List.of());
                continue;
            }
            double s = 0;
            for (int j = 0; j < k; j++) {
                GradingModel.Entry e = used.get(j);
                double p = e.points(values[j][i]);
                contrib[j] = e.weight() * p / totalWeight;
                excess[j] = e.weight() * (p - usual[j]) / totalWeight;
                s += contrib[j];
            }
            score[i] = Math.round(Math.min(100, Math.max(0, s)) * 100) / 100.0;
            grade[i] = model.grade(score[i]);
            reasons.add(withReasons ? top(used, values, sources, excess, i, params.topReasons()) : List.of());
        }
        return new Grades(model, score, grade, reasons);
    }

    /** Scores without the indicators that read scores: what related firms' scores mean in the second pass. */
    static double[] firstPass(IndicatorContext ctx, GradingModel model, GraderParams params) {
        return grade(ctx, firstPassModel(model), params, false, null, false).score();
    }

    public static GradingModel firstPassModel(GradingModel model) {
        List<GradingModel.Entry> first = model.entries().stream().filter(e -> !e.indicator().usesScores()).toList();
        return model.withEntries(first);
    }

    private static double mostCommonPoints(GradingModel.Entry e, double[] values) {
        int[] count = new int[e.bins().length + 1];
        for (double v : values) {
            int b = 0;
            if (!Double.isNaN(v)) while (b < e.bins().length && v >= e.bins()[b]) b++;
            count[b]++;
        }
        int best = 0;
        for (int b = 1; b < count.length; b++) if (count[b] > count[best]) best = b;
        return e.points()[best];
    }

    /** The indicators that raise this firm's score most above the usual, with the points above the usual. */
    private static List<Reason> top(List<GradingModel.Entry> used, double[][] values, String[][] sources,
                                    double[] contrib, int i, int max) {
        List<Reason> out = new ArrayList<>(max);
        boolean[] taken = new boolean[contrib.length];
        for (int r = 0; r < max; r++) {
            int best = -1;
            for (int j = 0; j < contrib.length; j++) {
                // a reason must add at least 0.01 score points once rounded as it is shown
                if (!taken[j] && contrib[j] >= MIN_REASON_CONTRIBUTION && (best < 0 || contrib[j] > contrib[best])) best = j;
            }
            if (best < 0) break;
            taken[best] = true;
            GradingModel.Entry e = used.get(best);
            Indicator ind = e.indicator();
            String src = sources[best] == null ? null : sources[best][i];
            out.add(new Reason(ind.code(), ind.nameZh(), ind.nameEn(), ind.category(), values[best][i],
                    e.points(values[best][i]), Math.round(contrib[best] * 100) / 100.0, src));
        }
        return List.copyOf(out);
    }
}
