package io.riskgraph.model;

/** The enumerations of the event files, grouped because each is tiny and only meaningful with its file. */
public final class EventKinds {
    private EventKinds() {}

    public enum InspectionKind { ROUTINE, DOUBLE_RANDOM, TRIGGERED, COMPLAINT, CAMPAIGN, REMOTE }

    public enum InspectionResult { NO_ISSUES, ISSUES_FOUND }

    public enum SampleResult { PASS, FAIL }

    public enum PenaltyKind { CORRECTIVE_NOTICE, WARNING, FINE, CONFISCATION, SUSPENSION, LICENSE_REVOCATION }

    public enum Leniency { NONE, LIGHTER, REDUCED, EXEMPTED }

    public enum SubjectType { ENTERPRISE, PERSON }

    public enum CourtKind { DISHONEST_EXECUTEE, LAWSUIT, ENFORCEMENT }

    public enum CourtRole { PLAINTIFF, DEFENDANT, EXECUTEE }

    public enum CourtOutcome { WON, LOST, SETTLED, PENDING }

    public enum CourtLevel { BASIC, INTERMEDIATE, HIGH, SUPREME }

    public enum CourtStatus { ACTIVE, CLEARED }

    public enum AlertKind { NO_HAT, NO_MASK, NO_UNIFORM, SMOKING, RODENT, OTHER }

    public enum AlertStatus { OPEN, DISPOSED }
}
