package io.riskgraph.cli;

import io.riskgraph.backend.Backend;
import io.riskgraph.cypher.BoltCredentials;
import io.riskgraph.cypher.EmbeddedNeo4j;
import io.riskgraph.cypher.Neo4jBackend;
import io.riskgraph.cypher.QueryCatalogue;
import io.riskgraph.gremlin.GremlinBackend;
import io.riskgraph.query.NamedQueries;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one place that chooses and opens a graph backend; everything else sees the ports of {@link Backend}.
 * Neo4j is the default: the embedded database in {@code --store}, or a server with {@code --uri}; {@code --gremlin}
 * chooses Apache TinkerPop: a Gremlin Server by URL, or {@code embedded} over a TinkerGraph in {@code --store}.
 */
public final class Backends {
    private Backends() {}

    /** The Cypher catalogue, without opening a store (its statements are resources). */
    static NamedQueries cypherCatalogue() { return new QueryCatalogue(); }

    /** The Bolt URI of the process that has the store folder open now (empty when there is none or no password). */
    static String runningStoreUri(StoreOptions o) {
        Path dir = o.store.toAbsolutePath();
        Path address = dir.resolve(EmbeddedNeo4j.BOLT_ADDRESS_FILE);
        try {
            if (!Files.isRegularFile(address) || BoltCredentials.read(dir) == null) return "";
            return Files.readString(address).strip();
        } catch (IOException e) {
            return "";
        }
    }

    static Backend open(StoreOptions o) {
        if (o.gremlin != null) {
            if (o.uri != null) throw new IllegalArgumentException("--uri names a Neo4j server and --gremlin a Gremlin one: give one");
            if (o.isEmbeddedGremlin()) return GremlinBackend.embedded(o.store);
            return GremlinBackend.remote(o.gremlin, o.gremlinSource, o.user, o.password);
        }
        if (o.uri != null) {
            if (o.user == null && runningStoreUri(o).equals(o.uri)) {
                // another riskgraph process serves this store: use the store's Bolt password
                return Neo4jBackend.remote(o.uri, BoltCredentials.USER, BoltCredentials.read(o.store.toAbsolutePath()));
            }
            return Neo4jBackend.remote(o.uri, o.user, o.password);
        }
        return Neo4jBackend.embedded(o.store, o.pageCacheMb << 20);
    }
}
