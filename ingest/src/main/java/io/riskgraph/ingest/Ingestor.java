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
    /** Rows the reading thread hands over at a time, and how many such chunks it may be ahead. */
    static final int CHUNK_ROWS = 1024;
    static final int READ_AHEAD_CHUNKS = 4;

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
            // reading and validation on a thread of their own, mapping and batching here: one file's rows, in order
            ValidatedRows rows = new ValidatedRows(file, path, name);
            try {
                long reported = 0;
                ValidatedRows.Chunk chunk;
                do {
                    chunk = rows.next();
                    for (RowValidator.Outcome outcome : chunk.outcomes()) {
                        read++;
                        if (outcome.rejection() != null) {
                            rejected++;
                            issues.add(outcome.rejection());
                            continue;
                        }
                        for (Issue w : outcome.valid().warnings()) issues.add(w);
                        if (!outcome.valid().warnings().isEmpty()) warned++;
                        written++;
                        GraphMapping.map(file, outcome.valid(), this::buffer);
                    }
                    progress.advance(chunk.bytesRead() - reported);
                    reported = chunk.bytesRead();
                    throwIfFailed();
                } while (!chunk.last());
                for (Object key : List.copyOf(buffers.keySet())) flush(key);
                awaitWrites();
            } finally {
                rows.close();
                progress.finish(name);
            }
            return new IngestSummary.FileSummary(name, read, written, rejected, warned,
                    Duration.ofNanos(System.nanoTime() - fileStarted));
        }

        /** The file's rows, read and validated by a thread of their own, in chunks, in order. */
        private final class ValidatedRows implements AutoCloseable {
            record Chunk(List<RowValidator.Outcome> outcomes, long bytesRead, boolean last, RuntimeException failure) {}

            private final java.util.concurrent.BlockingQueue<Chunk> queue =
                    new java.util.concurrent.ArrayBlockingQueue<>(READ_AHEAD_CHUNKS);
            private volatile boolean closed;
            private final Thread thread;

            ValidatedRows(CanonicalFile file, Path path, String name) {
                thread = new Thread(() -> read(file, path, name), "ingest-reader");
                thread.setDaemon(true);
                thread.start();
            }

            private void read(CanonicalFile file, Path path, String name) {
                try (RowReader reader = RowReader.open(path)) {
                    List<RowValidator.Outcome> outcomes = new ArrayList<>(CHUNK_ROWS);
                    while (reader.hasNext()) {
                        outcomes.add(validator.validate(file, name, reader.next()));
                        if (outcomes.size() == CHUNK_ROWS) {
                            if (!put(new Chunk(outcomes, reader.bytesRead(), false, null))) return;
                            outcomes = new ArrayList<>(CHUNK_ROWS);
                        }
                    }
                    put(new Chunk(outcomes, reader.bytesRead(), true, null));
                } catch (IOException e) {
                    put(new Chunk(List.of(), 0, true,
                            new IngestInputException("cannot read " + path + ": " + e.getMessage())));
                } catch (RuntimeException e) {
                    put(new Chunk(List.of(), 0, true, e));
                }
            }

            /** False when the consumer has gone. */
            private boolean put(Chunk chunk) {
                try {
                    while (!closed) {
                        if (queue.offer(chunk, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) return true;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }

            /** The next chunk; the reader's failure is thrown here, on the caller's thread. */
            Chunk next() {
                Chunk c;
                try {
                    c = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading " + name, e);
                }
                if (c.failure() != null) throw c.failure();
                return c;
            }

            /** Stops the reading thread (when the load ends early) and waits for it: it holds the file open. */
            @Override
            public void close() {
                closed = true;
                queue.clear();
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
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
