package io.riskgraph.query;

import java.util.Map;

/**
 * Runs one analyst statement read-only (port). The Neo4j backend answers Cypher (module {@code cypher}), the
 * TinkerPop backend Gremlin (module {@code gremlin}); each refuses a statement that would write, change its own
 * guard rails, reach outside the graph or run code, with a message that names what was refused
 * ({@link QueryRefusedException}), and stops one that runs too long ({@link QueryTimeoutException}).
 */
public interface ReadOnlyQueries {
    int TIMEOUT_SECONDS_DEFAULT = 30;
    int MAX_ROWS_DEFAULT = 10_000;

    /** The query language, as users name it ("Cypher", "Gremlin"). */
    String language();

    /** Runs the statement with its parameters within the limits; nodes and relationships come back as maps. */
    QueryResult run(String statement, Map<String, Object> params, QueryLimits limits);
}
