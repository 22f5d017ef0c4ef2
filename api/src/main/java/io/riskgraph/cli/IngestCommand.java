package io.riskgraph.cli;

import io.riskgraph.cypher.BulkStore;
import io.riskgraph.ingest.IngestSummary;
import io.riskgraph.ingest.Ingestor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Load a dataset folder in the canonical format (CSV or JSONL files) into the graph.",
                "Bad rows go to the rejects file with file, line, field and reason; they never stop the load.",
                "Loading the same folder again changes nothing; a changed row updates its node.",
                "A first load into a new or empty embedded store goes through Neo4j's offline importer (--mode bulk,",
                "chosen by --mode auto); later loads, daily deltas and --uri go through Cypher (--mode online)."})
final class IngestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(paramLabel = "DIR", description = "The dataset folder (enterprises.csv or .jsonl, and any other canonical files).")
    Path dir;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Where rejected rows and warnings go (default: riskgraph-data-rejects.csv beside the store).")
    Path rejects;

    @Option(names = "--batch-size", defaultValue = "" + Ingestor.BATCH_SIZE_DEFAULT,
            description = "Rows per write transaction (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--writers", defaultValue = "" + Ingestor.WRITERS_DEFAULT,
            description = "Concurrent write transactions (default: ${DEFAULT-VALUE}).")
    int writers;

    /** How rows reach the store. */
    enum Mode {
        /** bulk into a new or empty embedded store, online otherwise */
        auto,
        /** Neo4j's offline importer: only into a new or empty embedded store */
        bulk,
        /** Cypher over Bolt, batch by batch: any store */
        online
    }

    @Option(names = "--mode", defaultValue = "auto",
            description = "auto (default): bulk into a new or empty embedded store, else online; bulk: Neo4j's "
                    + "offline importer, refused for a store with data; online: Cypher over Bolt.")
    Mode mode;

    @Option(names = "--import-memory-mb", paramLabel = "MB", defaultValue = "" + (BulkStore.IMPORT_MEMORY_DEFAULT >> 20),
            description = "Off-heap memory for the offline importer in MB (default: ${DEFAULT-VALUE}).")
    long importMemoryMb;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Ingestor.Options options = new Ingestor.Options(batchSize, writers);
        if (importMemoryMb < 64) throw new IllegalArgumentException("--import-memory-mb must be at least 64");
        Path rejectsFile = rejects != null ? rejects : storeOptions.besideStore("rejects.csv");
        io.riskgraph.ingest.DatasetFolder.scan(dir); // refuse a bad folder before starting the database
        if (bulk(storeOptions, mode, out)) {
            out.println("Loading " + dir.toAbsolutePath().normalize() + " into " + storeOptions.describe()
                    + " with Neo4j's offline importer (a first load)");
            BulkLoad.Result r = BulkLoad.run(dir, storeOptions.store, storeOptions.ids(), rejectsFile, batchSize,
                    importMemoryMb << 20, storeOptions.pageCacheMb << 20, new ConsoleProgress(System.err));
            print(out, r.summary(), rejectsFile);
            out.println(BulkLoad.describe(r));
            return Main.OK;
        }
        out.println("Loading " + dir.toAbsolutePath().normalize() + " into " + storeOptions.describe());
        try (StoreOptions.OpenStore open = storeOptions.open()) {
            IngestSummary s = new Ingestor(open.store(), open.ids(), options)
                    .ingest(dir, rejectsFile, new ConsoleProgress(System.err));
            print(out, s, rejectsFile);
            PlanningSupport.closeReturned(open, out);
        }
        return Main.OK;
    }

    /**
     * Whether this load goes through the offline importer: refuses what cannot be (bulk into a store with data or
     * a server, online into a store whose bulk load did not finish).
     */
    static boolean bulk(StoreOptions store, Mode mode, PrintWriter out) {
        if (store.gremlin()) {
            if (mode == Mode.bulk) {
                throw new IllegalArgumentException("--mode bulk is Neo4j's offline importer and this is the Gremlin backend; "
                        + "load online (--mode online or auto), or use the vendor's bulk loader for a first load into "
                        + "JanusGraph or HugeGraph (docs/backends.md)");
            }
            return false;
        }
        if (store.uri != null) {
            if (mode == Mode.bulk) {
                throw new IllegalArgumentException("--mode bulk loads the embedded store (--store) only; for a server, "
                        + "write the importer files with 'riskgraph export importer-csv' and run the neo4j-admin "
                        + "command it prints there");
            }
            return false;
        }
        Path dir = store.store.toAbsolutePath().normalize();
        if (BulkStore.interrupted(dir)) {
            if (mode == Mode.online) {
                throw new IllegalArgumentException("the bulk load into " + dir + " did not finish; --mode auto or bulk "
                        + "starts it over (an online load cannot build on a half-imported store)");
            }
            out.println("The bulk load into " + dir + " did not finish; starting it over.");
            return true;
        }
        if (mode == Mode.online) return false;
        if (!BulkStore.hasDatabase(dir)) return true;
        long nodes;
        try (StoreOptions.OpenStore open = store.open()) {
            nodes = open.store().counts().nodesByLabel().values().stream().mapToLong(Long::longValue).sum();
        }
        if (nodes == 0) return true;
        if (mode == Mode.bulk) {
            throw new IllegalArgumentException(String.format("--mode bulk loads only a new or empty store, and %s holds "
                    + "%,d nodes; add to it with --mode online (or auto), or load into a new --store", dir, nodes));
        }
        return false;
    }

    /** The sum of the heap pools' peaks since the JVM started. */
    static long peakHeapBytes() {
        long peak = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        return peak;
    }

    static void print(PrintWriter out, IngestSummary s, Path rejectsFile) {
        out.printf("%-24s %10s %10s %10s %10s %10s%n", "file", "read", "written", "rejected", "warned", "rows/s");
        for (IngestSummary.FileSummary f : s.files()) {
            out.printf("%-24s %,10d %,10d %,10d %,10d %,10.0f%n", f.file(), f.read(), f.written(), f.rejected(),
                    f.warned(), f.rowsPerSecond());
        }
        out.printf("%-24s %,10d %,10d %,10d %,10d%n", "total", s.read(), s.written(), s.rejected(), s.warned());
        out.printf("%,d nodes and %,d relationships created, %,d relationships removed, in %.1f s (%,.0f rows/s)%n",
                s.changes().nodesCreated(), s.changes().relationshipsCreated(), s.changes().relationshipsDeleted(),
                s.elapsed().toMillis() / 1000.0, s.rowsPerSecond());
        out.printf("Peak heap %,d MB (the embedded database's page cache is off-heap and not included)%n",
                peakHeapBytes() >> 20);
        if (!s.ignored().isEmpty()) out.println("Ignored (not canonical files): " + String.join(", ", s.ignored()));
        if (s.rejected() + s.warned() > 0) {
            out.println("Rejected rows and warnings, with line, field and reason: " + rejectsFile.toAbsolutePath());
        }
    }
}
