package io.riskgraph.bench;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.importer.ImportCommand;
import picocli.CommandLine;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

import java.io.BufferedWriter;
import java.io.File;
import java.io.FileWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An embedded Neo4j with Neo4j Graph Data Science 2.26.0 loaded as a plugin, for side-by-side measurements only
 * (GDS is GPLv3; this module is the only one that depends on it). GDS 2.26.0 was built for Neo4j 2026.01 and runs
 * here inside 2026.08.1, outside its supported version matrix.
 *
 * <p>Starting it needs, besides {@code org.neo4j.gds:proc}, the {@code opengds-extension} and {@code proc-sysinfo}
 * jars on the classpath and a plugins folder that holds only the GDS jars, with {@code gds.*} unrestricted.
 * The benchmark graph is written with Neo4j's own offline importer ({@code neo4j-admin database import full},
 * called in-process) before the database starts: the bench needs 20 M relationships in the store in a minute or
 * two, and how they get there is not what is measured.
 */
final class GdsPeer implements AutoCloseable {
    final DatabaseManagementService dbms;
    final GraphDatabaseService db;
    final String boltUri;

    private GdsPeer(DatabaseManagementService dbms, GraphDatabaseService db, String boltUri) {
        this.dbms = dbms;
        this.db = db;
        this.boltUri = boltUri;
    }

    static GdsPeer start(Path home, long pageCacheBytes) throws IOException {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        int copied = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.replace('\\', '/').contains("/org/neo4j/gds/") && entry.endsWith(".jar")) {
                Path jar = Path.of(entry);
                Files.copy(jar, plugins.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                copied++;
            }
        }
        if (copied == 0) throw new IllegalStateException("no org.neo4j.gds jars on the classpath");
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ZERO)
                .setConfig(GraphDatabaseSettings.plugin_dir, plugins.toAbsolutePath())
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*"))
                .build();
        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        int port = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT).getPort();
        return new GdsPeer(dbms, db, "bolt://127.0.0.1:" + port);
    }

    /**
     * Imports {@code nodes} :Enterprise nodes and the given relationships as INVESTS_IN with a random {@code share}
     * into a new database under {@code home}, through CSV files and the offline importer.
     */
    static void importGraph(Path home, int nodes, int[] from, int[] to) throws IOException {
        Path csv = Files.createDirectories(home.resolve("import"));
        Path nodeFile = csv.resolve("nodes.csv");
        Path relFile = csv.resolve("rels.csv");
        try (Writer w = new BufferedWriter(new FileWriter(nodeFile.toFile(), StandardCharsets.US_ASCII), 1 << 20)) {
            w.write("id:ID\n");
            for (int i = 0; i < nodes; i++) {
                w.write(Integer.toString(i));
                w.write('\n');
            }
        }
        SplittableRandom shares = new SplittableRandom(11);
        try (Writer w = new BufferedWriter(new FileWriter(relFile.toFile(), StandardCharsets.US_ASCII), 1 << 20)) {
            w.write(":START_ID,:END_ID,share:double\n");
            StringBuilder line = new StringBuilder(64);
            for (int i = 0; i < from.length; i++) {
                line.setLength(0);
                line.append(from[i]).append(',').append(to[i]).append(',').append((float) shares.nextDouble()).append('\n');
                w.append(line);
            }
        }
        ExecutionContext ctx = new ExecutionContext(home, Files.createDirectories(home.resolve("conf")));
        int rc = new CommandLine(new ImportCommand.Full(ctx)).execute("--nodes=Enterprise=" + nodeFile,
                "--relationships=INVESTS_IN=" + relFile, "--id-type=INTEGER", "--overwrite-destination=true",
                "--threads=2", "neo4j");
        if (rc != 0) throw new IllegalStateException("neo4j-admin database import failed with exit code " + rc);
        Files.delete(nodeFile);
        Files.delete(relFile);
    }

    @Override
    public void close() {
        dbms.shutdown();
    }
}
