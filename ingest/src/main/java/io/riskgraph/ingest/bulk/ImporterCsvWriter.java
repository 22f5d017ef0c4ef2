package io.riskgraph.ingest.bulk;

import io.riskgraph.store.GraphWriter;
import io.riskgraph.store.ImporterFiles;
import io.riskgraph.store.NodeKey;
import io.riskgraph.store.RelationshipBatch;
import io.riskgraph.store.RelationshipSpec;
import io.riskgraph.store.UpsertBatch;
import io.riskgraph.store.WriteCounts;
import org.eclipse.collections.api.set.primitive.MutableLongSet;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;
import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link GraphWriter} that writes Neo4j importer files instead of a store, for a first load into an empty store.
 * The graph it describes is the one the online path (the store's upserts, one batch after another) makes from the
 * same batches:
 * <ul>
 *   <li>the first row of a key makes the node, with its properties and its links (one relationship per link);</li>
 *   <li>a key that is referenced but never has a row of its own becomes a node with only its key, marked
 *       {@code stub} unless the first reference was to a derived node (an Address, a Phone);</li>
 *   <li>a relationship row makes one relationship per (from, type, to);</li>
 *   <li>what would update something already written (a key's second row, a relationship pair's second row) or
 *       what the importer's CSV cannot carry (an empty list, a non-finite number, a list element holding the array
 *       delimiter) is {@linkplain #deferred() deferred}: the caller replays those batches, in order, through the
 *       store's own upserts after the import, which merge them as the online path would have.</li>
 * </ul>
 * Integer ids, one space for every label: a key's id is its position among all keys in order of first appearance
 * (0, 1, 2, ...), so the ids depend on the input alone, and the import can take them as the store's own node ids
 * ({@link ImporterFiles#STORE_IDS}): the same input gives the same node ids, whatever the importer's threads do.
 * Not thread-safe beyond its synchronized upserts; call {@link #finish()} once.
 */
public final class ImporterCsvWriter implements GraphWriter, AutoCloseable {
    /** The property that marks a node made only because something referred to it (as the store marks it). */
    public static final String STUB = "stub";
    private static final Map<String, Object> STUB_PROPERTIES = Map.of(STUB, true);

    private final Path dir;
    private final Map<String, LabelIds> labels = new LinkedHashMap<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, MutableLongSet> relationshipPairs = new HashMap<>();
    private final List<Object> deferred = new ArrayList<>();
    /** The next id, of whichever label: ids are dense from 0 in order of first appearance. */
    private int nextId;
    /**
     * Ids written with a row of their own; the others are referenced only (yet). Only ever set: clearing bits of a
     * {@link BitSet} rescans its words down from the top each time (quadratic over the ids).
     */
    private final BitSet written = new BitSet();
    /** Of the ids not written, the ones to mark as stubs. */
    private final BitSet stub = new BitSet();
    /** Formats and writes the rows, a file's rows in order, files side by side (see {@link Group}). */
    private final ExecutorService formatters;
    /** Batches of rows handed to {@link #formatters} and not yet written: bounds the rows held in memory. */
    private final Semaphore inFlight = new Semaphore(FORMAT_BATCHES_IN_FLIGHT);
    /** The first failure of a formatting thread, thrown on the caller's thread. */
    private final AtomicReference<RuntimeException> formatFailure = new AtomicReference<>();
    private volatile boolean multiline;
    private boolean finished;
    private boolean closed;

    /** Rows per batch handed to a formatting thread, and how many such batches may wait. */
    static final int FORMAT_BATCH = 2048;
    static final int FORMAT_BATCHES_IN_FLIGHT = 16;

    /** @param dir an empty or new folder for the files */
    public ImporterCsvWriter(Path dir) {
        this(dir, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    /**
     * @param dir        an empty or new folder for the files
     * @param formatters threads that format and write the files' rows (each file's rows stay in order: the files
     *                   are the same whatever the number)
     */
    public ImporterCsvWriter(Path dir, int formatters) {
        this.dir = dir;
        if (formatters < 1) throw new IllegalArgumentException("formatters must be at least 1, got " + formatters);
        try {
            Files.createDirectories(dir);
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("the folder for importer files is not empty: " + dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        AtomicInteger n = new AtomicInteger();
        this.formatters = Executors.newFixedThreadPool(formatters, r -> {
            Thread t = new Thread(r, "importer-files-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public synchronized WriteCounts upsert(UpsertBatch batch) {
        requireOpen();
        NodeKey node = batch.node();
        LabelIds ids = label(node);
        long nodes = 0;
        long relationships = 0;
        for (UpsertBatch.Row row : batch.rows()) {
            int id = ids.idOrAdd(row.key(), false);
            boolean added = ids.added;
            boolean wasReferenced = !added && !written.get(id);
            if (!added && !wasReferenced) {
                defer(new UpsertBatch(node, batch.relationships(), List.of(row)));
                continue;
            }
            if (added) nodes++;
            written.set(id);
            Map<String, Object> props = row.properties();
            if (!representable(props) || !linksRepresentable(row.links())) {
                // the node exists from here on (later rows link to it); the store sets the rest
                nodeGroup(node).write(new long[] {id}, Map.of(), node.property(), row.key());
                defer(new UpsertBatch(node, batch.relationships(), List.of(row)));
                continue;
            }
            nodeGroup(node).write(new long[] {id}, props, node.property(), row.key());
            // a node that was referenced before its row is merged online, where a repeated link is made once
            Set<List<Object>> seen = wasReferenced ? new HashSet<>() : null;
            for (UpsertBatch.Link link : row.links()) {
                RelationshipSpec spec = batch.relationships().get(link.spec());
                if (seen != null && !seen.add(List.of(link.spec(), link.otherKey()))) continue;
                LabelIds others = label(spec.other());
                int other = others.idOrAdd(link.otherKey(), !spec.derived());
                if (others.added) nodes++;
                NodeKey start = spec.outgoing() ? node : spec.other();
                NodeKey end = spec.outgoing() ? spec.other() : node;
                write(relationshipGroup(spec.type(), start, end), spec.outgoing() ? id : other,
                        spec.outgoing() ? other : id, link.properties());
                relationships++;
            }
        }
        return new WriteCounts(nodes, relationships, 0, 0);
    }

    @Override
    public synchronized WriteCounts upsert(RelationshipBatch batch) {
        requireOpen();
        LabelIds from = label(batch.from());
        LabelIds to = label(batch.to());
        MutableLongSet pairs = relationshipPairs.computeIfAbsent(
                batch.type() + "|" + batch.from().label() + "|" + batch.to().label(), k -> new LongHashSet());
        Group group = relationshipGroup(batch.type(), batch.from(), batch.to());
        long nodes = 0;
        long relationships = 0;
        for (RelationshipBatch.Row row : batch.rows()) {
            Map<String, Object> props = row.properties();
            if (!representable(props)) {
                defer(new RelationshipBatch(batch.type(), batch.from(), batch.to(), List.of(row)));
                continue;
            }
            int a = from.idOrAdd(row.fromKey(), true);
            if (from.added) nodes++;
            int b = to.idOrAdd(row.toKey(), true);
            if (to.added) nodes++;
            if (!pairs.add(((long) a << 32) | (b & 0xFFFFFFFFL))) {
                defer(new RelationshipBatch(batch.type(), batch.from(), batch.to(), List.of(row)));
                continue;
            }
            write(group, a, b, props);
            relationships++;
        }
        return new WriteCounts(nodes, relationships, 0, 0);
    }

    /**
     * Writes the nodes that were only referenced, closes every file and says what was written. The batches to
     * replay through the store afterwards are in {@link #deferred()}.
     */
    public synchronized ImporterFiles finish() {
        requireOpen();
        throwIfFormatFailed();
        finished = true;
        for (LabelIds ids : labels.values()) {
            Group group = null;
            int size = ids.keys.size();
            for (int i = 0; i < size; i++) {
                int id = ids.globalIds.get(i);
                if (written.get(id)) continue;
                if (group == null) group = nodeGroup(ids.key);
                group.write(new long[] {id}, stub.get(id) ? STUB_PROPERTIES : Map.of(), ids.key.property(),
                        ids.keys.get(i));
            }
        }
        for (Group g : groups.values()) g.submit();
        closeFiles();
        throwIfFormatFailed();
        List<ImporterFiles.Group> nodeFiles = new ArrayList<>();
        List<ImporterFiles.Group> relationshipFiles = new ArrayList<>();
        long nodeRows = 0;
        long relationshipRows = 0;
        for (Group g : groups.values()) {
            for (Part p : g.parts) {
                (g.relationship ? relationshipFiles : nodeFiles).add(new ImporterFiles.Group(g.name, p.header, p.data));
            }
            if (g.relationship) relationshipRows += g.rows;
            else nodeRows += g.rows;
        }
        return new ImporterFiles(nodeFiles, relationshipFiles, multiline, nodeRows, relationshipRows);
    }

    /** Upserts that update what the files already hold or that the files cannot carry: replay them in order. */
    public synchronized List<Object> deferred() { return List.copyOf(deferred); }

    /** How many nodes the files hold per label (after {@link #finish()}: stubs included). */
    public synchronized Map<String, Integer> nodesPerLabel() {
        Map<String, Integer> out = new LinkedHashMap<>();
        labels.forEach((label, ids) -> out.put(label, ids.keys.size()));
        return out;
    }

    @Override
    public synchronized void close() {
        closeFiles();
    }

    /** Waits for the formatting threads' work, then closes every file and stops the threads. */
    private void closeFiles() {
        if (closed) return;
        closed = true;
        try {
            for (Group g : groups.values()) g.await();
        } finally {
            formatters.shutdownNow();
            for (Group g : groups.values()) {
                try {
                    g.closePart();
                } catch (RuntimeException e) {
                    formatFailure.compareAndSet(null, e);
                }
            }
        }
    }

    private void requireOpen() {
        if (finished) throw new IllegalStateException("the importer files are already finished");
        throwIfFormatFailed();
    }

    private void throwIfFormatFailed() {
        RuntimeException e = formatFailure.get();
        if (e != null) throw e;
    }

    private void defer(Object batch) {
        deferred.add(batch);
    }

    private LabelIds label(NodeKey key) {
        LabelIds ids = labels.computeIfAbsent(key.label(), l -> new LabelIds(key));
        if (!ids.key.equals(key)) {
            throw new IllegalArgumentException("label " + key.label() + " is keyed by both " + ids.key.property()
                    + " and " + key.property());
        }
        return ids;
    }

    private Group nodeGroup(NodeKey key) {
        return groups.computeIfAbsent("n|" + key.label(), k -> new Group(key.label(), false,
                List.of(":ID(" + key.label() + ")")));
    }

    private Group relationshipGroup(String type, NodeKey start, NodeKey end) {
        return groups.computeIfAbsent("r|" + type + "|" + start.label() + "|" + end.label(), k -> new Group(type, true,
                List.of(":START_ID(" + start.label() + ")", ":END_ID(" + end.label() + ")")));
    }

    private void write(Group group, long start, long end, Map<String, Object> props) {
        group.write(new long[] {start, end}, props, null, null);
    }

    private static boolean linksRepresentable(List<UpsertBatch.Link> links) {
        for (UpsertBatch.Link l : links) if (!representable(l.properties())) return false;
        return true;
    }

    private static boolean representable(Map<String, Object> props) {
        for (Object v : props.values()) if (v != null && ColumnType.of(v) == null) return false;
        return true;
    }

    /** One label's keys and their ids (the writer's one id space), in order of first appearance. */
    private final class LabelIds {
        final NodeKey key;
        final ObjectIntHashMap<Object> ids = new ObjectIntHashMap<>();
        /** The label's keys in order of first appearance, and their ids. */
        final List<Object> keys = new ArrayList<>();
        final IntArrayList globalIds = new IntArrayList();

        LabelIds(NodeKey key) { this.key = key; }

        /** Whether the last {@link #idOrAdd} made a new id. */
        boolean added;

        /**
         * The key's id, a new one (the next) when it has none yet: one probe of the map either way.
         * {@code referencedAsStub}: mark a new id as a stub unless it gets a row of its own (false for a row's
         * own node and for derived nodes).
         */
        int idOrAdd(Object k, boolean referencedAsStub) {
            int next = nextId;
            int id = ids.getIfAbsentPut(k, next);
            added = id == next;
            if (added) {
                if (next == Integer.MAX_VALUE) throw new IllegalStateException("more than 2^31 - 1 nodes");
                nextId++;
                keys.add(k);
                globalIds.add(id);
                if (referencedAsStub) stub.set(id);
            }
            return id;
        }
    }

    /** The importer's property types, and how a value of each is written. */
    enum ColumnType {
        STRING("string"), LONG("long"), DOUBLE("double"), BOOLEAN("boolean"), DATE("date"), DATETIME("datetime"),
        STRING_ARRAY("string[]");

        final String header;

        ColumnType(String header) { this.header = header; }

        /** The column type for a value as the store would keep it, or null when the CSV cannot carry it. */
        static ColumnType of(Object v) {
            // exact classes first (the common case, a pointer compare each), then the general matches
            Class<?> c = v.getClass();
            if (c == String.class) return STRING;
            if (c == LocalDate.class) return DATE;
            if (c == Long.class || c == Integer.class) return LONG;
            if (c == Boolean.class) return BOOLEAN;
            if (c == Double.class) return Double.isFinite((Double) v) ? DOUBLE : null;
            if (c == BigDecimal.class) return Double.isFinite(((BigDecimal) v).doubleValue()) ? DOUBLE : null;
            if (c == OffsetDateTime.class || c == Instant.class) return DATETIME;
            return switch (v) {
                case BigDecimal d -> Double.isFinite(d.doubleValue()) ? DOUBLE : null;
                case List<?> list -> stringElements(list) ? STRING_ARRAY : null;
                default -> null;
            };
        }

        private static boolean stringElements(List<?> list) {
            if (list.isEmpty()) return false; // the importer reads an empty field as absent, the store keeps []
            for (Object o : list) {
                if (!(o instanceof String s) || s.indexOf(ImporterFiles.ARRAY_DELIMITER) >= 0 || s.isEmpty()) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A row waiting for its group's formatting turn. */
    private record PendingRow(long[] ids, Map<String, Object> props, String extraName, Object extraValue) {}

    /**
     * The files of one label or relationship type. A part has a fixed list of columns; a row with a property the
     * part lacks (or of another type) starts the next part, whose header adds it.
     * <p>The caller's thread decides the rows (ids, what is deferred) and queues them here; a formatting thread
     * writes them, one batch of a group after the other (each batch chained to the group's previous one), so a
     * file holds its rows in the order they were decided, while different files are written at the same time.
     */
    private final class Group {
        final String name;
        final boolean relationship;
        final List<String> idColumns;
        // read and written by the formatting batches only (one at a time per group), then after await()
        final List<Part> parts = new ArrayList<>();
        Part current;
        // the caller's side
        long rows;
        private List<PendingRow> pending = new ArrayList<>();
        private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

        Group(String name, boolean relationship, List<String> idColumns) {
            this.name = name;
            this.relationship = relationship;
            this.idColumns = idColumns;
        }

        /** One row: its ids, its properties (null values are absent) and, unless null, one more (a node's key). */
        void write(long[] ids, Map<String, Object> props, String extraName, Object extraValue) {
            pending.add(new PendingRow(ids, props, extraName, extraValue));
            rows++;
            if (pending.size() >= FORMAT_BATCH) submit();
        }

        /** Hands the queued rows to a formatting thread, after this group's earlier batches. */
        void submit() {
            if (pending.isEmpty()) return;
            List<PendingRow> batch = pending;
            pending = new ArrayList<>(FORMAT_BATCH);
            inFlight.acquireUninterruptibly();
            tail = tail.handleAsync((ignored, error) -> {
                try {
                    if (formatFailure.get() == null) {
                        for (PendingRow r : batch) format(r.ids(), r.props(), r.extraName(), r.extraValue());
                    }
                } catch (RuntimeException e) {
                    formatFailure.compareAndSet(null, e);
                } finally {
                    inFlight.release();
                }
                return null;
            }, formatters);
        }

        /** Waits until this group's queued batches are written. */
        void await() {
            try {
                tail.join();
            } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
                formatFailure.compareAndSet(null, new IllegalStateException("writing " + name + " failed", e));
            }
        }

        private void format(long[] ids, Map<String, Object> props, String extraName, Object extraValue) {
            if (current == null || !current.fits(props, extraName, extraValue)) {
                Map<String, ColumnType> columns = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current.columns);
                if (extraName != null) columns.put(extraName, ColumnType.of(extraValue));
                props.forEach((k, v) -> {
                    if (v != null) columns.put(k, ColumnType.of(v));
                });
                closePart();
                current = new Part(this, parts.size() + 1, columns);
                parts.add(current);
            }
            current.write(ids, props, extraName, extraValue);
        }

        void closePart() {
            if (current != null) current.close();
            current = null;
        }
    }

    private final class Part {
        final Map<String, ColumnType> columns;
        final String[] names;
        final ColumnType[] types;
        final Path header;
        final Path data;
        final Writer out;
        final StringBuilder line = new StringBuilder(256);

        Part(Group group, int index, Map<String, ColumnType> columns) {
            this.columns = columns;
            this.names = columns.keySet().toArray(String[]::new);
            this.types = columns.values().toArray(ColumnType[]::new);
            String base = (group.relationship ? "relationships-" : "nodes-") + group.name
                    + (group.relationship ? "-" + group.idColumns.get(0).replaceAll("\\W", "")
                    + "-" + group.idColumns.get(1).replaceAll("\\W", "") : "") + "-" + index;
            this.header = dir.resolve(base + "-header.csv");
            this.data = dir.resolve(base + ".csv");
            StringBuilder h = new StringBuilder(String.join(",", group.idColumns));
            for (int i = 0; i < names.length; i++) h.append(',').append(names[i]).append(':').append(types[i].header);
            try {
                Files.writeString(header, h.append('\n'));
                out = new BufferedWriter(Files.newBufferedWriter(data, StandardCharsets.UTF_8), 1 << 16);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + data + ": " + e.getMessage(), e);
            }
        }

        boolean fits(Map<String, Object> props, String extraName, Object extraValue) {
            if (extraName != null && columns.get(extraName) != ColumnType.of(extraValue)) return false;
            for (Map.Entry<String, Object> e : props.entrySet()) {
                if (e.getValue() != null && columns.get(e.getKey()) != ColumnType.of(e.getValue())) return false;
            }
            return true;
        }

        void write(long[] ids, Map<String, Object> props, String extraName, Object extraValue) {
            line.setLength(0);
            for (int i = 0; i < ids.length; i++) {
                if (i > 0) line.append(',');
                line.append(ids[i]);
            }
            int extra = extraName == null ? -1 : extraName.equals(lastExtraName) ? lastExtraIndex : extraIndex(extraName);
            for (int i = 0; i < names.length; i++) {
                line.append(',');
                Object v = i == extra ? extraValue : props.get(names[i]);
                if (v != null) appendValue(types[i], v);
            }
            line.append('\n');
            try {
                out.append(line);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + data + ": " + e.getMessage(), e);
            }
        }

        private String lastExtraName;
        private int lastExtraIndex = -1;

        private int extraIndex(String extraName) {
            int index = -1;
            for (int i = 0; i < names.length; i++) if (names[i].equals(extraName)) index = i;
            lastExtraName = extraName;
            lastExtraIndex = index;
            return index;
        }

        private void appendValue(ColumnType type, Object v) {
            switch (type) {
                case STRING -> quoted((String) v);
                case STRING_ARRAY -> {
                    StringBuilder joined = new StringBuilder();
                    for (Object o : (List<?>) v) {
                        if (!joined.isEmpty()) joined.append(ImporterFiles.ARRAY_DELIMITER);
                        joined.append((String) o);
                    }
                    quoted(joined.toString());
                }
                // the shortest decimal that reads back as the same double, without an exponent
                case DOUBLE -> line.append(new BigDecimal(Double.toString(((Number) v).doubleValue())).toPlainString());
                case DATETIME -> line.append(v instanceof Instant i ? i.atOffset(ZoneOffset.UTC) : v);
                default -> line.append(v);
            }
        }

        private void quoted(String s) {
            line.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"') line.append('"');
                else if (c == '\n' || c == '\r') multiline = true;
                line.append(c);
            }
            line.append('"');
        }

        void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + data + ": " + e.getMessage(), e);
            }
        }
    }
}
