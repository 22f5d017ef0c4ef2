package io.riskgraph.api;

import io.riskgraph.store.GraphReads;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The current {@link RelationSnapshot} of the server and when it is replaced. A snapshot is read whole from the
 * store (a few seconds for the 100,000-enterprise city) and swapped in atomically; requests keep using the old one
 * until then. It is rebuilt
 * <ul>
 *     <li>when the server starts, and on every reindex ({@code POST /admin/reindex}, {@link ApiServer#reindex},
 *     {@link ApiServer#reindexAll}), before that call returns;</li>
 *     <li>in the background when the store's node or relationship count differs from the snapshot's
 *     ({@link GraphReads#storeVersion}), checked every {@code checkInterval}: an ingest that adds rows shows up
 *     within the interval plus one rebuild;</li>
 *     <li>in the background when the snapshot is older than {@link #MAX_AGE_DEFAULT}, which catches changes of
 *     properties only (a new grading, an alert closed) that the counts do not show.</li>
 * </ul>
 * So without a reindex /related may lag behind the store by at most the maximum age plus one rebuild; the
 * documented way after an ingest, grading or analysis is {@code POST /admin/reindex}, which rebuilds at once.
 */
public final class RelationSnapshots implements AutoCloseable {
    public static final int CHECK_INTERVAL_SECONDS_DEFAULT = 30;
    public static final Duration CHECK_INTERVAL_DEFAULT = Duration.ofSeconds(CHECK_INTERVAL_SECONDS_DEFAULT);
    /** A snapshot older than this is rebuilt even when the store's counts have not changed. */
    public static final Duration MAX_AGE_DEFAULT = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(RelationSnapshots.class.getName());

    private final GraphReads reads;
    private final List<String> types;
    private final ScheduledExecutorService watcher;
    private volatile RelationSnapshot current;

    /** @param checkInterval how often to compare the store's version with the snapshot's; zero = never */
    public RelationSnapshots(GraphReads reads, Duration checkInterval) {
        if (checkInterval == null || checkInterval.isNegative()) {
            throw new IllegalArgumentException("the check interval must be zero or positive, got " + checkInterval);
        }
        this.reads = reads;
        this.types = List.copyOf(new java.util.TreeSet<>(EntityService.RELATION_TYPES));
        if (checkInterval.isZero()) {
            watcher = null;
        } else {
            watcher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "riskgraph-relation-snapshot");
                t.setDaemon(true);
                return t;
            });
            long ms = checkInterval.toMillis();
            watcher.scheduleWithFixedDelay(this::refreshIfStale, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    /** The snapshot to answer from, or null before the first build. */
    public RelationSnapshot current() { return current; }

    /** Reads a new snapshot from the store and makes it current; returns it. */
    public synchronized RelationSnapshot rebuild() {
        long version = reads.storeVersion();
        RelationSnapshot.Builder b = new RelationSnapshot.Builder(types, version);
        reads.relationSnapshot(types, b);
        RelationSnapshot s = b.build();
        current = s;
        LOG.info(() -> "relation snapshot: " + s.nodeCount() + " nodes, " + s.relationshipCount() + " relationships, "
                + s.buildMillis() + " ms, store version " + s.storeVersion());
        return s;
    }

    void refreshIfStale() {
        try {
            RelationSnapshot s = current;
            if (s == null) return;
            long version = reads.storeVersion();
            boolean old = s.builtAt().plus(MAX_AGE_DEFAULT).isBefore(java.time.Instant.now());
            if (old || version != s.storeVersion()) rebuild();
        } catch (RuntimeException e) {
            // the store may be down for a moment; the next check tries again, requests keep the old snapshot
            LOG.log(Level.WARNING, "relation snapshot refresh failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (watcher != null) watcher.shutdownNow();
    }
}
