package io.riskgraph.risk.learning;

import io.riskgraph.risk.grading.Grader;
import io.riskgraph.risk.grading.GraderParams;
import io.riskgraph.risk.grading.IncrementalGrader;
import io.riskgraph.risk.grading.IndicatorContext;
import io.riskgraph.risk.grading.RiskModel;
import ml.dmlc.xgboost4j.java.Booster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * A grading model learned from outcomes: a general booster, boosters for the segments where one beat the general
 * model out of time, and the score cut-offs of the grades. A firm's score is 100 × its predicted probability of the
 * outcome; its reasons are the features with the largest SHAP contributions (log-odds), which add up, with the bias,
 * to the firm's log-odds.
 *
 * @param cuts              score at or above which a firm is D, C, B (riskiest first)
 * @param expectedDetection per grade A..D the share of labelled firms with the outcome in the back-test (NaN: none)
 * @param segments          segment → booster, for firms in that segment (the first of a firm's segments in this order)
 */
public record LearnedModel(int version, LearnParams.Kind kind, LocalDate asOf, List<Feature> features, Booster general,
                           Map<String, Booster> segments, double[] cuts, double[] expectedDetection)
        implements RiskModel, IncrementalGrader.Overlay {
    /** Rows predicted at once: bounds the float matrix XGBoost gets (rows × features × 4 bytes). */
    public static final int CHUNK = 50_000;
    /** Below this (in log-odds) a feature does not set a firm apart. */
    public static final double MIN_REASON = 0.01;

    public LearnedModel {
        features = List.copyOf(features);
        segments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(segments));
        if (cuts.length != 3 || !(cuts[0] >= cuts[1] && cuts[1] >= cuts[2])) throw new IllegalArgumentException("cuts must be D >= C >= B");
    }

    public LearnedModel withVersion(int v) {
        return new LearnedModel(v, kind, asOf, features, general, segments, cuts, expectedDetection);
    }

    @Override
    public String name() { return "learned-v" + version; }

    @Override
    public int professionalCount() { return segments.size(); }

    public char grade(double score) {
        return score >= cuts[0] ? 'D' : score >= cuts[1] ? 'C' : score >= cuts[2] ? 'B' : 'A';
    }

    @Override
    public Grader.Grades grade(IndicatorContext ctx, GraderParams params) {
        int n = ctx.n;
        List<List<Grader.Reason>> reasons = new ArrayList<>(n);
        for (int i = 0; i < n; i++) reasons.add(List.of());
        Grader.Grades g = new Grader.Grades(null, new double[n], new char[n], reasons, new String[n]);
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        rescore(ctx, g, all, params);
        return g;
    }

    /** Scores the firms into {@code g} (in place); returns those whose score, grade, model or reasons changed. */
    @Override
    public int[] rescore(IndicatorContext ctx, Grader.Grades g, int[] firms, GraderParams params) {
        // per firm the booster that scores it: 0 = general, k = the k-th segment model
        List<String> segNames = List.copyOf(segments.keySet());
        List<Booster> boosters = new ArrayList<>();
        boosters.add(general);
        boosters.addAll(segments.values());
        List<List<Integer>> byBooster = new ArrayList<>();
        for (int b = 0; b < boosters.size(); b++) byBooster.add(new ArrayList<>());
        for (int f : firms) byBooster.get(boosterOf(ctx.data.segments[f], segNames)).add(f);
        double[][] columns = null;
        List<Integer> changed = new ArrayList<>();
        int m = features.size();
        for (int b = 0; b < boosters.size(); b++) {
            List<Integer> list = byBooster.get(b);
            String modelName = b == 0 ? name() : name() + "+" + segNames.get(b - 1);
            for (int from = 0; from < list.size(); from += CHUNK) {
                int k = Math.min(CHUNK, list.size() - from);
                int[] chunk = new int[k];
                for (int x = 0; x < k; x++) chunk[x] = list.get(from + x);
                float[] rows;
                if (firms.length == ctx.n) {
                    if (columns == null) columns = FeatureMatrix.columns(ctx, features);
                    rows = FeatureMatrix.rows(columns, chunk);
                } else {
                    rows = FeatureMatrix.rowsOf(ctx, features, chunk);
                }
                float[][] contrib = Trees.contributions(boosters.get(b), rows, k, m);
                for (int x = 0; x < k; x++) {
                    int f = chunk[x];
                    double margin = 0;
                    for (float c : contrib[x]) margin += c;
                    double score = score(margin);
                    char grade = grade(score);
                    List<Grader.Reason> rs = reasons(contrib[x], rows, x * m, params.topReasons());
                    if (g.score()[f] != score || g.grade()[f] != grade || !modelName.equals(g.modelName()[f])
                            || !rs.equals(g.reasons().get(f))) {
                        changed.add(f);
                    }
                    g.score()[f] = score;
                    g.grade()[f] = grade;
                    g.modelName()[f] = modelName;
                    g.reasons().set(f, rs);
                }
            }
        }
        return changed.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /**
     * Firms where only library indicators changed, outside the reach (every member of a group whose share in trouble
     * moved): a firm whose changed values go the same way at every split of its booster's trees keeps its score and
     * contributions, which depend only on the directions, and its reasons show the new values; the others are
     * re-scored. At 2.9 M firms a component's share moves for a million firms, few of them across a split.
     */
    @Override
    public int[] rescoreChanged(IndicatorContext ctx, Grader.Grades g, int[] firms,
                                Map<String, IncrementalGrader.Change> changed, GraderParams params) {
        List<String> segNames = List.copyOf(segments.keySet());
        List<Booster> boosters = new ArrayList<>();
        boosters.add(general);
        boosters.addAll(segments.values());
        List<TreeShap> tables = boosters.stream().map(b -> Trees.explainer(b, features.size())).toList();
        BitSet asked = new BitSet(ctx.n), rescore = new BitSet(ctx.n);
        for (int f : firms) asked.set(f);
        Map<String, Integer> column = new java.util.HashMap<>();
        for (int j = 0; j < features.size(); j++) column.put(features.get(j).code(), j);
        for (Map.Entry<String, IncrementalGrader.Change> e : changed.entrySet()) {
            Integer j = column.get(e.getKey());
            if (j == null) continue;
            IncrementalGrader.Change c = e.getValue();
            for (int k = 0; k < c.at().length; k++) {
                int f = c.at()[k];
                if (!asked.get(f) || rescore.get(f)) continue;
                TreeShap t = tables.get(boosterOf(ctx.data.segments[f], segNames));
                if (t == null || !t.sameSides(j, (float) c.before()[k], (float) c.after()[k])) rescore.set(f);
            }
        }
        BitSet out = new BitSet(ctx.n);
        for (int f : rescore(ctx, g, rescore.stream().toArray(), params)) out.set(f);
        // the others keep their score; a reason naming a changed feature shows its new value (as a row holds it)
        for (Map.Entry<String, IncrementalGrader.Change> e : changed.entrySet()) {
            IncrementalGrader.Change c = e.getValue();
            for (int k = 0; k < c.at().length; k++) {
                int f = c.at()[k];
                if (!asked.get(f) || rescore.get(f)) continue;
                List<Grader.Reason> rs = g.reasons().get(f);
                for (int r = 0; r < rs.size(); r++) {
                    Grader.Reason x = rs.get(r);
                    if (!x.code().equals(e.getKey())) continue;
                    double shown = (float) c.after()[k];
                    if (Double.compare(shown, x.value()) == 0) continue;
                    List<Grader.Reason> now = new ArrayList<>(rs);
                    now.set(r, new Grader.Reason(x.code(), x.nameZh(), x.nameEn(), x.category(), shown, x.points(),
                            x.contribution(), x.source()));
                    g.reasons().set(f, List.copyOf(now));
                    out.set(f);
                    break;
                }
            }
        }
        return out.stream().toArray();
    }

    /**
     * What an event at the seeds can change: the firms within two hops (the related-party features' reach), and when
     * the model reads propagated risk, the firms whose propagated risk the event changed (up to the propagation's hops).
     */
    @Override
    public BitSet reach(IndicatorContext ctx, BitSet seeds) {
        BitSet out = FeatureMatrix.reach(ctx, seeds);
        if (features.stream().anyMatch(FeatureMatrix.PROPAGATED::contains)) out.or(AsOfPropagation.changed(ctx));
        return out;
    }

    /** The library indicators among the features (the rest are computed here: related parties, propagation). */
    @Override
    public java.util.Collection<io.riskgraph.risk.grading.Indicator> indicators() {
        return features.stream().map(f -> io.riskgraph.risk.grading.IndicatorLibrary.get(f.code()))
                .filter(java.util.Objects::nonNull).toList();
    }

    /** 100 × the probability, to 4 decimals (fewer would tie many low-risk firms). */
    public static double score(double margin) {
        return Math.round(10_000 * 100 / (1 + Math.exp(-margin))) / 10_000.0;
    }

    private int boosterOf(String[] firmSegments, List<String> segNames) {
        if (firmSegments == null || segNames.isEmpty()) return 0;
        for (int s = 0; s < segNames.size(); s++) {
            for (String fs : firmSegments) if (segNames.get(s).equals(fs)) return s + 1;
        }
        return 0;
    }

    private List<Grader.Reason> reasons(float[] contrib, float[] rows, int rowAt, int top) {
        List<Grader.Reason> out = new ArrayList<>(top);
        boolean[] taken = new boolean[features.size()];
        for (int r = 0; r < top; r++) {
            int best = -1;
            for (int j = 0; j < features.size(); j++) {
                if (!taken[j] && contrib[j] >= MIN_REASON && (best < 0 || contrib[j] > contrib[best])) best = j;
            }
            if (best < 0) break;
            taken[best] = true;
            Feature f = features.get(best);
            out.add(new Grader.Reason(f.code(), f.nameZh(), f.nameEn(), f.category(), rows[rowAt + best], Double.NaN,
                    Math.round(contrib[best] * 100) / 100.0, null));
        }
        return List.copyOf(out);
    }
}
