package io.riskgraph.cypher;

import org.neo4j.driver.Session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real embedded Neo4j per test JVM, reached over Bolt like any other. Starting takes seconds, so test classes
 * share it and call {@link #clear()} for a clean graph. The folder lives under target/, not /tmp.
 */
public final class TestNeo4j {
    private static final long TEST_PAGE_CACHE = 64L << 20;
    private static Neo4jConnection connection;
    private static Neo4jBackend backend;

    private TestNeo4j() {}

    public static synchronized Neo4jConnection connection() {
        if (connection == null) {
            try {
                Path dir = Files.createDirectories(Path.of("target")).resolve("test-neo4j-" + ProcessHandle.current().pid());
                connection = Neo4jConnection.embedded(dir, TEST_PAGE_CACHE);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(connection::close));
        }
        return connection;
    }

    /** The backend over the shared database (its workflow repositories open on first use and stay open). */
    public static synchronized Neo4jBackend backend() {
        if (backend == null) backend = Neo4jBackend.over(connection());
        return backend;
    }

    /** The password of the shared database's Bolt port (user neo4j). */
    public static String password() {
        return BoltCredentials.read(connection().storeDir());
    }

    /** Command-line options that reach the shared database by URI, with its credentials. */
    public static java.util.List<String> uriArgs() {
        return java.util.List.of("--uri", connection().uri(), "--user", BoltCredentials.USER, "--password", password());
    }

    public static Neo4jGraphStore store() {
        return new Neo4jGraphStore(connection().driver());
    }

    /** Deletes every node and relationship; the schema stays. */
    public static void clear() {
        try (Session s = connection().driver().session()) {
            s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume();
        }
    }
}
