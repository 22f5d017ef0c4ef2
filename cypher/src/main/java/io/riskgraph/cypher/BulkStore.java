package io.riskgraph.cypher;

import io.riskgraph.progress.ProgressListener;
import io.riskgraph.store.GraphStoreException;
import io.riskgraph.store.ImporterFiles;
import org.neo4j.batchimport.api.Monitor;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A first load of an embedded store through Neo4j's offline importer, which a kill at any moment cannot turn into a
 * half store that later commands take for a good one:
 * <ol>
 *   <li>{@link #begin} writes the marker file {@value #MARKER} into the store folder, and from then on every start of
 *       that store ({@link EmbeddedNeo4j#start}) is refused with what to do, until {@link #commit()} removes it;</li>
 *   <li>the importer files and the import go into a staging folder ({@value #STAGING} inside the store folder), a
 *       Neo4j home of its own; the store folder's own database, which must be empty, is deleted;</li>
 *   <li>{@link #createSchema} starts the imported database there, creates the schema and waits for it (and
 *       {@link #openStaged} starts it with Bolt, for the rows to merge after the import);</li>
 *   <li>{@link #commit()} renames the staged {@code data} folder into the store folder, then removes the marker.</li>
 * </ol>
 * A later {@code begin} on a store with the marker deletes what the interrupted load left and starts over.
 */
public final class BulkStore {
    /** In the store folder while a bulk load is unfinished. */
    public static final String MARKER = "bulk-load-incomplete";
    /** Inside the store folder: the importer files and the imported database until the load finishes. */
    public static final String STAGING = "bulk-staging";
    static final String DATABASE = "neo4j";
    /**
     * Disk a bulk load needs per byte of canonical input, at its peak (importer files, the imported store and its
     * indexes, before the files are deleted). Measured: see BENCHMARKS.md, "Bulk first load".
     */
    public static final double DISK_PER_INPUT_BYTE = 5.0;
    /**
     * A system property with more importer arguments, separated by spaces, after riskgraph's own (for tests and
     * measurements, e.g. {@code --read-buffer-size=16k}); an option given twice is refused by the importer.
     */
    public static final String IMPORTER_ARGS_PROPERTY = "riskgraph.importer.args";
    /** Off-heap memory for the importer when nothing is said: what it needed for 5 M nodes, with room. */
    public static final long IMPORT_MEMORY_DEFAULT = 2L << 30;

    private final Path store;
    private final Path staging;

    private BulkStore(Path store, Path staging) {
        this.store = store;
        this.staging = staging;
    }

    /** Whether the store folder holds a database (possibly an empty one). */
    public static boolean hasDatabase(Path storeDir) {
        return Files.isDirectory(storeDir.resolve("data"));
    }

    /** Whether a bulk load into this store folder was started and never finished. */
    public static boolean interrupted(Path storeDir) {
        return Files.exists(storeDir.resolve(MARKER));
    }

    /** Why the store cannot be opened, when a bulk load into it is unfinished; null otherwise. */
    static String interruptedMessage(Path storeDir) {
        if (!interrupted(storeDir)) return null;
        String what;
        try {
            what = Files.readString(storeDir.resolve(MARKER)).strip();
        } catch (IOException e) {
            what = "";
        }
        return "the bulk load into " + storeDir + " did not finish (" + what + "), so the store is not usable; run "
                + "'riskgraph ingest DIR --store " + storeDir + "' again (it starts the bulk load over), or delete "
                + "the folder";
    }

    /** Disk a bulk load of {@code inputBytes} of canonical files needs, estimated. */
    public static long diskNeeded(long inputBytes) {
        return (long) (inputBytes * DISK_PER_INPUT_BYTE) + (64L << 20);
    }

    /**
     * Starts a bulk load into {@code storeDir}, which must have no database or an empty one (the caller checks
     * emptiness: a database is deleted here). Refuses before touching anything when the disk is too small for
     * {@code inputBytes} of input.
     */
    public static BulkStore begin(Path storeDir, long inputBytes, String description) {
        Path store = storeDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(store);
            long needed = diskNeeded(inputBytes);
            FileStore fs = Files.getFileStore(store);
            long free = fs.getUsableSpace();
            if (free < needed) {
                throw new GraphStoreException(String.format("not enough disk for a bulk load into %s: about %,d MB "
                        + "needed (importer files and the new store, estimated from %,d MB of input), %,d MB free",
                        store, needed >> 20, inputBytes >> 20, free >> 20));
            }
            Files.writeString(store.resolve(MARKER), "started " + Instant.now() + " by process "
                    + ProcessHandle.current().pid() + ", " + description + "\n");
            deleteTree(store.resolve(STAGING));
            deleteTree(store.resolve("data"));
            Path staging = Files.createDirectories(store.resolve(STAGING));
            return new BulkStore(store, staging);
        } catch (IOException e) {
            throw new GraphStoreException("cannot prepare " + store + " for a bulk load: " + e.getMessage(), e);
        }
    }

    /** Where the importer files go. */
    public Path filesDir() {
        return staging.resolve("import");
    }

    /**
     * Runs Neo4j's importer in this process on {@code files} into the staging folder; its percentage goes to
     * {@code progress}, its own report to {@code import.log} there.
     */
    public void runImporter(ImporterFiles files, long maxOffHeapBytes, ProgressListener progress) {
        Path log = staging.resolve("import.log");
        // the files' ids as the node ids: the same input gives the same store (the importer's own id mapping
        // hands out ids in whatever order its threads take the input chunks)
        List<String> args = new ArrayList<>(files.arguments(true));
        args.add("--overwrite-destination=true");
        args.add("--max-off-heap-memory=" + maxOffHeapBytes);
        args.add("--report-file=" + staging.resolve("import.report"));
        String extra = System.getProperty(IMPORTER_ARGS_PROPERTY, "").strip();
        if (!extra.isEmpty()) args.addAll(List.of(extra.split("\\s+")));
        args.add(DATABASE);
        int code;
        progress.start("import", 100);
        try (PrintStream out = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
            ExecutionContext context = new ExecutionContext(staging, staging.resolve("conf"), out, out,
                    new DefaultFileSystemAbstraction());
            ImportCommand.Full command = new ImportCommand.Full(context);
            command.setMonitor(new Monitor() {
                private int reported;

                @Override
                public void percentageCompleted(int percentage) {
                    if (percentage > reported) progress.advance(percentage - reported);
                    reported = Math.max(reported, percentage);
                }
            });
            code = new CommandLine(command).execute(args.toArray(String[]::new));
        } catch (IOException e) {
            throw new GraphStoreException("cannot write " + log + ": " + e.getMessage(), e);
        } finally {
            progress.finish("import");
        }
        if (code != 0) {
            throw new GraphStoreException("Neo4j's importer failed (exit code " + code + "):\n" + tail(log, 30)
                    + "\nThe store is left marked unfinished; 'riskgraph ingest' starts over.");
        }
    }

    /**
     * Starts the imported database in the staging folder without Bolt, creates the schema through the embedded API
     * ({@link Schema#applyEmbedded}), waits for it and stops the database. Cheaper than {@link #openStaged}, which
     * a load needs only for the rows merged after the import.
     */
    public void createSchema(long pageCacheBytes) {
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(staging)
                    .setConfig(BoltConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
                    .build();
        } catch (RuntimeException e) {
            throw new GraphStoreException("cannot start the imported database in " + staging + ": " + e.getMessage()
                    + "; the store is left marked unfinished", e);
        }
        try {
            Schema.applyEmbedded(dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME));
        } catch (RuntimeException e) {
            throw new GraphStoreException("cannot create the schema of the imported database: " + e.getMessage()
                    + "; the store is left marked unfinished", e);
        } finally {
            dbms.shutdown();
        }
    }

    /** Starts the imported database in the staging folder: the schema is applied and online when this returns. */
    public Neo4jConnection openStaged(long pageCacheBytes) {
        return Neo4jConnection.embedded(staging, pageCacheBytes);
    }

    /** Moves the imported database into the store folder and removes the marker: the store is usable from here. */
    public void commit() {
        try {
            Files.move(staging.resolve("data"), store.resolve("data"), StandardCopyOption.ATOMIC_MOVE);
            deleteTree(staging);
            Files.delete(store.resolve(MARKER));
        } catch (IOException e) {
            throw new GraphStoreException("cannot move the imported database into " + store + ": " + e.getMessage()
                    + "; the store is left marked unfinished", e);
        }
    }

    /**
     * The {@code neo4j-admin} command that imports {@code files} into {@code database} on a server, quoted for a
     * POSIX shell.
     */
    public static String adminCommand(ImporterFiles files, String database) {
        List<String> args = new ArrayList<>(List.of("neo4j-admin", "database", "import", "full"));
        args.addAll(files.arguments());
        args.add(database);
        StringBuilder out = new StringBuilder();
        for (String a : args) {
            if (!out.isEmpty()) out.append(" \\\n    ");
            out.append(a.matches("[A-Za-z0-9_./=:,@%+-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return out.toString();
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no importer output: " + e.getMessage() + ")";
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
