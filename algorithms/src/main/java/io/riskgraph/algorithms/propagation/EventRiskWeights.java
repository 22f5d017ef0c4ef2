package io.riskgraph.algorithms.propagation;

/**
 * Own risk each event adds to the enterprise or person it concerns. A node's own risk is the plain sum over its
 * events, so that the grading issue can read it back as "so many penalty-equivalents". The defaults rank events by
 * how much they say about a firm's conduct, taking one penalty as the unit:
 *
 * <ul>
 *   <li>{@link #FAILED_SAMPLE_DEFAULT} 1.0: a failed sampling test is direct evidence of an unsafe product, as
 *       strong as a penalty; it counts for both the firm where it was sampled and the producer;</li>
 *   <li>{@link #PENALTY_DEFAULT} 1.0: an administrative penalty of any kind (the unit);</li>
 *   <li>{@link #DISHONEST_EXECUTEE_DEFAULT} 2.0: being listed as a dishonest judgment debtor (active, not cleared)
 *       is a court's finding of bad faith, and bars the subject from much of economic life;</li>
 *   <li>{@link #VERIFIED_COMPLAINT_DEFAULT} 0.5: a verified consumer complaint, frequent and less severe;</li>
 *   <li>{@link #OPEN_ALERT_DEFAULT} 0.3: an open (not yet disposed) video alert such as a kitchen worker without a
 *       hat; many, minor, and often disposed within days.</li>
 * </ul>
 */
public record EventRiskWeights(double failedSample, double penalty, double dishonestExecutee,
                               double verifiedComplaint, double openAlert) {
    public static final double FAILED_SAMPLE_DEFAULT = 1.0;
    public static final double PENALTY_DEFAULT = 1.0;
    public static final double DISHONEST_EXECUTEE_DEFAULT = 2.0;
    public static final double VERIFIED_COMPLAINT_DEFAULT = 0.5;
    public static final double OPEN_ALERT_DEFAULT = 0.3;

    public static final EventRiskWeights DEFAULT = new EventRiskWeights(FAILED_SAMPLE_DEFAULT, PENALTY_DEFAULT,
            DISHONEST_EXECUTEE_DEFAULT, VERIFIED_COMPLAINT_DEFAULT, OPEN_ALERT_DEFAULT);

    public EventRiskWeights {
        check("failedSample", failedSample);
        check("penalty", penalty);
        check("dishonestExecutee", dishonestExecutee);
        check("verifiedComplaint", verifiedComplaint);
        check("openAlert", openAlert);
    }

    private static void check(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " weight must be finite and not negative, got " + v);
        }
    }
}
