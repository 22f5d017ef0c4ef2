package io.riskgraph.cli;

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
                "Loading the same folder again changes nothing; a changed row updates its node."})
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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Ingestor.Options options = new Ingestor.Options(batchSize, writers);
        Path rejectsFile = rejects != null ? rejects : storeOptions.besideStore("rejects.csv");
        io.riskgraph.ingest.DatasetFolder.scan(dir); // refuse a bad folder before starting the database
        out.println("Loading " + dir.toAbsolutePath().normalize() + " into " + storeOptions.describe());
        try (StoreOptions.OpenStore open = storeOptions.open()) {
            IngestSummary s = new Ingestor(open.store(), open.ids(), options)
                    .ingest(dir, rejectsFile, new ConsoleProgress(System.err));
            print(out, s, rejectsFile);
            PlanningSupport.closeReturned(open, out);
        }
        return Main.OK;
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
