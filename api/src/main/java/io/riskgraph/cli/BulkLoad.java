package io.riskgraph.cli;

import io.riskgraph.cypher.BulkStore;
import io.riskgraph.cypher.Neo4jConnection;
import io.riskgraph.cypher.Neo4jGraphStore;
import io.riskgraph.ingest.DatasetFolder;
import io.riskgraph.ingest.IngestSummary;
import io.riskgraph.ingest.Ingestor;
import io.riskgraph.ingest.bulk.ImporterCsvWriter;
import io.riskgraph.model.id.IdProtector;
import io.riskgraph.progress.ProgressListener;
import io.riskgraph.store.GraphStore;
import io.riskgraph.store.ImporterFiles;
import io.riskgraph.store.RelationshipBatch;
import io.riskgraph.store.UpsertBatch;
import io.riskgraph.store.WriteCounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A first load into a new or empty embedded store through Neo4j's offline importer: rows go through the same
 * reader, validator, mapping and rejects file as the online path ({@link Ingestor}), into importer files
 * ({@link ImporterCsvWriter}); the importer builds the store ({@link BulkStore}), which then gets its schema and
 * the few rows the files could not carry, through the store's own upserts.
 */
final class BulkLoad {
    /** Rows per replayed batch of deferred upserts. */
    static final int REPLAY_BATCH = 5_000;

    /** What the load did, and how long each phase took (ms, in order). */
    record Result(IngestSummary summary, ImporterFiles files, long deferred, Map<String, Long> millis) {}

    private BulkLoad() {}

    /** The canonical input's size in bytes: what the disk estimate starts from. */
    static long inputBytes(DatasetFolder folder) {
        long sum = 0;
        for (Path p : folder.files().values()) {
            try {
                sum += Files.size(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
            }
        }
        return sum;
    }

    /** Importer files from a dataset, and the upserts they could not take. */
    record Written(IngestSummary summary, ImporterFiles files, List<Object> deferred) {}

    /** Reads, validates and maps the dataset as the online path does, into importer files in {@code dir}. */
    static Written writeFiles(Path dataset, Path dir, IdProtector ids, Path rejectsFile, int batchSize,
                              ProgressListener progress) {
        try (ImporterCsvWriter writer = new ImporterCsvWriter(dir)) {
            // one writer thread: the files, and which of two rows for a key comes first, follow the input's order
            IngestSummary read = new Ingestor(writer, ids, new Ingestor.Options(batchSize, 1))
                    .ingest(dataset, rejectsFile, progress);
            ImporterFiles files = writer.finish();
            return new Written(read, files, writer.deferred());
        }
    }

    static Result run(Path dataset, Path storeDir, IdProtector ids, Path rejectsFile, int batchSize,
                      long importMemoryBytes, long pageCacheBytes, ProgressListener progress) {
        long started = System.nanoTime();
        Map<String, Long> millis = new LinkedHashMap<>();
        DatasetFolder folder = DatasetFolder.scan(dataset);
        BulkStore bulk = BulkStore.begin(storeDir, inputBytes(folder), "loading " + dataset.toAbsolutePath().normalize());
        long t = System.nanoTime();
        Written written = writeFiles(dataset, bulk.filesDir(), ids, rejectsFile, batchSize, progress);
        IngestSummary read = written.summary();
        ImporterFiles files = written.files();
        List<Object> deferred = written.deferred();
        millis.put("read and write importer files", ms(t));
        t = System.nanoTime();
        bulk.runImporter(files, importMemoryBytes, progress);
        millis.put("import", ms(t));
        deleteQuietly(bulk.filesDir());
        WriteCounts replayed = WriteCounts.NONE;
        t = System.nanoTime();
        bulk.createSchema(pageCacheBytes);
        millis.put("schema", ms(t));
        if (!deferred.isEmpty()) {
            t = System.nanoTime();
            try (Neo4jConnection connection = bulk.openStaged(pageCacheBytes)) {
                replayed = replay(new Neo4jGraphStore(connection.driver()), deferred);
            }
            millis.put("deferred rows", ms(t));
        }
        bulk.commit();
        WriteCounts changes = new WriteCounts(files.nodeCount(), files.relationshipCount(), 0, 0).plus(replayed);
        IngestSummary summary = new IngestSummary(read.files(), read.ignored(), changes,
                Duration.ofNanos(System.nanoTime() - started));
        return new Result(summary, files, deferred.size(), millis);
    }

    /** The deferred upserts, in order, consecutive ones of one shape together. */
    static WriteCounts replay(GraphStore store, List<Object> deferred) {
        WriteCounts counts = WriteCounts.NONE;
        int i = 0;
        while (i < deferred.size()) {
            Object first = deferred.get(i);
            int j = i;
            if (first instanceof UpsertBatch u) {
                List<UpsertBatch.Row> rows = new ArrayList<>();
                while (j < deferred.size() && rows.size() < REPLAY_BATCH && deferred.get(j) instanceof UpsertBatch n
                        && n.node().equals(u.node()) && n.relationships().equals(u.relationships())) {
                    rows.addAll(n.rows());
                    j++;
                }
                counts = counts.plus(store.upsert(new UpsertBatch(u.node(), u.relationships(), rows)));
            } else {
                RelationshipBatch r = (RelationshipBatch) first;
                List<RelationshipBatch.Row> rows = new ArrayList<>();
                while (j < deferred.size() && rows.size() < REPLAY_BATCH && deferred.get(j) instanceof RelationshipBatch n
                        && n.type().equals(r.type()) && n.from().equals(r.from()) && n.to().equals(r.to())) {
                    rows.addAll(n.rows());
                    j++;
                }
                counts = counts.plus(store.upsert(new RelationshipBatch(r.type(), r.from(), r.to(), rows)));
            }
            i = j;
        }
        return counts;
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // the staging folder goes as a whole at commit
        }
    }

    static String describe(Result r) {
        StringBuilder steps = new StringBuilder();
        r.millis().forEach((k, v) -> steps.append(steps.isEmpty() ? "" : ", ").append(k).append(' ')
                .append(String.format("%.1f s", v / 1000.0)));
        return "Bulk load: " + steps + (r.deferred() > 0 ? String.format("; %,d rows merged after the import "
                + "(repeated keys or values the importer files cannot carry)", r.deferred()) : "");
    }

}
