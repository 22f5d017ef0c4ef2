package io.riskgraph.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One enterprise to inspect in a plan.
 *
 * @param taskId           unique: the plan id and a sequence number
 * @param planId           the plan it belongs to
 * @param period           the plan's period
 * @param uscc             the enterprise
 * @param grade            its grade in the plan's snapshot
 * @param inspectors       inspector ids assigned (empty when {@link Status#UNASSIGNED})
 * @param code             the signed inspection code shown to the enterprise (null when unassigned)
 * @param codeExpires      last day the code is valid
 * @param status           OPEN, CLOSED (result came back, the code is used) or UNASSIGNED
 * @param unassignedReason why no conflict-free team exists (null otherwise)
 * @param result           the inspection result once closed (NO_ISSUES, ISSUES_FOUND)
 * @param resultDate       the inspection day once closed
 * @param issues           issues found once closed
 * @param inspectionId     the Inspection event that closed it
 * @param closedAt         when it was closed
 */
public record InspectionTask(String taskId, String planId, String period, String uscc, String grade,
                             List<String> inspectors, String code, LocalDate codeExpires, Status status,
                             String unassignedReason, String result, LocalDate resultDate, Integer issues,
                             String inspectionId, Instant closedAt) {
    public enum Status { OPEN, CLOSED, UNASSIGNED }

    public InspectionTask {
        if (taskId == null || taskId.isBlank()) throw new IllegalArgumentException("taskId is required");
        if (uscc == null || uscc.isBlank()) throw new IllegalArgumentException("uscc is required");
        inspectors = inspectors == null ? List.of() : List.copyOf(inspectors);
        if (status == null) throw new IllegalArgumentException("status is required");
    }

    /** The same task closed with an outcome. */
    public InspectionTask closed(InspectionOutcome o, Instant at) {
        return new InspectionTask(taskId, planId, period, uscc, grade, inspectors, code, codeExpires, Status.CLOSED,
                unassignedReason, o.result(), o.date(), o.issues(), o.inspectionId(), at);
    }
}
