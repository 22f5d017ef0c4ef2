package io.riskgraph.ingest;

/** A problem with a row: a rejection (the row is not loaded) or a warning (loaded, flagged for a clerk). */
public record Issue(String file, long line, String field, Severity severity, String reason) {
    public enum Severity { REJECTED, WARNING }
}
