package io.riskgraph.gremlin;

import io.riskgraph.backend.Backend;
import io.riskgraph.query.NamedQueries;
import io.riskgraph.query.ReadOnlyQueries;
import io.riskgraph.store.GraphReads;
import io.riskgraph.store.GraphStore;
import io.riskgraph.workflow.WorkflowStores;

import java.nio.file.Path;

/**
 * The Apache TinkerPop backend: a Gremlin Server by URL (JanusGraph, HugeGraph, Neptune, Gremlin Server) or the
 * embedded one over a TinkerGraph in a store folder, always through gremlin-driver. Cypher is Neo4j-only here.
 */
public final class GremlinBackend implements Backend {
    private final GremlinConnection connection;
    private final GremlinGraphStore store;
    private final GremlinGraphReads reads;
    private final GremlinQueryRunner gremlin;
    private final GremlinWorkflow workflow;
    private final String description;

    private GremlinBackend(GremlinConnection connection, String description) {
        this.connection = connection;
        this.store = new GremlinGraphStore(connection.g(), connection.isEmbedded());
        this.reads = new GremlinGraphReads(connection.g());
        this.gremlin = new GremlinQueryRunner(connection.g());
        this.workflow = new GremlinWorkflow(connection.g());
        this.description = description;
    }

    /** An in-process Gremlin Server over the TinkerGraph kept in {@code storeDir}. */
    public static GremlinBackend embedded(Path storeDir) {
        return new GremlinBackend(GremlinConnection.embedded(storeDir),
                "embedded Gremlin Server over TinkerGraph in " + storeDir.toAbsolutePath().normalize());
    }

    /** A Gremlin Server by URL, e.g. ws://host:8182, with its traversal source name and credentials (may be null). */
    public static GremlinBackend remote(String url, String source, String user, String password) {
        return new GremlinBackend(GremlinConnection.remote(url, source, user, password),
                "Gremlin Server " + url + " (traversal source " + source + ")");
    }

    public GremlinConnection connection() { return connection; }

    @Override
    public String kind() { return "gremlin"; }

    @Override
    public String describe() { return description; }

    @Override
    public boolean embedded() { return connection.isEmbedded(); }

    @Override
    public GraphStore store() { return store; }

    @Override
    public GraphReads reads() { return reads; }

    @Override
    public WorkflowStores workflow() { return workflow; }

    @Override
    public ReadOnlyQueries cypher() {
        throw new Unsupported("Cypher queries are Neo4j-only and this is the Gremlin backend (" + description
                + "): use 'riskgraph gremlin' / POST /gremlin, or open the Neo4j store (--store, --uri)");
    }

    @Override
    public NamedQueries cypherCatalogue() {
        throw new Unsupported("the named Cypher queries are Neo4j-only and this is the Gremlin backend (" + description
                + "): 'riskgraph gremlin --named' lists and runs the Gremlin catalogue");
    }

    @Override
    public ReadOnlyQueries gremlin() { return gremlin; }

    @Override
    public NamedQueries gremlinCatalogue() { return GremlinCatalogue.INSTANCE; }

    @Override
    public void close() {
        workflow.close();
        connection.close();
    }
}
