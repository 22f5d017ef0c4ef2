package io.riskgraph.gremlin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real Gremlin Server per test JVM, reached through the driver like a remote one: by default the in-process
 * Gremlin Server over a TinkerGraph; with {@code -Driskgraph.test.gremlin=janusgraph} (the {@code janusgraph} Maven
 * profile) a JanusGraph 1.1.0 server in a child process ({@link JanusGraphTestServer}). Its folder lives under
 * target/, not /tmp.
 */
public final class TestGremlin {
    private static GremlinConnection connection;
    private static JanusGraphTestServer janus;

    private TestGremlin() {}

    /** True when the tests run against JanusGraph (-Driskgraph.test.gremlin=janusgraph). */
    public static boolean janusGraph() {
        return "janusgraph".equals(System.getProperty("riskgraph.test.gremlin", "embedded"));
    }

    /** The JanusGraph child server of this JVM, started on first use. */
    public static synchronized JanusGraphTestServer janusGraphServer() {
        if (janus == null) {
            janus = JanusGraphTestServer.start(Path.of("target").resolve("janusgraph-" + ProcessHandle.current().pid()));
        }
        return janus;
    }

    public static synchronized GremlinConnection connection() {
        if (connection == null) {
            if (janusGraph()) {
                connection = GremlinConnection.remote(janusGraphServer().url(), "g", null, null);
            } else {
                try {
                    Path dir = Files.createDirectories(Path.of("target")).resolve("test-gremlin-" + ProcessHandle.current().pid());
                    connection = GremlinConnection.embedded(dir);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            Runtime.getRuntime().addShutdownHook(new Thread(connection::close));
        }
        return connection;
    }

    /**
     * A Gremlin backend for a test: the embedded server over a TinkerGraph in {@code storeDir}, or with
     * -Driskgraph.test.gremlin=janusgraph this JVM's JanusGraph server (emptied first).
     */
    public static GremlinBackend backend(Path storeDir) {
        if (!janusGraph()) return GremlinBackend.embedded(storeDir);
        GremlinBackend b = GremlinBackend.remote(janusGraphServer().url(), "g", null, null);
        b.connection().g().V().drop().toList();
        return b;
    }

    public static GremlinGraphStore store() {
        return new GremlinGraphStore(connection().g());
    }

    /** Removes every vertex and edge. */
    public static void clear() {
        connection().g().V().drop().toList();
    }
}
