package io.riskgraph.cypher.workflow;

import org.springframework.data.neo4j.core.schema.Id;
import org.springframework.data.neo4j.core.schema.Node;
import org.springframework.data.neo4j.core.schema.Property;

import java.time.Instant;
import java.time.LocalDate;

/** An inspection plan as stored: a {@code :InspectionPlan} node; its tasks refer to it by {@code plan_id}. */
@Node("InspectionPlan")
public record InspectionPlanNode(
        @Id String id,
        String period,
        String segment,
        long seed,
        String ratios,
        @Property("snapshot_hash") String snapshotHash,
        @Property("grades_as_of") LocalDate gradesAsOf,
        int eligible,
        int tasks,
        int unassigned,
        @Property("created_at") Instant createdAt) {
}
