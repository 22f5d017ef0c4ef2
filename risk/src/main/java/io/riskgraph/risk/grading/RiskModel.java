package io.riskgraph.risk.grading;

/**
 * What grades every enterprise of a context: the shipped scorecards ({@link ModelSet}, the prior) or a model learned
 * from the store's own outcomes ({@code io.riskgraph.risk.learning.LearnedModel}). Commands grade through this and
 * never ask which kind they hold.
 */
public interface RiskModel {
    /** The name written onto graded nodes and printed, e.g. {@code general-v2} or {@code learned-v3}. */
    String name();

    /** Scores, grades and reasons for every enterprise of the context. */
    Grader.Grades grade(IndicatorContext ctx, GraderParams params);

    /** How many segment models refine the general one. */
    int professionalCount();
}
