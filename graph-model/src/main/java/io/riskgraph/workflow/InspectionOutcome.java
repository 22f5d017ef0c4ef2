package io.riskgraph.workflow;

import java.time.LocalDate;
import java.util.Set;

/**
 * What an inspection found, as it comes back for a task (an ingested inspections row carrying the task's code, or a
 * result posted to the API).
 *
 * @param taskId       the task it closes
 * @param inspectionId the Inspection event's id
 * @param date         the day of the inspection
 * @param result       NO_ISSUES or ISSUES_FOUND (the data contract's values)
 * @param issues       issues found (0 when none)
 * @param rectified    whether the issues were rectified (null when none or not known)
 */
public record InspectionOutcome(String taskId, String inspectionId, LocalDate date, String result, int issues,
                                Boolean rectified) {
    public static final Set<String> RESULTS = Set.of("NO_ISSUES", "ISSUES_FOUND");

    public InspectionOutcome {
        if (taskId == null || taskId.isBlank()) throw new IllegalArgumentException("taskId is required");
        if (inspectionId == null || inspectionId.isBlank()) throw new IllegalArgumentException("inspectionId is required");
        if (date == null) throw new IllegalArgumentException("date is required (ISO, e.g. 2026-02-15)");
        if (result == null || !RESULTS.contains(result)) {
            throw new IllegalArgumentException("result must be NO_ISSUES or ISSUES_FOUND, got '" + result + "'");
        }
        if (issues < 0) throw new IllegalArgumentException("issues must not be negative, got " + issues);
    }
}
