package io.riskgraph.risk.learning;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.WeakHashMap;

/** The one caller of XGBoost: fitting, margins, SHAP contributions, model bytes. */
public final class Trees {
    /**
     * Boosting rounds at most; early stopping on an inner holdout picks the number. Every tree costs in every firm's
     * SHAP reasons at each grade: 20,000- and 100,000-firm cities stop at about 130 and 370 rounds, while a 2.9 M
     * city's 200,000 rows ran to the former cap of 800, and its TreeSHAP over 2.9 M firms then took longer than the
     * 5 minutes a whole grade has.
     */
    public static final int MAX_ROUNDS = 400, EARLY_STOP = 40;
    public static final int DEPTH = 3;
    public static final double ETA = 0.05;
    /** The share of training rows held out to pick the number of rounds, before the final refit on all of them. */
    public static final double INNER_HOLDOUT = 0.2;

    /**
     * XGBoost's threads: half the cores (at least one), or the system property {@code riskgraph.xgb.threads}. Its
     * OpenMP threads wait for each other at every tree level; when they cannot all run at once (the database and the
     * JVM hold cores too) each wait costs a scheduler slice: at 100,000 firms on 2 cores under load 5, 2 threads took
     * 93-122 s and 1 thread 56-58 s (BENCHMARKS.md, "Learning").
     */
    public static final int THREADS = Integer.getInteger("riskgraph.xgb.threads",
            Math.max(1, Runtime.getRuntime().availableProcessors() / 2));

    /**
     * Threads for prediction and SHAP contributions: every core by default (rows are split into blocks with one wait
     * per call, unlike training's wait per tree level), or the system property {@code riskgraph.xgb.predictThreads}.
     */
    public static final int PREDICT_THREADS = Integer.getInteger("riskgraph.xgb.predictThreads",
            Runtime.getRuntime().availableProcessors());

    private Trees() {}

    /** Sets a booster's threads for prediction (training set its own); once, before it is shared. */
    private static Booster forPrediction(Booster b) throws XGBoostError {
        b.setParam("nthread", PREDICT_THREADS);
        return b;
    }

    static Map<String, Object> params(LearnParams.Kind kind, List<Feature> features, long seed) {
        Map<String, Object> p = new HashMap<>();
        p.put("objective", "binary:logistic");
        p.put("eval_metric", "auc");
        p.put("seed", (int) seed);
        p.put("nthread", THREADS);
        p.put("verbosity", 0);
        // XGBoost4J compares it with the string "false": a Boolean would print every round's evaluation
        p.put("verbose_eval", "false");
        p.put("booster", "gbtree");
        p.put("tree_method", "hist");
        // a scorecard is additive: one-split trees give each feature its own points per bin, summed in log-odds
        p.put("max_depth", kind == LearnParams.Kind.SCORECARD ? 1 : DEPTH);
        p.put("eta", ETA);
        p.put("subsample", 0.8);
        p.put("colsample_bytree", 0.8);
        p.put("min_child_weight", 5);
        p.put("lambda", 1.0);
        StringBuilder mono = new StringBuilder("(");
        for (int j = 0; j < features.size(); j++) mono.append(j == 0 ? "" : ",").append(features.get(j).monotone());
        p.put("monotone_constraints", mono.append(')').toString());
        return p;
    }

    /** A fitted booster and the rounds early stopping chose. */
    public record Fit(Booster booster, int rounds) {}

    /**
     * Fits on the rows: picks the number of rounds by early stopping on a random inner holdout, then refits on every
     * row with that number. {@code rows} is row-major, {@code weight} may be null.
     */
    public static Fit fit(float[] rows, int nrow, List<Feature> features, float[] label, float[] weight,
                          LearnParams.Kind kind, long seed) {
        return fit(rows, nrow, features, label, weight, kind, seed, 0);
    }

    /**
     * The same with a given number of rounds ({@code rounds > 0}: no holdout, one fit on every row; 0: chosen by early
     * stopping as above). A refit with the rounds a back-test chose costs one fit instead of two.
     */
    public static Fit fit(float[] rows, int nrow, List<Feature> features, float[] label, float[] weight,
                          LearnParams.Kind kind, long seed, int rounds) {
        if (rounds < 0) throw new IllegalArgumentException("rounds must be 0 (early stopping) or positive, got " + rounds);
        int ncol = features.size();
        try {
            Map<String, Object> p = params(kind, features, seed);
            DMatrix all = matrix(rows, nrow, ncol, label, weight);
            if (rounds == 0) rounds = earlyStoppingRounds(all, nrow, p, seed);
            Booster b = XGBoost.train(all, p, rounds, Map.of(), null, null);
            all.dispose();
            return new Fit(forPrediction(b), rounds);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to fit: " + e.getMessage(), e);
        }
    }

