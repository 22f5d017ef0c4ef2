package io.riskgraph.query;

/** The statement ran longer than its limit and was stopped. */
public class QueryTimeoutException extends RuntimeException {
    public QueryTimeoutException(String message) { super(message); }
}
