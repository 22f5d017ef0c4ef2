package io.riskgraph.query;

/** The statement may not run here: it writes, loads files, calls a procedure, changes its guards, or does not parse. */
public class QueryRefusedException extends RuntimeException {
    public QueryRefusedException(String message) { super(message); }
}