    /** The rounds early stopping picks on a seeded inner holdout of {@code all}'s rows. */
    private static int earlyStoppingRounds(DMatrix all, int nrow, Map<String, Object> p, long seed) throws XGBoostError {
        int[] order = shuffled(nrow, seed);
        int hold = Math.max(1, (int) (nrow * INNER_HOLDOUT));
        int[] in = Arrays.copyOfRange(order, hold, nrow), out = Arrays.copyOfRange(order, 0, hold);
        Arrays.sort(in);
        Arrays.sort(out);
        DMatrix train = all.slice(in), valid = all.slice(out);
        Map<String, DMatrix> watches = new java.util.LinkedHashMap<>();
        watches.put("valid", valid);
        float[][] metrics = new float[1][MAX_ROUNDS];
        Booster probe = XGBoost.train(train, p, MAX_ROUNDS, watches, metrics, null, null, EARLY_STOP);
        int rounds = bestRounds(probe, metrics[0]);
        probe.dispose();
        train.dispose();
        valid.dispose();
        return rounds;
    }

    private static int bestRounds(Booster probe, float[] auc) throws XGBoostError {
        String best = probe.getAttr("best_iteration");
        if (best != null) return Integer.parseInt(best.strip()) + 1;
        int at = 0;
        for (int i = 1; i < auc.length; i++) if (auc[i] > auc[at]) at = i;
        return at + 1;
    }

    static DMatrix matrix(float[] rows, int nrow, int ncol, float[] label, float[] weight) throws XGBoostError {
        DMatrix m = new DMatrix(rows, nrow, ncol, Float.NaN);
        if (label != null) m.setLabel(label);
        if (weight != null) m.setWeight(weight);
        return m;
    }

    static int[] shuffled(int n, long seed) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        Random r = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i]; a[i] = a[j]; a[j] = t;
        }
        return a;
    }

    /** Log-odds per row. */
    public static float[] margins(Booster b, float[] rows, int nrow, int ncol) {
        try {
            DMatrix m = matrix(rows, nrow, ncol, null, null);
            float[][] p = b.predict(m, true);
            m.dispose();
            float[] out = new float[nrow];
            for (int i = 0; i < nrow; i++) out[i] = p[i][0];
            return out;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to predict: " + e.getMessage(), e);
        }
    }

    /** Per booster its SHAP tables, built at its first explanation (an empty Optional: a tree too deep for tables). */
    private static final Map<Booster, Optional<TreeShap>> EXPLAINERS = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Per row the SHAP contribution of each feature in log-odds, and the bias last: they add up to the margin. The
     * values are XGBoost's exact path-dependent TreeSHAP, computed from {@link TreeShap}'s tables when the trees are
     * shallow enough (every model {@code learn} fits), by XGBoost otherwise.
     */
    public static float[][] contributions(Booster b, float[] rows, int nrow, int ncol) {
        TreeShap tables = explainer(b, ncol);
        if (tables != null) return tables.contributions(rows, nrow);
        return xgboostContributions(b, rows, nrow, ncol);
    }

    /** The booster's SHAP tables, or null when a tree has too many splits for one. */
    static TreeShap explainer(Booster b, int ncol) {
        return EXPLAINERS.computeIfAbsent(b, x -> {
            try {
                TreeShap t = TreeShap.of(x.toByteArray("json"), ncol);
                if (t == null) return Optional.empty();
                // the base margin as this XGBoost applies it, read off one prediction (a row of missing values)
                float[] probe = new float[ncol];
                Arrays.fill(probe, Float.NaN);
                double margin = margins(x, probe, 1, ncol)[0];
                return Optional.of(t.withBaseMargin(margin - t.margin(probe, 0)));
            } catch (XGBoostError e) {
                throw new IllegalStateException("XGBoost failed to save a model as JSON: " + e.getMessage(), e);
            }
        }).orElse(null);
    }

    /** XGBoost's own TreeSHAP, for trees too deep for {@link TreeShap}'s tables (and to check them). */
    static float[][] xgboostContributions(Booster b, float[] rows, int nrow, int ncol) {
        try {
            DMatrix m = matrix(rows, nrow, ncol, null, null);
            float[][] c = b.predictContrib(m, 0);
            m.dispose();
            return c;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to explain: " + e.getMessage(), e);
        }
    }

    public static byte[] bytes(Booster b) {
        try {
            return b.toByteArray("ubj");
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to save a model: " + e.getMessage(), e);
        }
    }

    /** A booster from its saved bytes; a damaged file is an IllegalArgumentException naming {@code what}. */
    public static Booster load(byte[] bytes, String what) {
        try {
            return forPrediction(XGBoost.loadModel(bytes));
        } catch (XGBoostError | IOException | RuntimeException e) {
            throw new IllegalArgumentException(what + " is not a readable XGBoost model: " + e.getMessage());
        }
    }
}
