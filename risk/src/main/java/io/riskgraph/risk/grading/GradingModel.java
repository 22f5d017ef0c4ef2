package io.riskgraph.risk.grading;

import java.util.List;

/**
 * A grading model: per indicator a weight and a scoring rule (ascending bin edges; points per bin, 0..100), and
 * grade cut-offs on the 0-100 score. The score is the weight-averaged points, so it stays in 0..100 whatever the
 * number of indicators and higher means riskier.
 *
 * <p>A professional model also has a {@link Scope} (the segments and subgroup it refines, and how much its view
 * counts in the blend with the general model); a model may carry a {@link ScoreLogit} (the fitted log-odds of a
 * violation as a function of its score, which puts two models' scores on one scale) and a {@link TriggerRule}
 * (trigger supervision: factors that set a minimum grade at once). docs/models.md says how they combine.
 */
public record GradingModel(String id, int version, String source, List<Entry> entries, double cutB, double cutC,
                           double cutD, Scope scope, ScoreLogit logit, TriggerRule trigger) {
    public static final String RESOURCE = "/io/riskgraph/models/general-v2.properties";

    /**
     * One indicator in the model. A value below {@code bins[0]} gets {@code points[0]}, a value in
     * [bins[j-1], bins[j]) gets {@code points[j]}, a value at or above the last edge the last points.
     */
    public record Entry(Indicator indicator, double weight, double[] bins, double[] points) {
        public double points(double value) { return points[bin(value)]; }

        /** The bin of a value (NaN in the first). */
        public int bin(double value) {
            int j = 0;
            if (!Double.isNaN(value)) while (j < bins.length && value >= bins[j]) j++;
            return j;
        }
    }

    /**
     * Where a professional model applies: firms in any of {@code segments} that are in {@code subgroup}; its
     * (mapped) score counts {@code blend} in the final score, the general model's the rest (0: not fitted yet, the
     * general grade stands).
     */
    public record Scope(List<String> segments, Subgroup subgroup, double blend) {
        public Scope {
            if (segments == null || segments.isEmpty()) throw new IllegalArgumentException("a scope needs segments");
            segments = List.copyOf(segments);
            if (subgroup == null) subgroup = Subgroup.ALL;
            if (!(blend >= 0 && blend <= 1)) throw new IllegalArgumentException("blend must be in [0, 1], got " + blend);
        }
    }

    /** log-odds of a violation = intercept + slope × score / 100 (fitted by the tuner on its city). */
    public record ScoreLogit(double intercept, double slope) {
        public ScoreLogit {
            if (!Double.isFinite(intercept) || !(slope > 0) || Double.isInfinite(slope)) {
                throw new IllegalArgumentException("score.logit needs a finite intercept and a positive slope");
            }
        }

        public double logOdds(double score) { return intercept + slope * score / 100; }

        /** The score at which this line gives {@code logOdds}, clamped to 0..100. */
        public double score(double logOdds) { return Math.min(100, Math.max(0, 100 * (logOdds - intercept) / slope)); }
    }

    /**
     * Trigger supervision: when any of the indicators has a value of at least 1 the grade is at least
     * {@code single}; when two or more do, at least {@code multiple}.
     */
    public record TriggerRule(List<Indicator> indicators, char single, char multiple) {
        public TriggerRule {
            if (indicators == null || indicators.isEmpty()) throw new IllegalArgumentException("a trigger needs indicators");
            indicators = List.copyOf(indicators);
            if (single < 'A' || single > 'D' || multiple < single || multiple > 'D') {
                throw new IllegalArgumentException("trigger grades must be A..D with multiple at least single");
            }
        }
    }

    public GradingModel {
        if (entries == null || entries.isEmpty()) throw new IllegalArgumentException("a model needs indicators");
        if (!(0 < cutB && cutB < cutC && cutC < cutD && cutD <= 100)) {
            throw new IllegalArgumentException("cut-offs must satisfy 0 < B < C < D <= 100");
        }
        entries = List.copyOf(entries);
    }

    public GradingModel(String id, int version, String source, List<Entry> entries, double cutB, double cutC, double cutD) {
        this(id, version, source, entries, cutB, cutC, cutD, null, null, null);
    }

    /** The name written onto graded nodes, e.g. {@code general-v2}. */
    public String name() { return id + "-v" + version; }

    public boolean professional() { return scope != null; }

    public char grade(double score) {
        return score >= cutD ? 'D' : score >= cutC ? 'C' : score >= cutB ? 'B' : 'A';
    }

    /** The same model without some entries (and without the trigger, which only the final grade applies). */
    public GradingModel withEntries(List<Entry> kept) {
        return new GradingModel(id, version, source, kept, cutB, cutC, cutD, scope, logit, null);
    }

    /** The shipped general model. */
    public static GradingModel general() {
        return ModelParser.parseResource(RESOURCE);
    }
}
