package io.riskgraph.store;

/**
 * A kind of relationship that rows of an {@link UpsertBatch} carry from their node to other nodes.
 * {@code outgoing} true means (node)-[:type]->(other). When {@code exclusive} is true the row's list is the
 * complete set: relationships of this type from the node to any other target are removed (a changed address
 * moves the node rather than adding a second one). A missing other node is created as a stub.
 */
public record RelationshipSpec(String type, boolean outgoing, NodeKey other, boolean exclusive) {
    public RelationshipSpec {
        NodeKey.requireIdentifier("relationship type", type);
    }

    public static RelationshipSpec out(String type, NodeKey other, boolean exclusive) {
        return new RelationshipSpec(type, true, other, exclusive);
    }
}
