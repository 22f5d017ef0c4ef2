package io.riskgraph.cypher;

import io.riskgraph.backend.Backend;
import io.riskgraph.cypher.workflow.WorkflowRepositories;
import io.riskgraph.query.NamedQueries;
import io.riskgraph.query.NamedQuery;
import io.riskgraph.query.ReadOnlyQueries;
import io.riskgraph.store.GraphReads;
import io.riskgraph.store.GraphStore;
import io.riskgraph.workflow.WorkflowStores;
import org.neo4j.driver.Driver;

import java.nio.file.Path;
import java.util.List;

/**
 * The Neo4j backend: an embedded database in a store folder or a server by URI, always over the driver. Gremlin
 * is not offered here (it needs {@code --gremlin}).
 */
public final class Neo4jBackend implements Backend {
    private static final QueryCatalogue CATALOGUE = new QueryCatalogue();
    private final Neo4jConnection connection;
    private final boolean ownsConnection;
    private final Neo4jGraphStore store;
    private final CypherGraphReads reads;
    private final ReadOnlyQueryRunner cypher;
    private final String description;
    private WorkflowRepositories workflow;

    private Neo4jBackend(Neo4jConnection connection, boolean ownsConnection, String description) {
        this.connection = connection;
        this.ownsConnection = ownsConnection;
        this.store = new Neo4jGraphStore(connection.driver());
        this.reads = new CypherGraphReads(connection.driver());
        this.cypher = new ReadOnlyQueryRunner(connection.driver());
        this.description = description;
    }

    /** Starts the embedded database in {@code storeDir}. */
    public static Neo4jBackend embedded(Path storeDir, long pageCacheBytes) {
        return new Neo4jBackend(Neo4jConnection.embedded(storeDir, pageCacheBytes), true,
                "embedded store " + storeDir.toAbsolutePath().normalize());
    }

    /** Connects to a server or cluster by URI. */
    public static Neo4jBackend remote(String uri, String user, String password) {
        return new Neo4jBackend(Neo4jConnection.remote(uri, user, password), true, uri);
    }

    /** Over a connection someone else owns and closes (tests, the bulk loader). */
    public static Neo4jBackend over(Neo4jConnection connection) {
        return new Neo4jBackend(connection, false, connection.uri());
    }

    /** The Neo4j connection, for what only Neo4j has (the offline importer's follow-up). */
    public Neo4jConnection connection() { return connection; }

    public Driver driver() { return connection.driver(); }

    @Override
    public String kind() { return "neo4j"; }

    @Override
    public String describe() { return description; }

    @Override
    public boolean embedded() { return connection.isEmbedded(); }

    @Override
    public GraphStore store() { return store; }

    @Override
    public GraphReads reads() { return reads; }

    @Override
    public synchronized WorkflowStores workflow() {
        if (workflow == null) workflow = WorkflowRepositories.open(connection.driver());
        return workflow;
    }

    @Override
    public ReadOnlyQueries cypher() { return cypher; }

    @Override
    public NamedQueries cypherCatalogue() { return CATALOGUE; }

    @Override
    public ReadOnlyQueries gremlin() {
        throw new Unsupported("Gremlin queries need the TinkerPop backend (--gremlin ws://host:8182 or --gremlin embedded); "
                + "this is Neo4j (" + description + "): use 'riskgraph query' / POST /cypher");
    }

    @Override
    public NamedQueries gremlinCatalogue() {
        return new NamedQueries() {
            @Override
            public String language() { return "Gremlin"; }

            @Override
            public List<NamedQuery> all() { return List.of(); }
        };
    }

    @Override
    public synchronized void close() {
        try {
            if (workflow != null) workflow.close();
        } finally {
            workflow = null;
            if (ownsConnection) connection.close();
        }
    }
}
