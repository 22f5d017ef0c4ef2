package io.riskgraph.cypher;

import io.riskgraph.store.GraphStoreException;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A driver connection to a Neo4j database: either the embedded one in a store folder, or an external server or
 * cluster by URI. Either way the rest of the platform sees only the {@link Driver} and the schema is in place.
 */
public final class Neo4jConnection implements AutoCloseable {
    private final Driver driver;
    private final EmbeddedNeo4j embedded;
    private final String uri;

    private Neo4jConnection(Driver driver, EmbeddedNeo4j embedded, String uri) {
        this.driver = driver;
        this.embedded = embedded;
        this.uri = uri;
    }

    /** Starts the embedded database in {@code storeDir} and connects to it over Bolt. */
    public static Neo4jConnection embedded(Path storeDir) {
        return embedded(storeDir, EmbeddedNeo4j.PAGE_CACHE_BYTES_DEFAULT);
    }

    public static Neo4jConnection embedded(Path storeDir, long pageCacheBytes) {
        EmbeddedNeo4j db = EmbeddedNeo4j.start(storeDir, 0, pageCacheBytes);
        try {
            return open(db.boltUri(), db.authToken(), db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Connects to an external server or cluster, e.g. neo4j://host:7687. */
    public static Neo4jConnection remote(String uri, String user, String password) {
        AuthToken auth = user == null ? AuthTokens.none() : AuthTokens.basic(user, password == null ? "" : password);
        return open(uri, auth, null);
    }

    private static Neo4jConnection open(String uri, AuthToken auth, EmbeddedNeo4j embedded) {
        Driver driver;
        try {
            driver = GraphDatabase.driver(uri, auth, Config.builder()
                    .withLogging(Logging.none())
                    .withConnectionTimeout(15, TimeUnit.SECONDS)
                    .withMaxConnectionPoolSize(64)
                    .build());
        } catch (IllegalArgumentException e) {
            throw new GraphStoreException("invalid store URI '" + uri + "': " + e.getMessage()
                    + " (expected e.g. neo4j://host:7687 or bolt://host:7687)", e);
        }
        try {
            driver.verifyConnectivity();
            Schema.apply(driver);
        } catch (ServiceUnavailableException e) {
            driver.close();
            throw new GraphStoreException("cannot reach Neo4j at " + uri + ": " + e.getMessage(), e);
        } catch (Neo4jException e) {
            driver.close();
            throw new GraphStoreException("Neo4j at " + uri + " refused: " + e.getMessage(), e);
        }
        return new Neo4jConnection(driver, embedded, uri);
    }

    public Driver driver() { return driver; }

    public String uri() { return uri; }

    public boolean isEmbedded() { return embedded != null; }

    /** The embedded store's folder, or null for an external server. */
    public Path storeDir() { return embedded == null ? null : embedded.storeDir(); }

    @Override
    public void close() {
        driver.close();
        if (embedded != null) embedded.close();
    }
}
