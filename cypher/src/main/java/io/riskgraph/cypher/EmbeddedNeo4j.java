package io.riskgraph.cypher;

import io.riskgraph.store.GraphStoreException;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.internal.kernel.api.exceptions.ProcedureException;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * An in-process Neo4j Community database in a folder, reachable only through its Bolt connector on 127.0.0.1.
 * Platform code never touches the embedded API: it connects with the driver, exactly as to an external server.
 */
public final class EmbeddedNeo4j implements AutoCloseable {
    /** Page cache when nothing is said: enough for the demo city, small beside the 24 GB machine. */
    public static final long PAGE_CACHE_BYTES_DEFAULT = 1L << 30;
    /** The file, inside the store folder, that tells other processes where this server's Bolt port is. */
    public static final String BOLT_ADDRESS_FILE = "bolt-address";

    private final Path storeDir;
    private final DatabaseManagementService dbms;
    private final String boltUri;
    private final String password;

    private EmbeddedNeo4j(Path storeDir, DatabaseManagementService dbms, String boltUri, String password) {
        this.storeDir = storeDir;
        this.dbms = dbms;
        this.boltUri = boltUri;
        this.password = password;
    }

    public static EmbeddedNeo4j start(Path storeDir) {
        return start(storeDir, 0, PAGE_CACHE_BYTES_DEFAULT);
    }

    /**
     * Starts (creating if needed) the database in {@code storeDir}; {@code boltPort} 0 picks a free port.
     */
    public static EmbeddedNeo4j start(Path storeDir, int boltPort, long pageCacheBytes) {
        Path home = storeDir.toAbsolutePath().normalize();
        String unfinished = BulkStore.interruptedMessage(home);
        if (unfinished != null) throw new GraphStoreException(unfinished);
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new GraphStoreException("cannot create store folder " + home + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(home)) {
            throw new GraphStoreException("store folder " + home + " is not writable");
        }
        String password = BoltCredentials.loadOrCreate(home);
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
                    .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ZERO)
                    // the driver is closed before shutdown; waiting for its connections only delays exit
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(100))
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(100))
                    .build();
        } catch (RuntimeException e) {
            throw new GraphStoreException(explainStartFailure(home, e), e);
        }
        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(Duration.ofMinutes(2).toMillis())) {
            dbms.shutdown();
            throw new GraphStoreException("the database in " + home + " did not become available; see "
                    + home.resolve("logs/debug.log"));
        }
        try {
            setPassword(dbms, password);
        } catch (RuntimeException e) {
            dbms.shutdown();
            throw new GraphStoreException("cannot set the Bolt password of " + home + ": " + e.getMessage(), e);
        }
        try {
            // the fast projection path; an external server gets it from the cypher jar in its plugins folder
            GlobalProcedures procedures = db.getDependencyResolver().resolveDependency(GlobalProcedures.class);
            procedures.registerProcedure(ProjectionProcedures.class);
            procedures.registerProcedure(WriteBackProcedures.class);
        } catch (ProcedureException e) {
            dbms.shutdown();
            throw new GraphStoreException("cannot register the riskgraph procedures: " + e.getMessage(), e);
        }
        HostnamePort bolt = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        String uri = "bolt://127.0.0.1:" + bolt.getPort();
        try {
            // written whole, then renamed: another process polling for it never reads it half written
            Path tmp = home.resolve(BOLT_ADDRESS_FILE + ".tmp");
            Files.writeString(tmp, uri + "\n");
            Files.move(tmp, home.resolve(BOLT_ADDRESS_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Only a convenience for a second process; the database itself is fine.
        }
        return new EmbeddedNeo4j(home, dbms, uri, password);
    }

    /**
     * Makes the password file's password the {@value BoltCredentials#USER} user's, through the embedded API (which
     * needs none): a new store, a store from before authentication (whose user still has Neo4j's initial password)
     * and a store whose password file was deleted or replaced all come out the same way.
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER " + BoltCredentials.USER + " SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to set the password the user already has: then there is nothing to do
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (String.valueOf(t.getMessage()).contains("cannot be the same")) return;
            }
            throw e;
        }
    }

    private static String explainStartFailure(Path home, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("lock") || m.contains("Lock")) {
                Path address = home.resolve(BOLT_ADDRESS_FILE);
                String hint = "";
                try {
                    if (Files.exists(address)) {
                        hint = "; if that process is 'riskgraph serve', connect to it with --uri "
                                + Files.readString(address).strip() + " (the store's Bolt password is then read from "
                                + BoltCredentials.file(home) + " when --store names this folder; see riskgraph credentials)";
                    }
                } catch (IOException ignored) {
                    // no hint then
                }
                return "store " + home + " is in use by another process" + hint;
            }
        }
        return "cannot start the embedded database in " + home + ": " + e.getMessage();
    }

    /** bolt://127.0.0.1:PORT */
    public String boltUri() { return boltUri; }

    public Path storeDir() { return storeDir; }

    /** The Bolt credentials of this server (user {@value BoltCredentials#USER}). */
    public org.neo4j.driver.AuthToken authToken() {
        return org.neo4j.driver.AuthTokens.basic(BoltCredentials.USER, password);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(storeDir.resolve(BOLT_ADDRESS_FILE));
        } catch (IOException ignored) {
            // stale hint only
        }
        dbms.shutdown();
    }
}
