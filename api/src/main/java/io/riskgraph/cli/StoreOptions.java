package io.riskgraph.cli;

import io.riskgraph.cypher.BoltCredentials;
import io.riskgraph.cypher.EmbeddedNeo4j;
import io.riskgraph.cypher.Neo4jConnection;
import io.riskgraph.cypher.Neo4jGraphStore;
import io.riskgraph.model.id.IdKeys;
import io.riskgraph.model.id.IdProtector;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the graph lives: the embedded store in a folder (default) or an external Neo4j by URI. */
public final class StoreOptions {
    public static final String STORE_DEFAULT = "riskgraph-data";

    @Option(names = "--store", paramLabel = "DIR", defaultValue = STORE_DEFAULT,
            description = "Folder of the embedded database (default: ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--uri", paramLabel = "URI",
            description = "An external Neo4j server or cluster instead of the embedded store, e.g. neo4j://host:7687.")
    String uri;

    @Option(names = "--user", paramLabel = "USER", description = "User for --uri.")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", defaultValue = "${env:RISKGRAPH_PASSWORD}",
            description = "Password for --uri (default: the RISKGRAPH_PASSWORD environment variable).")
    String password;

    @Option(names = "--page-cache-mb", paramLabel = "MB", defaultValue = "1024",
            description = "Page cache of the embedded database in MB (default: ${DEFAULT-VALUE}).")
    long pageCacheMb;

    @Option(names = "--id-key-file", paramLabel = "FILE",
            description = "Key for hashing resident ID numbers (default: id-hash.key in the store folder, or "
                    + "~/.riskgraph/id-hash.key with --uri; or base64 in RISKGRAPH_ID_KEY).")
    Path idKeyFile;

    @Option(names = "--models", paramLabel = "DIR",
            description = "Folder of learned models (default: models in the store folder, or ~/.riskgraph/models with --uri).")
    Path models;

    /** An open store; closing it stops the embedded database if there is one. */
    public record OpenStore(Neo4jConnection connection, Neo4jGraphStore store, StoreOptions options)
            implements AutoCloseable {
        @Override
        public void close() { connection.close(); }

        public IdProtector ids() { return options.ids(); }
    }

    public OpenStore open() {
        if (pageCacheMb < 16) throw new IllegalArgumentException("--page-cache-mb must be at least 16");
        Neo4jConnection c;
        if (uri == null) {
            c = Neo4jConnection.embedded(store, pageCacheMb << 20);
        } else if (user == null && runningStoreUri().equals(uri)) {
            // another riskgraph process serves this store: use the store's Bolt password
            c = Neo4jConnection.remote(uri, BoltCredentials.USER, BoltCredentials.read(store.toAbsolutePath()));
        } else {
            c = Neo4jConnection.remote(uri, user, password);
        }
        return new OpenStore(c, new Neo4jGraphStore(c.driver()), this);
    }

    /** The key that hashes resident ID numbers, without opening the store. */
    public IdProtector ids() { return IdKeys.protector(idKeyFile()); }

    public Path idKeyFile() {
        if (idKeyFile != null) return idKeyFile;
        if (uri != null) return serverIdKeyFile();
        return store.resolve("id-hash.key");
    }

    /** The learned-model registry's folder (docs/models.md, "Learning"). */
    public Path modelsDir() {
        if (models != null) return models;
        if (uri != null) return Path.of(System.getProperty("user.home"), ".riskgraph", "models");
        return store.resolve("models");
    }

    /** The ID-hash key for an external server when none is named: one per user, beside no store. */
    static Path serverIdKeyFile() {
        return Path.of(System.getProperty("user.home"), ".riskgraph", "id-hash.key");
    }

    /** Where files that belong beside the store go (the rejects file), for embedded and external stores alike. */
    public Path besideStore(String name) {
        if (uri != null) return Path.of(name);
        Path abs = store.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + "-" + name);
    }

    /** The Bolt URI of the process that has the store folder open now (empty when there is none or no password). */
    String runningStoreUri() {
        Path dir = store.toAbsolutePath();
        Path address = dir.resolve(EmbeddedNeo4j.BOLT_ADDRESS_FILE);
        try {
            if (!Files.isRegularFile(address) || BoltCredentials.read(dir) == null) return "";
            return Files.readString(address).strip();
        } catch (IOException e) {
            return "";
        }
    }

    public String describe() {
        return uri != null ? uri : "embedded store " + store.toAbsolutePath().normalize();
    }

}
