package io.riskgraph.store;

/** A store could not do what was asked; the message says what and, where known, what to do about it. */
public class GraphStoreException extends RuntimeException {
    public GraphStoreException(String message) { super(message); }

    public GraphStoreException(String message, Throwable cause) { super(message, cause); }
}
