package io.riskgraph.cypher.workflow;

import org.springframework.data.neo4j.core.schema.Id;
import org.springframework.data.neo4j.core.schema.Node;
import org.springframework.data.neo4j.core.schema.Property;

import java.time.Instant;

/** A saved investigation as stored: an {@code :Investigation} node, its page document as one string property. */
@Node("Investigation")
public record InvestigationNode(
        @Id String id,
        String owner,
        String name,
        String notes,
        boolean shared,
        String content,
        @Property("created_at") Instant createdAt,
        @Property("updated_at") Instant updatedAt) {
}
