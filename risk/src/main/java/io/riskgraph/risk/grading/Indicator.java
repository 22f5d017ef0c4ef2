package io.riskgraph.risk.grading;

import java.util.function.Function;

/**
 * One indicator: a stable code, names, category, the window it looks back over (days before the "as of" date,
 * 0 = not windowed), what it computes (for the documentation) and the computation itself, over all enterprises
 * at once. An indicator that {@code usesScores} reads related firms' scores from a first grading pass without such
 * indicators (a firm's risk is best judged by its related firms' whole profile, not their raw events); related means
 * through the roles of the firm's persons or its links, and only those: an incremental re-grade computes it for the
 * firms around a changed score on the small city around them ({@link SubCity}). {@code inputs}
 * are what it reads that an incremental re-grade can change (besides, for {@code usesScores}, the first-pass scores):
 * an indicator whose inputs did not change keeps its values. {@code groups} are the firm groups whose other members
 * it reads; without any, a firm's value reads only the firm, its persons with all their roles and those roles'
 * firms, and its links' other ends, which lets a re-grade compute it on the small city around a change
 * ({@link SubCity}).
 */
public record Indicator(String code, String nameZh, String nameEn, Category category, int windowDays,
                        String computation, Function<IndicatorContext, Values> compute, boolean usesScores,
                        java.util.Set<GradingInput> inputs, java.util.Set<GroupKey> groups) {
    /** Per enterprise index a value, and for network indicators where the risk comes from (null when none). */
    public record Values(double[] value, String[] source) {
        public Values(double[] value) { this(value, null); }
    }

    public Indicator {
        if (code == null || !code.matches("[BDSNEG]\\d{2}")) throw new IllegalArgumentException("bad indicator code " + code);
        if (windowDays < 0) throw new IllegalArgumentException("window must not be negative, got " + windowDays);
        if (inputs == null) throw new IllegalArgumentException(code + ": inputs are required (empty when none can change)");
        inputs = java.util.Set.copyOf(inputs);
        groups = groups == null ? java.util.Set.of() : java.util.Set.copyOf(groups);
    }

    public Indicator(String code, String nameZh, String nameEn, Category category, int windowDays, String computation,
                     Function<IndicatorContext, Values> compute, boolean usesScores, java.util.Set<GradingInput> inputs) {
        this(code, nameZh, nameEn, category, windowDays, computation, compute, usesScores, inputs, null);
    }

    /** This indicator, declared to read the other members of these groups. */
    Indicator readingGroups(GroupKey... keys) {
        return new Indicator(code, nameZh, nameEn, category, windowDays, computation, compute, usesScores, inputs,
                java.util.Set.of(keys));
    }
}
