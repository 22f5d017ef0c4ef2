package io.riskgraph.ingest;

import io.riskgraph.ingest.GraphMapping.Entry;
import io.riskgraph.ingest.GraphMapping.NodeEntry;
import io.riskgraph.ingest.GraphMapping.NodeShape;
import io.riskgraph.ingest.GraphMapping.RelationshipEntry;
import io.riskgraph.model.id.IdProtector;
import io.riskgraph.progress.ProgressListener;
import io.riskgraph.store.GraphWriter;
import io.riskgraph.store.NodeKey;
import io.riskgraph.store.RelationshipBatch;
import io.riskgraph.store.UpsertBatch;
import io.riskgraph.store.WriteCounts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Loads a dataset folder through a {@link GraphWriter} (a store, or the bulk writer of importer files): files in dependency order, each streamed row by row,
 * validated, mapped and written in batches by a few writer threads. Bad rows go to the {@link IssueLog}; they
 * never stop the load. Re-running on the same folder changes nothing.
 */
public final class Ingestor {
    public static final int BATCH_SIZE_DEFAULT = 5_000;
    public static final int WRITERS_DEFAULT = 2;

    /** @param batchSize rows per write transaction; @param writers concurrent write transactions */
    public record Options(int batchSize, int writers) {
        public static final Options DEFAULT = new Options(BATCH_SIZE_DEFAULT, WRITERS_DEFAULT);

        public Options {
            if (batchSize < 1 || batchSize > 100_000) {
                throw new IllegalArgumentException("batch size must be 1..100000, got " + batchSize);
            }
            if (writers < 1 || writers > 32) throw new IllegalArgumentException("writers must be 1..32, got " + writers);
        }
    }

    private final GraphWriter store;
    private final RowValidator validator;
    private final Options options;

    public Ingestor(GraphWriter store, IdProtector ids, Options options) {
        this.store = store;
        this.validator = new RowValidator(ids);
        this.options = options;
    }

    public IngestSummary ingest(Path dir, Path rejectsFile, ProgressListener progress) {
        long started = System.nanoTime();
        DatasetFolder folder = DatasetFolder.scan(dir);
        List<IngestSummary.FileSummary> summaries = new ArrayList<>();
        WriteCounts changes = store.upsert(GraphMapping.segments());
        ExecutorService pool = Executors.newFixedThreadPool(options.writers(), r -> {
            Thread t = new Thread(r, "ingest-writer");
            t.setDaemon(true);
            return t;
        });
        try (IssueLog issues = new IssueLog(rejectsFile)) {
            for (Map.Entry<CanonicalFile, Path> e : folder.files().entrySet()) {
                FileLoad load = new FileLoad(e.getKey(), e.getValue(), issues, pool, progress);
                summaries.add(load.run());
                changes = changes.plus(load.changes());
            }
        } finally {
            pool.shutdownNow();
        }
        return new IngestSummary(summaries, folder.ignored(), changes, Duration.ofNanos(System.nanoTime() - started));
    }

    /** One file's load: reading and validation on the caller's thread, writes on the pool. */
    private final class FileLoad {
        private final CanonicalFile file;
        private final Path path;
        private final String name;
        private final IssueLog issues;
        private final ExecutorService pool;
        private final ProgressListener progress;
        private final Semaphore inFlight;
        private final List<Future<WriteCounts>> pending = new ArrayList<>();
        private final Map<Object, List<Object>> buffers = new LinkedHashMap<>();
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        private WriteCounts changes = WriteCounts.NONE;
        private long read;
        private long written;
        private long rejected;
        private long warned;

        FileLoad(CanonicalFile file, Path path, IssueLog issues, ExecutorService pool, ProgressListener progress) {
            this.file = file;
            this.path = path;
            this.name = path.getFileName().toString();
            this.issues = issues;
            this.pool = pool;
            this.progress = progress;
            this.inFlight = new Semaphore(options.writers() * 2);
        }

