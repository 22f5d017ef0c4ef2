package io.riskgraph.algorithms.store;

import io.riskgraph.algorithms.projection.NodeAttributes;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@link NodeAttributes} over the Neo4j driver, for tests. The same few lines belong in module cypher (or as a
 * {@code GraphStore.streamNodeProperty} on the port) for production use.
 */
public final class Neo4jNodeAttributes implements NodeAttributes {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private final Driver driver;

    public Neo4jNodeAttributes(Driver driver) { this.driver = driver; }

    @Override
    public void stream(String label, String property, Sink sink) {
        if (!IDENTIFIER.matcher(label).matches() || !IDENTIFIER.matcher(property).matches()) {
            throw new IllegalArgumentException("not identifiers: " + label + ", " + property);
        }
        int batch = 10_000;
        long[] ids = new long[batch];
        Object[] values = new Object[batch];
        try (Session s = driver.session(SessionConfig.builder().withFetchSize(batch).build())) {
            Result r = s.run("MATCH (n:" + label + ") WHERE n." + property + " IS NOT NULL RETURN id(n), n." + property,
                    Map.of());
            int count = 0;
            while (r.hasNext()) {
                Record rec = r.next();
                ids[count] = rec.get(0).asLong();
                values[count] = rec.get(1).asObject();
                if (++count == batch) {
                    sink.values(ids, values, count);
                    count = 0;
                }
            }
            if (count > 0) sink.values(ids, values, count);
        }
    }
}
