package io.riskgraph.ingest;

/** The input cannot be loaded at all (no such folder, no enterprises file, a header without required columns). */
public class IngestInputException extends RuntimeException {
    public IngestInputException(String message) { super(message); }
}
