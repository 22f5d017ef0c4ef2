package io.riskgraph.gremlin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real in-process Gremlin Server over a TinkerGraph per test JVM, reached through the driver like a remote one.
 * Its folder lives under target/, not /tmp.
 */
public final class TestGremlin {
    private static GremlinConnection connection;

    private TestGremlin() {}

    public static synchronized GremlinConnection connection() {
        if (connection == null) {
            try {
                Path dir = Files.createDirectories(Path.of("target")).resolve("test-gremlin-" + ProcessHandle.current().pid());
                connection = GremlinConnection.embedded(dir);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(connection::close));
        }
        return connection;
    }

    public static GremlinGraphStore store() {
        return new GremlinGraphStore(connection().g());
    }

    /** Removes every vertex and edge. */
    public static void clear() {
        connection().g().V().drop().toList();
    }
}
