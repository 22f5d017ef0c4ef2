package io.riskgraph.algorithms.grading;

import java.util.List;

/**
 * A grading model: per indicator a weight and a scoring rule (ascending bin edges; points per bin, 0..100), and
 * grade cut-offs on the 0-100 score. The score is the weight-averaged points, so it stays in 0..100 whatever the
 * number of indicators and higher means riskier.
 */
public record GradingModel(String id, int version, String source, List<Entry> entries, double cutB, double cutC,
                           double cutD) {
    public static final String RESOURCE = "/io/riskgraph/models/general-v1.properties";

    /**
     * One indicator in the model. A value below {@code bins[0]} gets {@code points[0]}, a value in
     * [bins[j-1], bins[j]) gets {@code points[j]}, a value at or above the last edge the last points.
     */
    public record Entry(Indicator indicator, double weight, double[] bins, double[] points) {
        public double points(double value) {
            if (Double.isNaN(value)) return points[0];
            int j = 0;
            while (j < bins.length && value >= bins[j]) j++;
            return points[j];
        }
    }

    public GradingModel {
        if (entries == null || entries.isEmpty()) throw new IllegalArgumentException("a model needs indicators");
        if (!(0 < cutB && cutB < cutC && cutC < cutD && cutD <= 100)) {
            throw new IllegalArgumentException("cut-offs must satisfy 0 < B < C < D <= 100");
        }
        entries = List.copyOf(entries);
    }

    /** The name written onto graded nodes, e.g. {@code general-v1}. */
    public String name() { return id + "-v" + version; }

    public char grade(double score) {
        return score >= cutD ? 'D' : score >= cutC ? 'C' : score >= cutB ? 'B' : 'A';
    }

    /** The shipped general model. */
    public static GradingModel general() {
        return ModelParser.parseResource(RESOURCE);
    }
}
