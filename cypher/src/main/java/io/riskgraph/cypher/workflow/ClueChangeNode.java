package io.riskgraph.cypher.workflow;

import org.springframework.data.neo4j.core.schema.GeneratedValue;
import org.springframework.data.neo4j.core.schema.Id;
import org.springframework.data.neo4j.core.schema.Node;
import org.springframework.data.neo4j.core.support.UUIDStringGenerator;

import java.time.Instant;

/** One status change of a clue; {@code seq} orders the changes (0 is the creation). */
@Node("ClueChange")
public record ClueChangeNode(
        @Id @GeneratedValue(UUIDStringGenerator.class) String id,
        int seq,
        String from,
        String to,
        String by,
        Instant at,
        String note) {
}
