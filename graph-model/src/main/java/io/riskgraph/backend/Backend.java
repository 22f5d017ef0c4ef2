package io.riskgraph.backend;

import io.riskgraph.query.NamedQueries;
import io.riskgraph.query.ReadOnlyQueries;
import io.riskgraph.store.GraphReads;
import io.riskgraph.store.GraphStore;
import io.riskgraph.store.GraphStoreException;
import io.riskgraph.workflow.WorkflowStores;

/**
 * One open graph backend with everything the platform reads and writes through it: the {@link GraphStore}, the
 * API's {@link GraphReads}, the workflow repositories and the analysts' read-only query languages. Neo4j (module
 * {@code cypher}) is the default; Apache TinkerPop (module {@code gremlin}) the second. The CLI chooses one in one
 * place; nothing else knows which. Closing it closes what it opened (the workflow repositories too).
 */
public interface Backend extends AutoCloseable {

    /** "neo4j" or "gremlin". */
    String kind();

    /** Where the graph is, for messages ("embedded store /x", "ws://host:8182"). */
    String describe();

    /** Whether the store runs in this process (a store folder) rather than on a server. */
    boolean embedded();

    GraphStore store();

    GraphReads reads();

    /** The workflow repositories, opened on first use (Neo4j: a Spring context, about a second). */
    WorkflowStores workflow();

    /** Read-only Cypher; a backend without it throws {@link Unsupported} naming the backend. */
    ReadOnlyQueries cypher();

    /** The Cypher catalogue (its statements run through {@link #cypher()}). */
    NamedQueries cypherCatalogue();

    /** Read-only Gremlin; a backend without it throws {@link Unsupported} naming the backend. */
    ReadOnlyQueries gremlin();

    /** The Gremlin catalogue (its statements run through {@link #gremlin()}); empty where there is no Gremlin. */
    NamedQueries gremlinCatalogue();

    @Override
    void close();

    /** A feature that this backend does not have (Cypher on Gremlin, the offline importer on a server...). */
    final class Unsupported extends GraphStoreException {
        public Unsupported(String message) { super(message); }
    }
}
