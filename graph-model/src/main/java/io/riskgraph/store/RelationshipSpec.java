package io.riskgraph.store;

/**
 * A kind of relationship that rows of an {@link UpsertBatch} carry from their node to other nodes.
 * {@code outgoing} true means (node)-[:type]->(other). When {@code exclusive} is true the row's list is the
 * complete set: relationships of this type from the node to any other target are removed (a changed address
 * moves the node rather than adding a second one). A missing other node is created; it is marked as a stub
 * unless {@code derived} says that such nodes only ever exist through these relationships (an Address, a Phone).
 */
public record RelationshipSpec(String type, boolean outgoing, NodeKey other, boolean exclusive, boolean derived) {
    public RelationshipSpec {
        NodeKey.requireIdentifier("relationship type", type);
    }

    /** (node)-[:type]->(other), other made a stub when missing. */
    public static RelationshipSpec out(String type, NodeKey other, boolean exclusive) {
        return new RelationshipSpec(type, true, other, exclusive, false);
    }

    /** (node)<-[:type]-(other), other made a stub when missing. */
    public static RelationshipSpec in(String type, NodeKey other, boolean exclusive) {
        return new RelationshipSpec(type, false, other, exclusive, false);
    }

    /** (node)-[:type]->(other) where other is derived from the node's data and never a stub. */
    public static RelationshipSpec toDerived(String type, NodeKey other) {
        return new RelationshipSpec(type, true, other, true, true);
    }
}