        WriteCounts changes() { return changes; }

        IngestSummary.FileSummary run() {
            long fileStarted = System.nanoTime();
            long size;
            try {
                size = Files.size(path);
            } catch (IOException e) {
                size = -1;
            }
            progress.start(name, size);
            try (RowReader reader = RowReader.open(path)) {
                long reported = 0;
                while (reader.hasNext()) {
                    RawRow raw = reader.next();
                    read++;
                    RowValidator.Outcome outcome = validator.validate(file, name, raw);
                    if (outcome.rejection() != null) {
                        rejected++;
                        issues.add(outcome.rejection());
                        continue;
                    }
                    for (Issue w : outcome.valid().warnings()) issues.add(w);
                    if (!outcome.valid().warnings().isEmpty()) warned++;
                    written++;
                    GraphMapping.map(file, outcome.valid(), this::buffer);
                    if ((read & 1023) == 0) {
                        long now = reader.bytesRead();
                        progress.advance(now - reported);
                        reported = now;
                        throwIfFailed();
                    }
                }
                for (Object key : List.copyOf(buffers.keySet())) flush(key);
                awaitWrites();
                progress.advance(reader.bytesRead() - reported);
            } catch (IOException e) {
                throw new IngestInputException("cannot read " + path + ": " + e.getMessage());
            } finally {
                progress.finish(name);
            }
            return new IngestSummary.FileSummary(name, read, written, rejected, warned,
                    Duration.ofNanos(System.nanoTime() - fileStarted));
        }

        private void buffer(Entry entry) {
            Object key = switch (entry) {
                case NodeEntry n -> n.shape();
                case RelationshipEntry r -> List.of(r.type(), r.from(), r.to());
            };
            List<Object> rows = buffers.computeIfAbsent(key, k -> new ArrayList<>(options.batchSize()));
            rows.add(entry);
            if (rows.size() >= options.batchSize()) flush(key);
        }

        @SuppressWarnings("unchecked")
        private void flush(Object key) {
            List<Object> entries = buffers.remove(key);
            if (entries == null || entries.isEmpty()) return;
            if (key instanceof NodeShape shape) {
                List<UpsertBatch.Row> rows = new ArrayList<>(entries.size());
                for (Object o : entries) rows.add(((NodeEntry) o).row());
                UpsertBatch batch = new UpsertBatch(shape.key(), shape.specs(), rows);
                submit(() -> store.upsert(batch));
            } else {
                List<Object> k = (List<Object>) key;
                List<RelationshipBatch.Row> rows = new ArrayList<>(entries.size());
                for (Object o : entries) rows.add(((RelationshipEntry) o).row());
                RelationshipBatch batch = new RelationshipBatch((String) k.get(0), (NodeKey) k.get(1),
                        (NodeKey) k.get(2), rows);
                submit(() -> store.upsert(batch));
            }
        }

        private void submit(java.util.concurrent.Callable<WriteCounts> write) {
            inFlight.acquireUninterruptibly();
            throwIfFailed();
            pending.add(pool.submit(() -> {
                try {
                    return write.call();
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    throw e;
                } finally {
                    inFlight.release();
                }
            }));
            pending.removeIf(f -> f.isDone() && addChanges(f));
        }

        private boolean addChanges(Future<WriteCounts> f) {
            try {
                changes = changes.plus(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // recorded in failure
            }
            return true;
        }

        private void awaitWrites() {
            for (Future<WriteCounts> f : pending) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while writing " + name, e);
                } catch (ExecutionException e) {
                    // recorded in failure
                }
                addChanges(f);
            }
            pending.clear();
            throwIfFailed();
        }

        private void throwIfFailed() {
            RuntimeException e = failure.get();
            if (e != null) {
                throw new IllegalStateException("writing " + name + " to the store failed: " + e.getMessage()
                        + ". Rows already written are kept; re-running the ingest completes the load.", e);
            }
        }
    }
}
