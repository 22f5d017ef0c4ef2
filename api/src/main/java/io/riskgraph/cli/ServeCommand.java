package io.riskgraph.cli;

import io.riskgraph.api.ApiConfig;
import io.riskgraph.api.ApiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the HTTP API (JSON; OpenAPI at /openapi.json) over the store until SIGTERM or Ctrl-C.",
                "API keys: riskgraph keys create --role R --name N. Keys file, audit log and search index live in the "
                        + "store folder (with --uri: --api-dir, default ~/.riskgraph; the index is then in memory)."})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all interfaces).")
    String bind;

    @Option(names = "--api-dir", paramLabel = "DIR",
            description = "Folder of api-keys.jsonl and audit.jsonl (default: the store folder, or ~/.riskgraph with --uri).")
    Path apiDir;

    @Option(names = "--hub-degree", defaultValue = "" + io.riskgraph.store.TraversalLimits.MAX_DEGREE_DEFAULT,
            description = "Nodes with more relationships are reached but not expanded (default: ${DEFAULT-VALUE}).")
    int hubDegree;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            defaultValue = "" + io.riskgraph.query.ReadOnlyQueries.TIMEOUT_SECONDS_DEFAULT,
            description = "Longest a Cypher or named query may run (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--limit", paramLabel = "ROWS",
            defaultValue = "" + io.riskgraph.query.ReadOnlyQueries.MAX_ROWS_DEFAULT,
            description = "Most rows a Cypher or named query may return (default: ${DEFAULT-VALUE}).")
    int maxRows;

    @Option(names = "--relation-snapshot", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Answer /related from an in-memory copy of the relations (default: on; --no-relation-snapshot "
                    + "reads the store per request). Rebuilt on reindex, when the store's counts change (checked every "
                    + "--snapshot-check seconds) and when older than 10 minutes.")
    boolean relationSnapshot;

    @Option(names = "--snapshot-check", paramLabel = "SECONDS", defaultValue = "" + io.riskgraph.api.RelationSnapshots.CHECK_INTERVAL_SECONDS_DEFAULT,
            description = "How often the relation snapshot is compared with the store (default: ${DEFAULT-VALUE}; 0 = only on reindex).")
    int snapshotCheckSeconds;

    @Option(names = "--tls-cert", paramLabel = "PEM",
            description = "Serve HTTPS with this PEM certificate chain (with --tls-key); keys travel as bearer tokens, so "
                    + "use HTTPS, or a reverse proxy that terminates it, whenever --bind is not 127.0.0.1.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "The certificate's private key, PEM PKCS#8 (BEGIN PRIVATE KEY).")
    Path tlsKey;

    @Option(names = "--header-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Close a connection that has not sent a whole request head this long after opening (default: ${DEFAULT-VALUE}).")
    int headerTimeoutSeconds;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Close a connection idle this long (default: ${DEFAULT-VALUE}).")
    int idleTimeoutSeconds;

    /** Released to stop a running server (the shutdown hook does it on SIGTERM / Ctrl-C; tests may too). */
    final CountDownLatch stop = new CountDownLatch(1);
    volatile ApiServer server;

    /** The running server, or null before it has started. */
    public ApiServer server() { return server; }

    /** Stops a running server as SIGTERM would. */
    public void shutdown() { stop.countDown(); }

    static Path apiDir(StoreOptions o, Path explicit) {
        if (explicit != null) return explicit;
        if (o.remote()) return Path.of(System.getProperty("user.home"), ".riskgraph");
        return o.store;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (timeoutSeconds < 1) throw new IllegalArgumentException("--timeout must be at least 1 second");
        PrintWriter out = spec.commandLine().getOut();
        if (headerTimeoutSeconds < 1 || idleTimeoutSeconds < 1) throw new IllegalArgumentException("timeouts must be at least 1 second");
        io.riskgraph.api.ApiLimits limits = io.riskgraph.api.ApiLimits.DEFAULT
                .withTimeouts(Duration.ofSeconds(headerTimeoutSeconds), Duration.ofSeconds(idleTimeoutSeconds))
                .withTls(tlsCert, tlsKey);
        if (limits.tls()) io.riskgraph.api.PemKeys.keyStore(tlsCert, tlsKey, "check".toCharArray()); // unusable files: exit 2 before the store opens
        if (snapshotCheckSeconds < 0) throw new IllegalArgumentException("--snapshot-check must be 0 or more seconds");
        ApiConfig config = new ApiConfig(hubDegree, Duration.ofSeconds(timeoutSeconds), maxRows, relationSnapshot,
                Duration.ofSeconds(snapshotCheckSeconds));
        io.riskgraph.risk.planning.InspectionCodes codes = PlanningSupport.codes(storeOptions);
        StoreOptions.OpenStore open = storeOptions.open();
        io.riskgraph.risk.planning.BackgroundRegrader regrader = new io.riskgraph.risk.planning.BackgroundRegrader(
                PlanningSupport.regrader(open), e -> System.err.println("riskgraph: re-grading failed: " + e.getMessage()));
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "riskgraph-shutdown");
        try {
            Path dir = apiDir(storeOptions, apiDir);
            Path index = !storeOptions.remote() ? storeOptions.store.resolve("search-index") : null;
            ApiServer starting = new ApiServer(config, open.backend(), dir, index).limits(limits);
            starting.inspections(new io.riskgraph.api.InspectionService(open.store(), open.workflow().inspectionPlans(), codes,
                    regrader, java.time.Clock.systemDefaultZone()));
            try {
                starting.start(bind, port);
            } catch (RuntimeException e) {
                starting.close();
                throw e;
            }
            server = starting;
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("riskgraph API on " + (limits.tls() ? "https" : "http") + "://" + bind + ":" + server.port() + " over " + storeOptions.describe()
                    + " (keys: " + server.keys().file() + ", audit: " + server.audit().file() + ", search index: "
                    + server.index().where() + ")");
            out.flush();
            stop.await();
        } finally {
            if (server != null) server.close();
            regrader.close();
            open.close();
            out.println("riskgraph API stopped; store closed");
            out.flush();
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException | IllegalArgumentException ignored) {
                // shutting down already, or never added
            }
        }
        return Main.OK;
    }
}
