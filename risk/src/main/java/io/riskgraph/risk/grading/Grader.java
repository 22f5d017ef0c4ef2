package io.riskgraph.risk.grading;

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
            // a learned model has no points: its contribution is the SHAP value in log-odds
            if (Double.isNaN(points)) return String.format(Locale.ROOT, "%s %s/%s = %s (%+.2f log-odds)", code, nameZh, nameEn,
                    fmt(value), contribution);
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
        if (!reuseFirstPass && used(model, params).stream().anyMatch(e -> e.indicator().usesScores())) {
            ctx.firstPassScore(firstPass(ctx, model, params));
        }
        Scorer scorer = new Scorer(ctx, model, params, withReasons ? Scorer.binCounts(ctx, model, params) : null);
        int n = ctx.n;
        double[] score = new double[n];
        char[] grade = new char[n];
        List<List<Reason>> reasons = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (only != null && !only[i]) {
                grade[i] = 'A';
                reasons.add(List.of());
                continue;
            }
            score[i] = scorer.score(i);
            grade[i] = model.grade(score[i]);
            reasons.add(withReasons ? scorer.reasons(i) : List.of());
        }
        return new Grades(model, score, grade, reasons);
    }

    /** The entries that count: a positive weight and a category not switched off. */
    static List<GradingModel.Entry> used(GradingModel model, GraderParams params) {
        List<GradingModel.Entry> used = new ArrayList<>();
        for (GradingModel.Entry e : model.entries()) {
            if (e.weight() > 0 && !params.excluded().contains(e.indicator().category())) used.add(e);
        }
        if (used.isEmpty()) throw new IllegalArgumentException("no indicator of model " + model.name() + " is left to score");
        return used;
    }

    /**
     * One model over one context, firm by firm: a full grade scores every firm, a re-grade only the firms whose
     * inputs changed. The first-pass scores the model's score-reading indicators need must be in the context.
     */
    static final class Scorer {
        private final List<GradingModel.Entry> used;
        private final double totalWeight;
        private final double[][] values;
        private final String[][] sources;
        /** Per used entry the points of its most common bin over the city (null: no reasons). */
        private final double[] usual;
        private final int topReasons;

        /**
         * @param binCounts per used entry the firms per bin ({@link #binCounts}), for the reasons' "usual" points;
         *                  null = scores only (a first pass)
         */
        Scorer(IndicatorContext ctx, GradingModel model, GraderParams params, int[][] binCounts) {
            used = used(model, params);
            totalWeight = used.stream().mapToDouble(GradingModel.Entry::weight).sum();
            int k = used.size();
            values = new double[k][];
            sources = new String[k][];
            for (int j = 0; j < k; j++) {
                Indicator.Values v = ctx.values(used.get(j).indicator());
                values[j] = v.value();
                sources[j] = v.source();
            }
            topReasons = params.topReasons();
            // reasons name what raises a firm above the usual: points above the most common points of each indicator
            usual = binCounts == null ? null : usualPoints(used, binCounts);
        }

        double score(int i) {
            double s = 0;
            for (int j = 0; j < used.size(); j++) {
                GradingModel.Entry e = used.get(j);
                s += e.weight() * e.points(values[j][i]) / totalWeight;
            }
            return Math.round(Math.min(100, Math.max(0, s)) * 100) / 100.0;
        }

        List<Reason> reasons(int i) {
            double[] excess = new double[used.size()];
            for (int j = 0; j < used.size(); j++) {
                GradingModel.Entry e = used.get(j);
                excess[j] = e.weight() * (e.points(values[j][i]) - usual[j]) / totalWeight;
            }
            return top(used, values, sources, excess, i, topReasons);
        }

        /** Per used entry of the model, the firms per bin of the indicator's values over the whole city. */
        static int[][] binCounts(IndicatorContext ctx, GradingModel model, GraderParams params) {
            List<GradingModel.Entry> used = used(model, params);
            int[][] out = new int[used.size()][];
            for (int j = 0; j < used.size(); j++) {
                GradingModel.Entry e = used.get(j);
                out[j] = new int[e.bins().length + 1];
                for (double v : ctx.values(e.indicator()).value()) out[j][e.bin(v)]++;
            }
            return out;
        }

        /** Per used entry the points of the most common bin (the lowest such bin on a tie). */
        static double[] usualPoints(List<GradingModel.Entry> used, int[][] binCounts) {
            double[] out = new double[used.size()];
            for (int j = 0; j < used.size(); j++) {
                int[] count = binCounts[j];
                int best = 0;
                for (int b = 1; b < count.length; b++) if (count[b] > count[best]) best = b;
                out[j] = used.get(j).points()[best];
            }
            return out;
        }
    }

    /** Scores without the indicators that read scores: what related firms' scores mean in the second pass. */
    static double[] firstPass(IndicatorContext ctx, GradingModel model, GraderParams params) {
        return grade(ctx, firstPassModel(model), params, false, null, false).score();
    }

    public static GradingModel firstPassModel(GradingModel model) {
        List<GradingModel.Entry> first = model.entries().stream().filter(e -> !e.indicator().usesScores()).toList();
        return model.withEntries(first);
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
