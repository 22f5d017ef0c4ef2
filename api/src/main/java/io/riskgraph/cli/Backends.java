package io.riskgraph.cli;

import io.riskgraph.backend.Backend;
import io.riskgraph.cypher.Neo4jBackend;
import io.riskgraph.cypher.QueryCatalogue;
import io.riskgraph.query.NamedQueries;

/**
 * The one place that chooses and opens a graph backend; everything else sees the ports of {@link Backend}.
 * Neo4j is the default: the embedded database in {@code --store}, or a server with {@code --uri}.
 */
public final class Backends {
    private Backends() {}

    /** The Cypher catalogue, without opening a store (its statements are resources). */
    static NamedQueries cypherCatalogue() { return new QueryCatalogue(); }

    static Backend open(StoreOptions o) {
        if (o.uri != null) return Neo4jBackend.remote(o.uri, o.user, o.password);
        return Neo4jBackend.embedded(o.store, o.pageCacheMb << 20);
    }
}
