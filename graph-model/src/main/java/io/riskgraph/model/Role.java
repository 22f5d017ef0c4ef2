package io.riskgraph.model;

/** A person's role in an enterprise; each is its own relationship type, Person -> Enterprise. */
public enum Role {
    LEGAL_REPRESENTATIVE, SHAREHOLDER, DIRECTOR, SUPERVISOR, MANAGER, FINANCE_OFFICER, CONTACT;

    /** e.g. LEGAL_REPRESENTATIVE_OF */
    public String relationshipType() { return name() + "_OF"; }
}
