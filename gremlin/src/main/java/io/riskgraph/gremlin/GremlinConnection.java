package io.riskgraph.gremlin;

import io.riskgraph.store.GraphStoreException;
import org.apache.tinkerpop.gremlin.driver.Cluster;
import org.apache.tinkerpop.gremlin.driver.remote.DriverRemoteConnection;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.structure.io.binary.TypeSerializerRegistry;
import org.apache.tinkerpop.gremlin.util.ser.GraphBinaryMessageSerializerV1;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.apache.tinkerpop.gremlin.process.traversal.AnonymousTraversalSource.traversal;

/**
 * A driver connection to a Gremlin Server: a remote one by {@code ws://host:port} (JanusGraph, HugeGraph, Neptune,
 * a plain Gremlin Server) or the {@link EmbeddedGremlinServer} in a store folder. Either way the platform talks to
 * it through {@code gremlin-driver} and GraphBinary, the same code path.
 */
public final class GremlinConnection implements AutoCloseable {
    private final Cluster cluster;
    private final GraphTraversalSource g;
    private final EmbeddedGremlinServer embedded;
    private final String url;
    private final String source;
    private UidIndexCheck.Result uidIndex;

    private GremlinConnection(Cluster cluster, GraphTraversalSource g, EmbeddedGremlinServer embedded, String url,
                              String source) {
        this.cluster = cluster;
        this.g = g;
        this.embedded = embedded;
        this.url = url;
        this.source = source;
    }

    /** Starts the embedded server over the TinkerGraph in {@code dir} and connects to it. */
    public static GremlinConnection embedded(Path dir) {
        return embedded(dir, true);
    }

    /** With {@code uidIndex} false the embedded graph has no uid index: only for tests of the missing-index check. */
    static GremlinConnection embedded(Path dir, boolean uidIndex) {
        EmbeddedGremlinServer server = EmbeddedGremlinServer.start(dir, uidIndex);
        try {
            return connect("ws://" + server.host() + ":" + server.port(), EmbeddedGremlinServer.SOURCE, null, null, server);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Connects to a server, e.g. ws://host:8182 (wss:// for TLS), with its traversal source name and credentials. */
    public static GremlinConnection remote(String url, String source, String user, String password) {
        return connect(url, source, user, password, null);
    }

    private static GremlinConnection connect(String url, String source, String user, String password,
                                             EmbeddedGremlinServer embedded) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new GraphStoreException("invalid Gremlin URL '" + url + "' (expected ws://host:8182 or wss://host:8182)", e);
        }
        if (uri.getScheme() == null || !List.of("ws", "wss").contains(uri.getScheme()) || uri.getHost() == null) {
            throw new GraphStoreException("invalid Gremlin URL '" + url + "' (expected ws://host:8182 or wss://host:8182)");
        }
        Cluster.Builder b = Cluster.build(uri.getHost()).port(uri.getPort() < 0 ? 8182 : uri.getPort())
                .enableSsl(uri.getScheme().equals("wss"))
                .maxContentLength(64 << 20)
                .serializer(serializer())
                .connectionSetupTimeoutMillis(15_000);
        if (uri.getPath() != null && !uri.getPath().isEmpty()) b.path(uri.getPath());
        if (user != null) b.credentials(user, password == null ? "" : password);
        Cluster cluster;
        try {
            cluster = b.create();
        } catch (RuntimeException e) {
            throw new GraphStoreException("cannot set up a Gremlin connection to " + url + ": " + e.getMessage(), e);
        }
        GraphTraversalSource g = traversal().with(DriverRemoteConnection.using(cluster, source));
        GremlinConnection c = new GremlinConnection(cluster, g, embedded, url, source);
        try {
            c.verify();
        } catch (RuntimeException e) {
            c.closeClientOnly();
            throw e;
        }
        c.uidIndex = UidIndexCheck.checkQuietly(g, url);
        if (c.uidIndex.message() != null) System.err.println("riskgraph: warning: " + c.uidIndex.message());
        // TinkerGraph stores any Java value; other servers (JanusGraph refuses dates, date-times and lists) get text
        boolean tinkerGraph = embedded != null || "TinkerGraph".equals(c.uidIndex.vendor());
        GremlinValues.register(g, tinkerGraph ? GremlinValues.NATIVE : GremlinValues.PORTABLE);
        GremlinGraphStore.registerAddEdgeByIds(g, c.tinkerPop38());
        return c;
    }

    /**
     * GraphBinary, with JanusGraph's edge id type understood ({@link JanusGraphRelationId}): any other server never
     * sends it, a JanusGraph server sends it for every edge.
     */
    static GraphBinaryMessageSerializerV1 serializer() {
        return new GraphBinaryMessageSerializerV1(TypeSerializerRegistry.build()
                .addCustomType(JanusGraphRelationId.class, new JanusGraphRelationId.Serializer()).create());
    }

    /** One round trip; a clear error naming the URL when the server is not there or refuses. */
    void verify() {
        try {
            CompletableFuture<List<Integer>> f = g.inject(1).promise(t -> t.toList());
            f.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            String why = String.valueOf(root.getMessage());
            if (why.contains("traversal source") || why.contains("could not be found") || why.contains(source)) {
                throw new GraphStoreException("the Gremlin Server at " + url + " has no traversal source '" + source
                        + "' (--gremlin-source): " + why, e);
            }
            throw new GraphStoreException("cannot reach a Gremlin Server at " + url + ": " + why, e);
        }
        try {
            // concat() came with TinkerPop 3.7, after mergeV/mergeE (3.6), which every write here uses
            g.inject("3.7").concat("+").toList();
        } catch (RuntimeException e) {
            throw new GraphStoreException("the Gremlin Server at " + url + " runs a TinkerPop older than 3.7 (it does not "
                    + "know concat(); riskgraph's writes need mergeV/mergeE): use a server on TinkerPop 3.7 or newer "
                    + "(JanusGraph 1.1, a Neptune engine on TinkerPop 3.7, Gremlin Server 3.7+): " + GremlinGraphStore.message(e), e);
        }
    }

    /**
     * Whether the server runs TinkerPop 3.8 or newer, whose {@code addE().from()/to()} take vertex ids (3.7's want
     * vertices: "The value given to addE(...).to() must resolve to a Vertex but Long was specified instead", JanusGraph
     * 1.1). Told by {@code discard()}, a 3.8 step that a 3.7 server refuses; read-only.
     */
    boolean tinkerPop38() {
        try {
            g.inject(1).discard().toList();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public GraphTraversalSource g() { return g; }

    /** Whether lookups by uid use an index, as found at connect ({@link UidIndexCheck}). */
    public UidIndexCheck.Result uidIndex() { return uidIndex; }

    public String url() { return url; }

    public String source() { return source; }

    public boolean isEmbedded() { return embedded != null; }

    /** The embedded server, or null for a remote one. */
    public EmbeddedGremlinServer embeddedServer() { return embedded; }

    private void closeClientOnly() {
        try {
            g.close();
        } catch (Exception ignored) {
            // closing the remote connection
        }
        cluster.close();
    }

    @Override
    public void close() {
        closeClientOnly();
        if (embedded != null) embedded.close();
    }
}
