package io.riskgraph.cli;

import io.riskgraph.backend.Backend;
import io.riskgraph.store.GraphStore;
import io.riskgraph.workflow.WorkflowStores;
import io.riskgraph.model.id.IdKeys;
import io.riskgraph.model.id.IdProtector;
import picocli.CommandLine.Option;

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

    @Option(names = "--gremlin", paramLabel = "URL|embedded",
            description = "The Apache TinkerPop backend instead of Neo4j: a Gremlin Server (JanusGraph, HugeGraph, Neptune) "
                    + "by URL, e.g. ws://host:8182, or 'embedded' for an in-process Gremlin Server over a TinkerGraph kept "
                    + "in --store.")
    String gremlin;

    @Option(names = "--gremlin-source", paramLabel = "NAME", defaultValue = "g",
            description = "The traversal source of --gremlin (default: ${DEFAULT-VALUE}).")
    String gremlinSource;

    @Option(names = "--user", paramLabel = "USER", description = "User for --uri or a --gremlin server.")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", defaultValue = "${env:RISKGRAPH_PASSWORD}",
            description = "Password for --uri or a --gremlin server (default: the RISKGRAPH_PASSWORD environment variable).")
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

    /** An open backend; closing it closes its workflow repositories and stops an embedded database. */
    public record OpenStore(Backend backend, StoreOptions options) implements AutoCloseable {
        @Override
        public void close() { backend.close(); }

        public GraphStore store() { return backend.store(); }

        public WorkflowStores workflow() { return backend.workflow(); }

        public IdProtector ids() { return options.ids(); }
    }

    /** Opens the backend these options name ({@link Backends}, the one place that knows the implementations). */
    public OpenStore open() {
        if (pageCacheMb < 16) throw new IllegalArgumentException("--page-cache-mb must be at least 16");
        return new OpenStore(Backends.open(this), this);
    }

    /** The key that hashes resident ID numbers, without opening the store. */
    public IdProtector ids() { return IdKeys.protector(idKeyFile()); }

    /** Whether the graph is on a server (--uri, or --gremlin with a URL) rather than in --store. */
    public boolean remote() {
        return uri != null || (gremlin != null && !isEmbeddedGremlin());
    }

    /** Whether --gremlin names the TinkerPop backend. */
    public boolean gremlin() { return gremlin != null; }

    boolean isEmbeddedGremlin() { return "embedded".equalsIgnoreCase(gremlin); }

    public Path idKeyFile() {
        if (idKeyFile != null) return idKeyFile;
        if (remote()) return serverIdKeyFile();
        return store.resolve("id-hash.key");
    }

    /** The learned-model registry's folder (docs/models.md, "Learning"). */
    public Path modelsDir() {
        if (models != null) return models;
        if (remote()) return Path.of(System.getProperty("user.home"), ".riskgraph", "models");
        return store.resolve("models");
    }

    /** The ID-hash key for an external server when none is named: one per user, beside no store. */
    static Path serverIdKeyFile() {
        return Path.of(System.getProperty("user.home"), ".riskgraph", "id-hash.key");
    }

    /** Where files that belong beside the store go (the rejects file), for embedded and external stores alike. */
    public Path besideStore(String name) {
        if (remote()) return Path.of(name);
        Path abs = store.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + "-" + name);
    }

    public String describe() {
        if (gremlin != null) {
            return isEmbeddedGremlin() ? "embedded Gremlin store " + store.toAbsolutePath().normalize()
                    : "Gremlin Server " + gremlin;
        }
        return uri != null ? uri : "embedded store " + store.toAbsolutePath().normalize();
    }

}
