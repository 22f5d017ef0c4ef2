package io.riskgraph.risk.planning;

import io.riskgraph.model.Segment;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Everything a plan is drawn with.
 *
 * @param period            the inspection period
 * @param segment           a segment code to draw from, or null for all enterprises
 * @param ratios            sampling ratio per grade
 * @param seed              random seed of the draw and of the inspector choice
 * @param inspectorsPerTask inspectors per task, at least {@link #INSPECTORS_PER_TASK_MIN}
 * @param ties              what counts as a personal tie
 * @param codeGraceDays     days after the period's last day that a task's code stays valid
 */
public record PlanParams(Period period, String segment, SamplingRatios ratios, long seed, int inspectorsPerTask,
                         TieParams ties, int codeGraceDays) {
    public static final int INSPECTORS_PER_TASK_MIN = 2;
    public static final int INSPECTORS_PER_TASK_DEFAULT = 2;
    public static final int CODE_GRACE_DAYS_DEFAULT = 30;

    public PlanParams {
        if (period == null) throw new IllegalArgumentException("a period is required");
        if (ratios == null) throw new IllegalArgumentException("ratios are required");
        if (ties == null) throw new IllegalArgumentException("tie parameters are required");
        segment = segment == null ? null : segment(segment);
        if (inspectorsPerTask < INSPECTORS_PER_TASK_MIN || inspectorsPerTask > 10) {
            throw new IllegalArgumentException("inspectors per task must be from " + INSPECTORS_PER_TASK_MIN + " to 10, got "
                    + inspectorsPerTask);
        }
        if (codeGraceDays < 0 || codeGraceDays > 366) {
            throw new IllegalArgumentException("code grace days must be from 0 to 366, got " + codeGraceDays);
        }
    }

    public static PlanParams of(Period period, String segment, SamplingRatios ratios, long seed) {
        return new PlanParams(period, segment, ratios, seed, INSPECTORS_PER_TASK_DEFAULT, TieParams.DEFAULT,
                CODE_GRACE_DAYS_DEFAULT);
    }

    /** A segment code (case-insensitive), or an error that lists the known ones. */
    public static String segment(String s) {
        String t = s.strip().toUpperCase(Locale.ROOT);
        try {
            return Segment.valueOf(t).name();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown segment '" + s + "'; segments: " + Arrays.stream(Segment.values())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** The last day a code of this plan is valid. */
    public java.time.LocalDate codeExpires() { return period.last().plusDays(codeGraceDays); }
}
