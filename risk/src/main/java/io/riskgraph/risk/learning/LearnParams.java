package io.riskgraph.risk.learning;

/**
 * How {@code learn} fits and checks a model (docs/models.md, "Learning").
 *
 * @param kind            TREES (gradient-boosted trees, the default) or SCORECARD (a logistic regression, XGBoost's
 *                        linear booster, whose per-feature terms are the points)
 * @param windowDays      length of a label window; the test window is the last one before the as-of day
 * @param maxWindows      label windows before the test window that training may use
 * @param randomWeight    weight of a firm drawn at random relative to a targeted one; 0 = automatic (the random draws
 *                        together weigh as much as the targeted firms), 1 = no correction
 * @param gradeShares     the shares of the population graded D, C and B (the rest A), riskiest first
 * @param coverage        the share inspected for the hit rate and lift
 * @param segmentMinimum  labelled firms a segment needs in training for a professional model of its own
 * @param segmentMinimumPositives positives a segment needs for one
 * @param maxRows         labelled rows a fit uses at most: training windows stop being added once they hold this many,
 *                        and a fit over more draws this many uniformly (a city of millions labels hundreds of
 *                        thousands of firms per window; the back-test's AUC no longer moves well before that)
 * @param populationSample firms whose scores place the grade cut-offs at most; a larger population is sampled
 *                        uniformly (quantiles of a 250,000-firm sample are within about 0.1 % of share)
 */
public record LearnParams(Kind kind, int windowDays, int maxWindows, double randomWeight, double[] gradeShares,
                          double coverage, int segmentMinimum, int segmentMinimumPositives, long seed, int maxRows,
                          int populationSample) {
    public enum Kind { TREES, SCORECARD }

    public static final int WINDOW_DAYS_DEFAULT = 183;
    public static final int MAX_WINDOWS_DEFAULT = 4;
    public static final double[] GRADE_SHARES_DEFAULT = {0.05, 0.15, 0.30};
    public static final int SEGMENT_MINIMUM_DEFAULT = 1_000, SEGMENT_MINIMUM_POSITIVES_DEFAULT = 100;
    public static final int MAX_ROWS_DEFAULT = 200_000, POPULATION_SAMPLE_DEFAULT = 250_000;
    /** Below these, learning refuses: the out-of-time check would mean nothing. */
    public static final int MIN_LABELLED = 200, MIN_CLASS = 20;

    public static final LearnParams DEFAULT = new LearnParams(Kind.TREES, WINDOW_DAYS_DEFAULT, MAX_WINDOWS_DEFAULT, 0,
            GRADE_SHARES_DEFAULT, 0.30, SEGMENT_MINIMUM_DEFAULT, SEGMENT_MINIMUM_POSITIVES_DEFAULT, 42, MAX_ROWS_DEFAULT, POPULATION_SAMPLE_DEFAULT);

    public LearnParams {
        if (kind == null) throw new IllegalArgumentException("kind is required");
        if (windowDays < 30 || windowDays > 1096) throw new IllegalArgumentException("the window must be 30..1096 days, got " + windowDays);
        if (maxWindows < 1 || maxWindows > 12) throw new IllegalArgumentException("training windows must be 1..12, got " + maxWindows);
        if (!(randomWeight >= 0) || randomWeight > 1000) throw new IllegalArgumentException("random weight must be 0 (auto) .. 1000, got " + randomWeight);
        if (gradeShares == null || gradeShares.length != 3) throw new IllegalArgumentException("grade shares are three: D, C, B");
        double sum = 0;
        for (double s : gradeShares) {
            if (!(s > 0 && s < 1)) throw new IllegalArgumentException("each grade share must be in (0, 1), got " + s);
            sum += s;
        }
        if (sum >= 1) throw new IllegalArgumentException("grade shares D+C+B must leave some firms A, got " + sum);
        gradeShares = gradeShares.clone();
        if (!(coverage > 0 && coverage <= 1)) throw new IllegalArgumentException("coverage must be in (0, 1], got " + coverage);
        if (segmentMinimum < 1 || segmentMinimumPositives < 1) throw new IllegalArgumentException("segment minimums must be positive");
        if (maxRows < MIN_LABELLED) throw new IllegalArgumentException("rows per fit must be at least " + MIN_LABELLED + ", got " + maxRows);
        if (populationSample < 1_000) throw new IllegalArgumentException("the population sample must be at least 1,000 firms, got " + populationSample);
    }

    public LearnParams withKind(Kind k) { return new LearnParams(k, windowDays, maxWindows, randomWeight, gradeShares, coverage, segmentMinimum, segmentMinimumPositives, seed, maxRows, populationSample); }
    public LearnParams withWindowDays(int d) { return new LearnParams(kind, d, maxWindows, randomWeight, gradeShares, coverage, segmentMinimum, segmentMinimumPositives, seed, maxRows, populationSample); }
    public LearnParams withRandomWeight(double w) { return new LearnParams(kind, windowDays, maxWindows, w, gradeShares, coverage, segmentMinimum, segmentMinimumPositives, seed, maxRows, populationSample); }
    public LearnParams withGradeShares(double[] s) { return new LearnParams(kind, windowDays, maxWindows, randomWeight, s, coverage, segmentMinimum, segmentMinimumPositives, seed, maxRows, populationSample); }
    public LearnParams withSegmentMinimum(int labelled, int positives) { return new LearnParams(kind, windowDays, maxWindows, randomWeight, gradeShares, coverage, labelled, positives, seed, maxRows, populationSample); }
    public LearnParams withLimits(int rows, int sample) { return new LearnParams(kind, windowDays, maxWindows, randomWeight, gradeShares, coverage, segmentMinimum, segmentMinimumPositives, seed, rows, sample); }
}
