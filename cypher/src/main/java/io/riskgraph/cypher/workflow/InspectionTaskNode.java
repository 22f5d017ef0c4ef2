package io.riskgraph.cypher.workflow;

import org.springframework.data.neo4j.core.schema.Id;
import org.springframework.data.neo4j.core.schema.Node;
import org.springframework.data.neo4j.core.schema.Property;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An inspection task as stored: a {@code :InspectionTask} node. */
@Node("InspectionTask")
public record InspectionTaskNode(
        @Id String id,
        @Property("plan_id") String planId,
        String period,
        String uscc,
        String grade,
        List<String> inspectors,
        String code,
        @Property("code_expires") LocalDate codeExpires,
        String status,
        @Property("unassigned_reason") String unassignedReason,
        String result,
        @Property("result_date") LocalDate resultDate,
        Integer issues,
        @Property("inspection_id") String inspectionId,
        @Property("closed_at") Instant closedAt) {
}
