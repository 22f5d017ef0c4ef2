package io.riskgraph.gremlin;

import io.riskgraph.store.GraphStoreException;
import org.apache.commons.configuration2.BaseConfiguration;
import org.apache.tinkerpop.gremlin.server.GremlinServer;
import org.apache.tinkerpop.gremlin.server.Settings;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerGraph;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An in-process Gremlin Server on 127.0.0.1 (a free port) over a TinkerGraph kept in a store folder: the graph is
 * read from {@value #GRAPH_FILE} (ids, labels and values as they are: dates, date-times, lists) at start and written back at {@link #close()} through a temporary file and an atomic
 * move, so a crash leaves the previous graph whole. Only the gremlin-lang engine is configured (Groovy fails on JDK
 * 25). Plain {@code TinkerGraph}, not TinkerTransactionGraph (3.8.1 loses edges when a vertex index exists). The
 * server's threads are not daemons: always close it. Clients reach it through the driver like any remote server.
 */
public final class EmbeddedGremlinServer implements AutoCloseable {
    public static final String GRAPH_FILE = "tinkergraph.bin";
    /** The traversal source name the server offers. */
    public static final String SOURCE = "g";

    private final Path dir;
    private final TinkerGraph graph;
    private final GremlinServer server;
    private final int port;
    private boolean closed;

    private EmbeddedGremlinServer(Path dir, TinkerGraph graph, GremlinServer server, int port) {
        this.dir = dir;
        this.graph = graph;
        this.server = server;
        this.port = port;
    }

    /** Loads the graph in {@code dir} (a new one when there is none) and serves it. */
    public static EmbeddedGremlinServer start(Path dir) {
        return start(dir, true);
    }

    /** With {@code uidIndex} false the graph has no index on uid: only for tests of the missing-index check. */
    static EmbeddedGremlinServer start(Path dir, boolean uidIndex) {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs);
        } catch (IOException e) {
            throw new GraphStoreException("cannot create the store folder " + abs + ": " + e.getMessage(), e);
        }
        TinkerGraph graph = open(abs, uidIndex);
        int port = freePort();
        Settings s = new Settings();
        s.host = "127.0.0.1";
        s.port = port;
        s.graphs = new HashMap<>();
        s.scriptEngines = new HashMap<>(Map.of("gremlin-lang", new Settings.ScriptEngineSettings()));
        s.evaluationTimeout = TimeUnit.MINUTES.toMillis(30);
        s.maxContentLength = 64 << 20;
        s.threadPoolWorker = 2;
        // one traversal at a time: TinkerGraph is not safe for concurrent writes (two writers merging the same
        // stub could both create it), and it has no transactions to serialise them
        s.gremlinPool = 1;
        GremlinServer server = new GremlinServer(s);
        try {
            server.start().get(60, TimeUnit.SECONDS);
            server.getServerGremlinExecutor().getGraphManager().putGraph("graph", graph);
            server.getServerGremlinExecutor().getGraphManager().putTraversalSource(SOURCE, graph.traversal());
        } catch (Exception e) {
            stopQuietly(server);
            throw new GraphStoreException("the embedded Gremlin Server did not start: " + e.getMessage(), e);
        }
        return new EmbeddedGremlinServer(abs, graph, server, port);
    }

    private static TinkerGraph open(Path dir, boolean uidIndex) {
        TinkerGraph graph = newGraph(false);
        Path file = dir.resolve(GRAPH_FILE);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                GraphFile.read(in, graph);
            } catch (IOException | RuntimeException e) {
                throw new GraphStoreException("cannot read the TinkerGraph in " + file + ": " + e.getMessage(), e);
            }
        }
        if (uidIndex) graph.createIndex(GremlinGraphStore.UID, Vertex.class);
        return graph;
    }

    /**
     * An empty TinkerGraph configured as the embedded server's: LONG ids, single cardinality (TinkerGraph's default,
     * list, would append on every write), and an index on {@value GremlinGraphStore#UID} when asked.
     */
    public static TinkerGraph newGraph(boolean uidIndex) {
        BaseConfiguration conf = new BaseConfiguration();
        conf.setProperty(TinkerGraph.GREMLIN_TINKERGRAPH_VERTEX_ID_MANAGER, "LONG");
        conf.setProperty(TinkerGraph.GREMLIN_TINKERGRAPH_EDGE_ID_MANAGER, "LONG");
        conf.setProperty(TinkerGraph.GREMLIN_TINKERGRAPH_VERTEX_PROPERTY_ID_MANAGER, "LONG");
        // one value per property, as on Neo4j (TinkerGraph's default is list cardinality: writes would append)
        conf.setProperty(TinkerGraph.GREMLIN_TINKERGRAPH_DEFAULT_VERTEX_PROPERTY_CARDINALITY, "single");
        TinkerGraph graph = TinkerGraph.open(conf);
        if (uidIndex) graph.createIndex(GremlinGraphStore.UID, Vertex.class);
        return graph;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new GraphStoreException("no free port for the embedded Gremlin Server: " + e.getMessage(), e);
        }
    }

    public String host() { return "127.0.0.1"; }

    public int port() { return port; }

    public Path dir() { return dir; }

    /** Writes the graph to the store folder now (temporary file, then an atomic move). */
    public synchronized void save() {
        Path file = dir.resolve(GRAPH_FILE);
        Path tmp = dir.resolve(GRAPH_FILE + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            GraphFile.write(graph, out);
        } catch (IOException | RuntimeException e) {
            throw new GraphStoreException("cannot write the TinkerGraph to " + tmp + ": " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new GraphStoreException("cannot replace " + file + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server and writes the graph to the store folder. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        stopQuietly(server);
        save();
    }

    private static void stopQuietly(GremlinServer server) {
        try {
            server.stop().get(30, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // stopping is best effort; the graph is written either way
        }
    }
}
