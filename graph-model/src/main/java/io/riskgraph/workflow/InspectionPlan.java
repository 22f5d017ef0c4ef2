package io.riskgraph.workflow;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A drawn inspection plan, with what is needed to audit it: the seed and ratios of the draw and a hash of the grade
 * snapshot it drew from (uscc → grade of every eligible enterprise, and the day the grades were computed as of).
 *
 * @param planId        stable id, derived from period, segment, seed, ratios and snapshot (the same draw gets the same id)
 * @param period        the period text, e.g. 2026-Q1
 * @param segment       the segment code drawn from, or null for all enterprises
 * @param seed          the random seed of the draw
 * @param ratios        the sampling ratios as written on the command line, e.g. A=0.03,B=0.1,C=0.3,D=0.8
 * @param snapshotHash  SHA-256 (hex) of the sorted uscc:grade lines and the as-of line
 * @param gradesAsOf    the day the grades were computed as of (null when the store does not say)
 * @param eligible      enterprises in the snapshot
 * @param tasks         tasks drawn
 * @param unassigned    tasks without a conflict-free inspector team
 * @param createdAt     when the plan was made
 */
public record InspectionPlan(String planId, String period, String segment, long seed, String ratios,
                             String snapshotHash, LocalDate gradesAsOf, int eligible, int tasks, int unassigned,
                             Instant createdAt) {
    public InspectionPlan {
        if (planId == null || planId.isBlank()) throw new IllegalArgumentException("planId is required");
        if (period == null || period.isBlank()) throw new IllegalArgumentException("period is required");
    }
}
