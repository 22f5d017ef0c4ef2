package io.riskgraph.model;

import io.riskgraph.model.EventKinds.*;
import io.riskgraph.model.id.ProtectedId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The domain as records, one per file of the data contract. Optional fields are nullable; lists are never null.
 * A resident ID number only ever appears as a {@link ProtectedId}.
 */
public final class Records {
    private Records() {}

    public record Enterprise(String uscc, String name, EnterpriseType type, EnterpriseStatus status,
                             LocalDate established, BigDecimal registeredCapital, BigDecimal paidInCapital,
                             String district, String address, String phone, Set<Segment> segments,
                             Integer employees) {
        public Enterprise {
            segments = segments == null ? Set.of() : Set.copyOf(segments);
        }
    }

    public record Person(String personId, String name, ProtectedId idNumber, String phone, String address) {}

    public record RoleAssignment(String personId, String uscc, Role role, Double share,
                                 LocalDate since, LocalDate until) {}

    public record EnterpriseLink(String fromUscc, String toUscc, LinkKind kind, Double share,
                                 LocalDate since, LocalDate until) {}

    public record Inspector(String inspectorId, String name, String unit, String district, String personId) {}

    public record Inspection(String inspectionId, String uscc, LocalDate date, InspectionKind kind,
                             List<String> inspectors, InspectionResult result, Integer issues,
                             Boolean rectified, String code) {
        public Inspection {
            inspectors = inspectors == null ? List.of() : List.copyOf(inspectors);
        }
    }

    public record Sample(String sampleId, String uscc, String producerUscc, LocalDate date, String product,
                         String category, SampleResult result, List<String> failedItems) {
        public Sample {
            failedItems = failedItems == null ? List.of() : List.copyOf(failedItems);
        }
    }

    public record Penalty(String caseId, String uscc, LocalDate date, PenaltyKind kind, BigDecimal amount,
                          String violation, Leniency leniency) {}

    public record Complaint(String complaintId, String uscc, LocalDate date, String channel, String category,
                            Boolean verified) {}

    public record CourtRecord(String recordId, String subjectId, SubjectType subjectType, LocalDate date,
                              CourtKind kind, CourtRole role, CourtOutcome outcome, String cause,
                              CourtLevel courtLevel, BigDecimal amount, CourtStatus status) {}

    public record Alert(String alertId, String uscc, Instant time, AlertKind kind, String source,
                        AlertStatus status, Instant disposedAt) {}
}
