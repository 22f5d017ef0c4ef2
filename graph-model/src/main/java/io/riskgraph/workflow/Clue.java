package io.riskgraph.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A warning clue: one occurrence of a warning rule's pattern, with the evidence an investigator needs and its
 * place in the follow-up workflow.
 *
 * @param id        stable identifier derived from the de-duplication key (re-running a rule gives the same id)
 * @param rule      warning rule code, e.g. {@code W05}
 * @param dedupKey  what makes two findings the same clue (rule plus the nodes that define the pattern)
 * @param uscc      the enterprise the clue is about (the one to inspect); may be null for person-centred clues
 * @param segment   that enterprise's segment code, or null
 * @param severity  1 (low) to 5 (high)
 * @param summary   one line a person can read
 * @param evidence  nodes, paths and events that show the pattern
 * @param asOf      the date the rule was evaluated for when the clue was first found
 * @param status    current workflow status
 * @param createdAt when the clue was first stored
 * @param history   every status change, oldest first (the creation is the first entry)
 */
public record Clue(String id, String rule, String dedupKey, String uscc, String segment, int severity,
                   String summary, List<Evidence> evidence, LocalDate asOf, ClueStatus status, Instant createdAt,
                   List<StatusChange> history) {
    public static final int SEVERITY_MIN = 1;
    public static final int SEVERITY_MAX = 5;

    public Clue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(status, "status");
        if (severity < SEVERITY_MIN || severity > SEVERITY_MAX) {
            throw new IllegalArgumentException("severity " + severity + " outside " + SEVERITY_MIN + ".." + SEVERITY_MAX);
        }
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /**
     * One piece of evidence.
     *
     * @param kind what it is: {@link #NODE}, {@link #PATH} or {@link #EVENT}
     * @param ref  the node key ({@code Label:key}), a path written as {@code a -REL-> b <-REL- c}, or the event's key
     * @param note what it shows, e.g. {@code grade D} or {@code 2026-03-02 sample failed}
     */
    public record Evidence(String kind, String ref, String note) {
        public static final String NODE = "node";
        public static final String PATH = "path";
        public static final String EVENT = "event";

        public Evidence {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(ref, "ref");
            note = note == null ? "" : note;
        }

        public static Evidence node(String label, String key, String note) { return new Evidence(NODE, label + ":" + key, note); }
        public static Evidence path(String path, String note) { return new Evidence(PATH, path, note); }
        public static Evidence event(String label, String key, String note) { return new Evidence(EVENT, label + ":" + key, note); }
    }

    /** One change of status: from (null at creation) to, who did it, when, and why. */
    public record StatusChange(ClueStatus from, ClueStatus to, String by, Instant at, String note) {
        public StatusChange {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
            note = note == null ? "" : note;
        }
    }
}
