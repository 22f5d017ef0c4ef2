package io.riskgraph.model;

/** Enterprise-to-enterprise links; the name is the relationship type, from -> to. */
public enum LinkKind {
    /** from holds a share of to */
    INVESTS_IN,
    /** from is a branch of to */
    BRANCH_OF,
    /** from supplies goods to to */
    SUPPLIES,
    /** from guarantees a debt of to */
    GUARANTEES;

    public String relationshipType() { return name(); }
}
