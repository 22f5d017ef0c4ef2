package io.riskgraph.cypher.workflow;

import org.springframework.data.neo4j.core.schema.Id;
import org.springframework.data.neo4j.core.schema.Node;
import org.springframework.data.neo4j.core.schema.Property;
import org.springframework.data.neo4j.core.schema.Relationship;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A warning clue as stored: a {@code :Clue} node with its status changes as {@code :ClueChange} nodes. Evidence is
 * three parallel lists (kind, reference, note) because Neo4j properties cannot hold lists of maps.
 */
@Node("Clue")
public record ClueNode(
        @Id String id,
        String rule,
        @Property("dedup_key") String dedupKey,
        String uscc,
        String segment,
        int severity,
        String summary,
        @Property("evidence_kinds") List<String> evidenceKinds,
        @Property("evidence_refs") List<String> evidenceRefs,
        @Property("evidence_notes") List<String> evidenceNotes,
        @Property("as_of") LocalDate asOf,
        String status,
        @Property("created_at") Instant createdAt,
        @Relationship(type = ClueNode.HAS_CHANGE, direction = Relationship.Direction.OUTGOING) List<ClueChangeNode> history) {

    public static final String HAS_CHANGE = "HAS_CHANGE";
}
