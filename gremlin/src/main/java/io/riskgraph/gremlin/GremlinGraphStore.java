package io.riskgraph.gremlin;

import io.riskgraph.store.GraphCounts;
import io.riskgraph.store.GraphNode;
import io.riskgraph.store.GraphPath;
import io.riskgraph.store.GraphRelationship;
import io.riskgraph.store.GraphStore;
import io.riskgraph.store.GraphStoreException;
import io.riskgraph.store.NodeKey;
import io.riskgraph.store.ProjectionSink;
import io.riskgraph.store.RelationshipBatch;
import io.riskgraph.store.RelationshipSpec;
import io.riskgraph.store.TraversalLimits;
import io.riskgraph.store.UpsertBatch;
import io.riskgraph.store.WriteCounts;
import org.apache.tinkerpop.gremlin.process.traversal.Merge;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversal;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;
import org.apache.tinkerpop.gremlin.structure.Direction;
import org.apache.tinkerpop.gremlin.structure.T;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link GraphStore} over a Gremlin Server through {@code gremlin-driver}: the embedded TinkerGraph server, or
 * JanusGraph, HugeGraph, Neptune. A node is a vertex whose label is the node label, with its key property as in
 * Neo4j plus {@value #UID} = label + ':' + key, the one indexed upsert key ({@code key} is reserved in JanusGraph).
 * Writes are batched: rows travel as one injected list per traversal, merged with {@code mergeV} on (label, uid) and
 * {@code mergeE} on (type, out id, in id). Every traversal ends in {@code toList()} or {@code next()}, never
 * {@code iterate()}, whose {@code discard()} a 3.7 server (JanusGraph 1.1, Neptune) rejects. Store ids are the
 * server's vertex ids, which must be numeric for projection (TinkerGraph with the LONG id manager, JanusGraph).
 * Neighbourhood, paths and reachability are breadth-first searches with one batched read per hop.
 */
public final class GremlinGraphStore implements GraphStore {
    public static final String UID = "uid";
    static final String STUB = "stub";
    /** Rows per write traversal. */
    static final int CHUNK = 2_000;
    /** Ids per read traversal. */
    static final int IDS_CHUNK = 5_000;
    /**
     * Uid lookups (one equality lookup each, a union of them) per read traversal. The server's cost of a union grows
     * with the square of its branches: per uid at load 8, 0.49 ms with 50 branches, 1.1 ms with 100, 3.2 ms with 200
     * (1.9 ms with 10, each traversal's fixed cost).
     */
    static final int LOOKUP_CHUNK = 50;
    /** Set by a vertex merge's onCreate and dropped again by the same traversal: tells created from matched. */
    static final String CREATED_MARK = "rg_created";

    /** Most vertex ids remembered by uid (about 100 MB at most); past it the memory starts again. */
    static final int KNOWN_MAX = 1_000_000;

    private final GraphTraversalSource g;
    /**
     * The source for the batched merges: {@code g} with a constant sack (nothing reads it). A traverser that carries a
     * sack without a merge operator hashes by identity; without one, every step and every child traversal hashes the
     * traverser deeply, its injected row map and its path included, which took a seventh of the server's time in a
     * profile of a load.
     */
    private final GraphTraversalSource writes;
    private final GremlinValues values;
    /**
     * Vertex ids by uid that this store has merged: link targets and relationship ends already known are not merged
     * again (on a load most of them exist: the persons and enterprises of roles, segments, shared addresses). Vertex
     * ids never change and are not reused; a vertex deleted behind this store's back makes a write fail, which is
     * then retried once with the memory cleared.
     */
    private final Map<String, Long> known = new java.util.concurrent.ConcurrentHashMap<>();

    /** Sources whose server takes vertex ids in {@code addE().from()/to()} (set at connect); others: see {@link #addEdgesByIds}. */
    private static final Map<GraphTraversalSource, Boolean> ADD_EDGE_BY_IDS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** Set by {@link GremlinConnection}: whether the server behind {@code g} runs TinkerPop 3.8+ (addE takes ids). */
    static void registerAddEdgeByIds(GraphTraversalSource g, boolean byIds) {
        ADD_EDGE_BY_IDS.put(g, byIds);
    }

    /**
     * Whether the rows' merge adds the relationships of the vertices it creates ({@code addE} with the targets' ids,
     * which TinkerPop 3.8 takes and 3.7, JanusGraph 1.1's, refuses); else they go through {@code mergeE} like those of
     * rows that existed. True for a source no connection registered (an in-process TinkerGraph of this TinkerPop).
     */
    private final boolean addEdgesByIds;

    /** Whether the server runs one traversal at a time, so that vertex merges need no lock here ({@link #VERTEX_MERGES}). */
    private final boolean serverSerialises;

    public GremlinGraphStore(GraphTraversalSource g) {
        this(g, false);
    }

    /**
     * @param serverSerialises true for the embedded server, which runs one traversal at a time over its TinkerGraph:
     *                         then writers do not wait for each other here (one prepares its next chunk while the
     *                         server runs the other's)
     */
    public GremlinGraphStore(GraphTraversalSource g, boolean serverSerialises) {
        this.g = g;
        this.writes = g.withSack(1);
        this.addEdgesByIds = ADD_EDGE_BY_IDS.getOrDefault(g, true);
        this.values = GremlinValues.of(g);
        this.serverSerialises = serverSerialises;
    }

    private void remember(Map<String, Long> ids) {
        if (known.size() + ids.size() > KNOWN_MAX) known.clear();
        known.putAll(ids);
    }

    /** A write, retried once with the uid memory cleared when it fails while ids were remembered. */
    private WriteCounts retried(java.util.function.Supplier<WriteCounts> write) {
        if (known.isEmpty()) return write.get();
        try {
            return write.get();
        } catch (GraphStoreException e) {
            known.clear();
            return write.get();
        }
    }

    public GraphTraversalSource g() { return g; }

    static String uid(NodeKey k, Object key) {
        return k.label() + ":" + key;
    }

    // ---- writes ---------------------------------------------------------------------------------------------

    @Override
    public WriteCounts upsert(UpsertBatch batch) {
        if (batch.rows().isEmpty()) return WriteCounts.NONE;
        WriteCounts counts = WriteCounts.NONE;
        List<UpsertBatch.Row> rows = batch.rows();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<UpsertBatch.Row> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            counts = counts.plus(retried(() -> upsertChunk(batch, chunk)));
        }
        return counts;
    }

    private WriteCounts upsertChunk(UpsertBatch batch, List<UpsertBatch.Row> chunk) {
        NodeKey n = batch.node();
        // one entry per key; a key twice in a batch: the later row's values win, as in sequential merges
        LinkedHashMap<String, Map<String, Object>> props = new LinkedHashMap<>();
        LinkedHashMap<String, Object> keys = new LinkedHashMap<>();
        Map<String, Set<String>> removed = new HashMap<>();
        Map<String, List<UpsertBatch.Link>> links = new LinkedHashMap<>();
        for (UpsertBatch.Row row : chunk) {
            String u = uid(n, row.key());
            keys.put(u, toGremlin(row.key()));
            Map<String, Object> p = props.computeIfAbsent(u, k -> new HashMap<>());
            row.properties().forEach((k, v) -> {
                if (v == null) {
                    p.remove(k);
                    removed.computeIfAbsent(u, x -> new HashSet<>()).add(k);
                } else {
                    p.put(k, toGremlin(v));
                    Set<String> r = removed.get(u);
                    if (r != null) r.remove(k);
                }
            });
            links.computeIfAbsent(u, k -> new ArrayList<>()).addAll(row.links());
        }
        try {
            // 1. the link targets of every spec first (stubs where missing), so that the rows' merge knows their ids
            List<RelationshipSpec> specs = batch.relationships();
            List<Map<String, Map<String, Map<String, Object>>>> wanted = new ArrayList<>(specs.size());
            List<Map<String, Long>> targetIds = new ArrayList<>(specs.size());
            long targetsCreated = 0;
            for (int i = 0; i < specs.size(); i++) {
                Wanted w = wanted(specs.get(i), i, links);
                wanted.add(w.edges());
                Map<String, Long> tids = Map.of();
                if (!w.targets().isEmpty()) {
                    EnsureResult ensured = ensure(specs.get(i).other(), w.targets(), !specs.get(i).derived());
                    tids = ensured.ids;
                    targetsCreated += ensured.created;
                }
                targetIds.add(tids);
            }
            // 2. one traversal merges the rows and adds the relationships (without properties) of the vertices it
            // created: a new vertex has no relationships yet, so addE needs no search (mergeE searches per row)
            Set<String> addedWithVertex = new HashSet<>(); // "rowUid|spec|targetUid" added by the merge when it created
            List<Map<String, Object>> merge = new ArrayList<>(keys.size());
            for (var e : keys.entrySet()) {
                String u = e.getKey();
                Map<String, Object> p = new HashMap<>(props.get(u));
                p.put(n.property(), e.getValue());
                Map<String, Object> row = mergeRow(n.label(), u, p, p);
                List<Map<String, Object>> out = new ArrayList<>();
                List<Map<String, Object>> in = new ArrayList<>();
                for (int i = 0; i < specs.size(); i++) {
                    Map<String, Map<String, Object>> w = wanted.get(i).get(u);
                    if (w == null) continue;
                    for (var t : w.entrySet()) {
                        if (!addEdgesByIds || !t.getValue().isEmpty()) continue; // merged below
                        (specs.get(i).outgoing() ? out : in).add(Map.of("t", specs.get(i).type(), "o", targetIds.get(i).get(t.getKey())));
                        addedWithVertex.add(u + "|" + i + "|" + t.getKey());
                    }
                }
                row.put("eo", out);
                row.put("ei", in);
                merge.add(row);
            }
            Merged merged = mergeVertices(merge);
            Map<String, Long> ids = merged.ids();
            Set<String> existed = new HashSet<>(ids.keySet());
            existed.removeAll(merged.created());
            long propertiesSet = 0;
            for (Map<String, Object> p : props.values()) propertiesSet += p.size();
            // stubs that now have their row are stubs no more; null values remove properties
            Map<String, List<Object>> drops = new HashMap<>();
            for (String u : existed) drops.computeIfAbsent(STUB, k -> new ArrayList<>()).add(ids.get(u));
            removed.forEach((u, names) -> {
                if (existed.contains(u)) for (String name : names) drops.computeIfAbsent(name, k -> new ArrayList<>()).add(ids.get(u));
            });
            drops.forEach(this::dropProperty);
            long edgesCreated = 0;
            for (String u : merged.created()) {
                for (int i = 0; i < specs.size(); i++) {
                    for (String t : wanted.get(i).getOrDefault(u, Map.of()).keySet()) {
                        if (addedWithVertex.contains(u + "|" + i + "|" + t)) edgesCreated++;
                    }
                }
            }
            WriteCounts counts = new WriteCounts(merged.created().size() + targetsCreated, edgesCreated, 0, propertiesSet);
            // 3. the rows that existed (and relationships with properties): compare with what is stored
            for (int i = 0; i < specs.size(); i++) {
                counts = counts.plus(links(specs.get(i), i, ids, existed, links.keySet(), wanted.get(i), targetIds.get(i),
                        (u, t) -> merged.created().contains(u) && addedWithVertex.contains(u + "|" + t)));
            }
            return counts;
        } catch (GraphStoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new GraphStoreException("write failed: " + message(e), e);
        }
    }

    /** The link targets of one spec (uid to key) and the wanted relationships: row uid -> target uid -> properties. */
    private record Wanted(LinkedHashMap<String, Object> targets, Map<String, Map<String, Map<String, Object>>> edges) {}

    private Wanted wanted(RelationshipSpec spec, int index, Map<String, List<UpsertBatch.Link>> links) {
        NodeKey o = spec.other();
        LinkedHashMap<String, Object> targets = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, Object>>> wanted = new LinkedHashMap<>();
        for (var e : links.entrySet()) {
            for (UpsertBatch.Link l : e.getValue()) {
                if (l.spec() != index) continue;
                String t = uid(o, l.otherKey());
                targets.put(t, toGremlin(l.otherKey()));
                wanted.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).merge(t, gremlinMap(l.properties()),
                        (a, b) -> {
                            Map<String, Object> m = new HashMap<>(a);
                            m.putAll(b);
                            return m;
                        });
            }
        }
        return new Wanted(targets, wanted);
    }

    /**
     * The relationships of one spec that the rows' merge did not add: those of rows that existed (old ones removed
     * when exclusive) and those with properties. {@code added} says which (row uid, "spec|target uid") the merge added.
     */
    private WriteCounts links(RelationshipSpec spec, int index, Map<String, Long> ids, Set<String> existed,
                              Set<String> rows, Map<String, Map<String, Map<String, Object>>> wanted,
                              Map<String, Long> targetIds, java.util.function.BiPredicate<String, String> added) {
        NodeKey o = spec.other();
        if (!spec.exclusive() && wanted.isEmpty()) return WriteCounts.NONE;
        // existing relationships of this type from rows that existed before, to the other label
        List<Object> existingRows = new ArrayList<>();
        for (String u : rows) if (existed.contains(u)) existingRows.add(ids.get(u));
        Map<Long, Map<Long, Object>> current = new HashMap<>(); // row id -> other id -> edge id
        if (!existingRows.isEmpty()) {
            for (List<Object> part : chunks(existingRows, IDS_CHUNK)) {
                GraphTraversal<?, Map<String, Object>> t = spec.outgoing()
                        ? g.V(part.toArray()).outE(spec.type()).where(__.inV().hasLabel(o.label()))
                                .project("e", "a", "b").by(T.id).by(__.outV().id()).by(__.inV().id())
                        : g.V(part.toArray()).inE(spec.type()).where(__.outV().hasLabel(o.label()))
                                .project("e", "a", "b").by(T.id).by(__.inV().id()).by(__.outV().id());
                for (Map<String, Object> r : t.toList()) {
                    current.computeIfAbsent(asLong(r.get("a")), k -> new HashMap<>()).put(asLong(r.get("b")), r.get("e"));
                }
            }
        }
        List<Object> delete = new ArrayList<>();
        if (spec.exclusive()) {
            for (String u : rows) {
                Long rowId = ids.get(u);
                Map<Long, Object> have = current.get(rowId);
                if (have == null) continue;
                Set<Long> keep = new HashSet<>();
                for (String t : wanted.getOrDefault(u, Map.of()).keySet()) keep.add(targetIds.get(t));
                have.forEach((other, edge) -> {
                    if (!keep.contains(other)) delete.add(edge);
                });
            }
        }
        if (!delete.isEmpty()) {
            for (List<Object> part : chunks(delete, IDS_CHUNK)) g.E(part.toArray()).drop().toList();
        }
        List<Map<String, Object>> edges = new ArrayList<>();
        long created = 0;
        for (var e : wanted.entrySet()) {
            long rowId = ids.get(e.getKey());
            Map<Long, Object> have = current.getOrDefault(rowId, Map.of());
            for (var t : e.getValue().entrySet()) {
                if (added.test(e.getKey(), index + "|" + t.getKey())) continue;
                long otherId = targetIds.get(t.getKey());
                if (!have.containsKey(otherId)) created++;
                edges.add(edgeRow(spec.type(), spec.outgoing() ? rowId : otherId, spec.outgoing() ? otherId : rowId,
                        t.getValue()));
            }
        }
        mergeEdges(edges);
        return new WriteCounts(0, created, delete.size(), 0);
    }

    @Override
    public WriteCounts upsert(RelationshipBatch batch) {
        if (batch.rows().isEmpty()) return WriteCounts.NONE;
        return retried(() -> upsertRelationships(batch));
    }

    private WriteCounts upsertRelationships(RelationshipBatch batch) {
        try {
            LinkedHashMap<String, Object> from = new LinkedHashMap<>();
            LinkedHashMap<String, Object> to = new LinkedHashMap<>();
            for (RelationshipBatch.Row r : batch.rows()) {
                from.put(uid(batch.from(), r.fromKey()), toGremlin(r.fromKey()));
                to.put(uid(batch.to(), r.toKey()), toGremlin(r.toKey()));
            }
            EnsureResult a = ensure(batch.from(), from, true);
            EnsureResult b = batch.from().equals(batch.to()) ? a : ensure(batch.to(), to, true);
            if (batch.from().equals(batch.to())) {
                to.keySet().removeAll(from.keySet());
                if (!to.isEmpty()) {
                    EnsureResult more = ensure(batch.to(), to, true);
                    Map<String, Long> all = new HashMap<>(a.ids);
                    all.putAll(more.ids);
                    b = new EnsureResult(all, a.created + more.created);
                    a = b;
                }
            }
            LinkedHashMap<List<Long>, Map<String, Object>> pairs = new LinkedHashMap<>();
            for (RelationshipBatch.Row r : batch.rows()) {
                long s = a.ids.get(uid(batch.from(), r.fromKey()));
                long e = b.ids.get(uid(batch.to(), r.toKey()));
                pairs.merge(List.of(s, e), gremlinMap(r.properties()), (x, y) -> {
                    Map<String, Object> m = new HashMap<>(x);
                    m.putAll(y);
                    return m;
                });
            }
            List<Map<String, Object>> edges = new ArrayList<>();
            pairs.forEach((p, props) -> edges.add(edgeRow(batch.type(), p.get(0), p.get(1), props)));
            long before = countEdges(batch.type(), pairs.keySet());
            mergeEdges(edges);
            long created = a.created + (b == a ? 0 : b.created);
            return new WriteCounts(created, pairs.size() - before, 0, 0);
        } catch (GraphStoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new GraphStoreException("write failed: " + message(e), e);
        }
    }

    private long countEdges(String type, Collection<List<Long>> pairs) {
        Map<Long, Set<Long>> byStart = new HashMap<>();
        for (List<Long> p : pairs) byStart.computeIfAbsent(p.get(0), k -> new HashSet<>()).add(p.get(1));
        long found = 0;
        for (List<Object> part : idChunks(byStart.keySet(), IDS_CHUNK)) {
            for (Map<String, Object> r : g.V(part.toArray()).outE(type).project("a", "b").by(__.outV().id())
                    .by(__.inV().id()).toList()) {
                Set<Long> ends = byStart.get(asLong(r.get("a")));
                if (ends != null && ends.contains(asLong(r.get("b")))) found++;
            }
        }
        return found;
    }

    private record EnsureResult(Map<String, Long> ids, long created) {}

    /**
     * Makes sure vertices with these uids exist (created with their key, as stubs when asked); their ids. One merge
     * per chunk finds or creates them by the uid index and says which it created: no lookup beforehand.
     */
    private EnsureResult ensure(NodeKey k, LinkedHashMap<String, Object> keys, boolean markStub) {
        List<Map<String, Object>> rows = new ArrayList<>(keys.size());
        Map<String, Long> ids = new HashMap<>();
        for (var e : keys.entrySet()) {
            Long id = known.get(e.getKey());
            if (id != null) {
                ids.put(e.getKey(), id);
                continue;
            }
            Map<String, Object> create = new HashMap<>();
            create.put(k.property(), e.getValue());
            if (markStub) create.put(STUB, true);
            rows.add(mergeRow(k.label(), e.getKey(), create, Map.of()));
        }
        if (rows.isEmpty()) return new EnsureResult(ids, 0);
        Merged merged = mergeVertices(rows);
        ids.putAll(merged.ids());
        return new EnsureResult(ids, merged.created().size());
    }

    private static Map<String, Object> mergeRow(String label, String uid, Map<String, Object> onCreate,
                                                Map<String, Object> onMatch) {
        Map<Object, Object> match = new HashMap<>();
        match.put(T.label, label);
        match.put(UID, uid);
        Map<String, Object> create = new HashMap<>(onCreate);
        create.put(CREATED_MARK, true);
        Map<String, Object> row = new HashMap<>();
        row.put("m", match);
        row.put("c", create);
        row.put("p", onMatch);
        return row;
    }

    private static Map<String, Object> edgeRow(String type, long out, long in, Map<String, Object> props) {
        Map<Object, Object> match = new HashMap<>();
        match.put(T.label, type);
        match.put(Direction.OUT, out);
        match.put(Direction.IN, in);
        Map<String, Object> row = new HashMap<>();
        row.put("m", match);
        row.put("p", props);
        return row;
    }

    /** What a vertex merge did: the ids by uid, and the uids it created. */
    private record Merged(Map<String, Long> ids, Set<String> created) {}

    /**
     * One vertex merge at a time per process. Two ingest writers often create the same missing stub vertex (a person
     * named in two chunks); on a server with concurrent transactions (JanusGraph) both merges miss and both create:
     * a duplicate, or with a unique uid index one commit refused ("Local lock contention", after which JanusGraph
     * 1.1 refused the same uids again for as long as the retries lasted). Merged one at a time, each sees what the
     * other committed. Edge merges, the larger part of a load, still run in parallel. Not taken for the embedded
     * server, which runs one traversal at a time anyway (a Gremlin Server over TinkerGraph elsewhere may not).
     */
    private static final Object VERTEX_MERGES = new Object();

    /**
     * mergeV on (label, uid) for rows of {@link #mergeRow}: the ids by uid and which were created, in one traversal
     * per chunk. The merge finds vertices through the uid index; a created vertex carries {@value #CREATED_MARK}
     * from its onCreate map until the same traversal has read it and dropped it again. (A lookup beforehand with
     * {@code has('uid', within(...))} would scan: TinkerGraph's index answers only equality.)
     */
    private Merged mergeVertices(List<Map<String, Object>> rows) {
        Map<String, Long> ids = new HashMap<>();
        Set<String> created = new HashSet<>();
        for (List<Map<String, Object>> part : chunks(rows, CHUNK)) {
            List<Map<String, Object>> out;
            Object lock = serverSerialises ? new Object() : VERTEX_MERGES;
            synchronized (lock) {
                out = retryingConflicts(() -> writes.inject((Object) part).unfold().as("r")
                        .mergeV(__.select("r").select("m"))
                        .option(Merge.onCreate, __.select("r").select("c"))
                        .option(Merge.onMatch, __.select("r").select("p")).as("v")
                        .project("u", "i", "n").by(__.values(UID)).by(T.id).by(__.properties(CREATED_MARK).count())
                        // a vertex this merge created has no relationships: add the row's without a search; then
                        // drop the mark
                        .sideEffect(__.select("v").has(CREATED_MARK)
                                .sideEffect(__.select("r").select("eo").unfold().as("x")
                                        .addE(__.select("x").select("t")).from(__.select("v")).to(__.select("x").select("o")))
                                .sideEffect(__.select("r").select("ei").unfold().as("x")
                                        .addE(__.select("x").select("t")).from(__.select("x").select("o")).to(__.select("v")))
                                .properties(CREATED_MARK).drop())
                        .toList());
            }
            for (Map<String, Object> r : out) {
                String u = (String) r.get("u");
                ids.put(u, asLong(r.get("i")));
                if (asLong(r.get("n")) > 0) created.add(u);
            }
        }
        remember(ids);
        return new Merged(ids, created);
    }

    /** mergeE on (type, out, in) for rows of {@link #edgeRow}, setting the row's properties. */
    private void mergeEdges(List<Map<String, Object>> rows) {
        for (List<Map<String, Object>> part : chunks(rows, CHUNK)) {
            retryingConflicts(() -> writes.inject((Object) part).unfold().as("r")
                    .mergeE(__.select("r").select("m"))
                    .option(Merge.onCreate, __.select("r").select("p"))
                    .option(Merge.onMatch, __.select("r").select("p"))
                    .count().toList());
        }
    }

    /** What a server says when a write lost a race with another writer (and was rolled back): worth another try. */
    private static final java.util.regex.Pattern CONFLICT = java.util.regex.Pattern.compile(
            "(?i)lock contention|could not commit transaction|ConcurrentModification|conflict|uniqueness");
    static final int CONFLICT_ATTEMPTS = 8;

    /**
     * Runs one merge traversal again when the server refused it for a concurrent write: two ingest writers creating
     * the same missing stub vertex, which a unique {@code uid} index (JanusGraph: "Local lock contention", "Could not
     * commit transaction") refuses to the second. The traversal is one server transaction (rolled back whole) and a
     * merge, so running it again matches what the other writer created. Other failures are not retried.
     */
    static <X> X retryingConflicts(java.util.function.Supplier<X> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (attempt >= CONFLICT_ATTEMPTS || !isConflict(e)) throw e;
                try {
                    // the other writer holds its locks until its whole chunk commits: wait 0.1 s, 0.2 s ... at most 2 s
                    // (about 7 s in all), with jitter so that two writers do not collide again in step
                    long wait = Math.min(2_000L, 50L << attempt);
                    Thread.sleep(wait / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(wait));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && CONFLICT.matcher(t.getMessage()).find()) return true;
        }
        return false;
    }

    private void dropProperty(String name, List<Object> ids) {
        for (List<Object> part : chunks(ids, IDS_CHUNK)) g.V(part.toArray()).properties(name).drop().toList();
    }

    /**
     * Vertex ids by uid, for the uids that exist: one equality lookup per uid (a union of them per traversal), which
     * every index answers; {@code has('uid', within(...))} would scan the whole graph on TinkerGraph.
     */
    private Map<String, Long> idsOf(List<String> uids) {
        return idsOf(g, uids);
    }

    /** {@link #idsOf(List)} on any traversal source (the API's reads use it too). */
    static Map<String, Long> idsOf(GraphTraversalSource g, List<String> uids) {
        Map<String, Long> out = new HashMap<>();
        for (List<String> part : chunks(uids, LOOKUP_CHUNK)) {
            @SuppressWarnings("unchecked")
            GraphTraversal<Object, Map<String, Object>>[] lookups = new GraphTraversal[part.size()];
            for (int i = 0; i < lookups.length; i++) {
                lookups[i] = __.V().has(UID, part.get(i)).project("u", "i").by(__.values(UID)).by(T.id);
            }
            for (Map<String, Object> r : g.inject((Object) 1).union(lookups).toList()) {
                out.put((String) r.get("u"), asLong(r.get("i")));
            }
        }
        return out;
    }

    @Override
    public WriteCounts writeNodeProperty(String property, long[] ids, Object[] values) {
        return writeNodeProperties(ids, Map.of(property, values));
    }

    @Override
    public WriteCounts writeNodeProperties(long[] ids, Map<String, Object[]> valuesByProperty) {
        try {
            List<Map<String, Object>> rows = new ArrayList<>(ids.length);
            Map<String, List<Object>> drops = new HashMap<>();
            long set = 0;
            for (int i = 0; i < ids.length; i++) {
                Map<String, Object> p = new HashMap<>();
                for (var e : valuesByProperty.entrySet()) {
                    Object v = e.getValue()[i];
                    if (v == null) drops.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(ids[i]);
                    else p.put(e.getKey(), toGremlin(v));
                }
                set += p.size();
                if (p.isEmpty()) continue;
                Map<Object, Object> match = new HashMap<>();
                match.put(T.id, ids[i]);
                rows.add(Map.of("m", match, "p", p));
            }
            for (List<Map<String, Object>> part : chunks(rows, CHUNK)) {
                g.inject((Object) part).unfold().as("r").mergeV(__.select("r").select("m"))
                        .option(Merge.onMatch, __.select("r").select("p"))
                        .count().toList();
            }
            drops.forEach(this::dropProperty);
            return new WriteCounts(0, 0, 0, set);
        } catch (RuntimeException e) {
            throw new GraphStoreException("write failed: " + message(e), e);
        }
    }

    @Override
    public WriteCounts writeNodeProperties(NodeKey node, Map<Object, Map<String, Object>> propertiesByKey) {
        List<String> uids = new ArrayList<>();
        propertiesByKey.keySet().forEach(k -> uids.add(uid(node, k)));
        Map<String, Long> ids = idsOf(uids);
        Set<String> names = new LinkedHashSet<>();
        propertiesByKey.values().forEach(m -> names.addAll(m.keySet()));
        List<Long> found = new ArrayList<>();
        List<Map<String, Object>> maps = new ArrayList<>();
        propertiesByKey.forEach((k, m) -> {
            Long id = ids.get(uid(node, k));
            if (id != null) {
                found.add(id);
                maps.add(m);
            }
        });
        long[] idArray = found.stream().mapToLong(Long::longValue).toArray();
        Map<String, Object[]> columns = new LinkedHashMap<>();
        for (String name : names) {
            Object[] col = new Object[idArray.length];
            for (int i = 0; i < col.length; i++) col[i] = maps.get(i).get(name);
            columns.put(name, col);
        }
        // a key whose map lacks a property leaves it alone: only write what each map names
        WriteCounts counts = WriteCounts.NONE;
        for (String name : names) {
            List<Long> withIt = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < idArray.length; i++) {
                if (maps.get(i).containsKey(name)) {
                    withIt.add(idArray[i]);
                    values.add(maps.get(i).get(name));
                }
            }
            counts = counts.plus(writeNodeProperties(withIt.stream().mapToLong(Long::longValue).toArray(),
                    Map.of(name, values.toArray())));
        }
        return counts;
    }

    // ---- reads ----------------------------------------------------------------------------------------------

    @Override
    public GraphCounts counts() {
        try {
            TreeMap<String, Long> nodes = new TreeMap<>();
            TreeMap<String, Long> rels = new TreeMap<>();
            g.V().groupCount().by(T.label).toList().forEach(m -> m.forEach((k, v) -> nodes.put(String.valueOf(k), asLong(v))));
            g.E().groupCount().by(T.label).toList().forEach(m -> m.forEach((k, v) -> rels.put(String.valueOf(k), asLong(v))));
            return new GraphCounts(nodes, rels);
        } catch (RuntimeException e) {
            throw new GraphStoreException("count failed: " + message(e), e);
        }
    }

    @Override
    public void streamNodes(List<String> labels, ProjectionSink sink, int batchSize) {
        long[] ids = new long[batchSize];
        int[] label = new int[batchSize];
        for (int l = 0; l < labels.size(); l++) {
            NodeKey.requireIdentifier("label", labels.get(l));
            int k = 0;
            Iterator<Object> it = g.V().hasLabel(labels.get(l)).id();
            while (it.hasNext()) {
                ids[k] = asLong(it.next());
                label[k] = l;
                if (++k == batchSize) {
                    sink.nodes(ids, label, k);
                    k = 0;
                }
            }
            if (k > 0) sink.nodes(ids, label, k);
        }
    }

    @Override
    public void streamRelationships(List<String> types, String weightProperty, ProjectionSink sink, int batchSize) {
        if (types.isEmpty()) throw new IllegalArgumentException("name at least one relationship type to stream");
        long[] start = new long[batchSize];
        long[] end = new long[batchSize];
        int[] type = new int[batchSize];
        double[] weight = new double[batchSize];
        for (int t = 0; t < types.size(); t++) {
            NodeKey.requireIdentifier("relationship type", types.get(t));
            GraphTraversal<?, Map<String, Object>> q = weightProperty == null
                    ? g.E().hasLabel(types.get(t)).project("a", "b").by(__.outV().id()).by(__.inV().id())
                    : g.E().hasLabel(types.get(t)).project("a", "b", "w").by(__.outV().id()).by(__.inV().id())
                            .by(__.coalesce(__.values(weightProperty), __.constant(Double.NaN)));
            int k = 0;
            while (q.hasNext()) {
                Map<String, Object> r = q.next();
                start[k] = asLong(r.get("a"));
                end[k] = asLong(r.get("b"));
                type[k] = t;
                weight[k] = r.get("w") instanceof Number w ? w.doubleValue() : Double.NaN;
                if (++k == batchSize) {
                    sink.relationships(start, end, type, weight, k);
                    k = 0;
                }
            }
            if (k > 0) sink.relationships(start, end, type, weight, k);
        }
    }

    @Override
    public void streamNodeProperty(String label, String property, PropertySink sink, int batchSize) {
        NodeKey.requireIdentifier("label", label);
        long[] ids = new long[batchSize];
        Object[] values = new Object[batchSize];
        var q = g.V().hasLabel(label).has(property).project("i", "v").by(T.id).by(__.values(property));
        int k = 0;
        while (q.hasNext()) {
            Map<String, Object> r = q.next();
            ids[k] = asLong(r.get("i"));
            values[k] = this.values.read(r.get("v"));
            if (++k == batchSize) {
                sink.values(ids, values, k);
                k = 0;
            }
        }
        if (k > 0) sink.values(ids, values, k);
    }

    @Override
    public void streamNodeProperties(String label, List<String> properties, PropertiesSink sink, int batchSize) {
        NodeKey.requireIdentifier("label", label);
        long[] ids = new long[batchSize];
        Object[][] columns = new Object[properties.size()][batchSize];
        var q = g.V().hasLabel(label).elementMap(properties.toArray(String[]::new));
        int k = 0;
        while (q.hasNext()) {
            Map<Object, Object> r = q.next();
            ids[k] = asLong(r.get(T.id));
            for (int p = 0; p < properties.size(); p++) columns[p][k] = values.read(r.get(properties.get(p)));
            if (++k == batchSize) {
                sink.values(ids, columns, k);
                k = 0;
            }
        }
        if (k > 0) sink.values(ids, columns, k);
    }

    @Override
    public Optional<GraphNode> node(NodeKey node, Object key) {
        List<Map<Object, Object>> r = g.V().has(UID, uid(node, key)).elementMap().toList();
        return r.isEmpty() ? Optional.empty() : Optional.of(toNode(r.get(0), values));
    }

    static GraphNode toNode(Map<Object, Object> m, GremlinValues values) {
        Map<String, Object> props = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (k instanceof String s && !s.equals(UID)) props.put(s, values.read(v));
        });
        return new GraphNode(String.valueOf(m.get(T.id)), List.of(String.valueOf(m.get(T.label))), props);
    }

    /** Nodes by id (numeric), as GraphNodes. */
    Map<Long, GraphNode> nodes(Collection<Long> ids) {
        Map<Long, GraphNode> out = new HashMap<>();
        for (List<Object> part : idChunks(ids, IDS_CHUNK)) {
            for (Map<Object, Object> m : g.V(part.toArray()).elementMap().toList()) out.put(asLong(m.get(T.id)), toNode(m, values));
        }
        return out;
    }

    /** An edge as read during a search: id, type, start, end, properties. */
    record Edge(Object id, String type, long start, long end, Map<String, Object> properties) {
        long other(long from) { return start == from ? end : start; }

        GraphRelationship relationship() {
            return new GraphRelationship(String.valueOf(id), type, Long.toString(start), Long.toString(end), properties);
        }
    }

    /** Number of relationships per vertex (of the types; all when empty). */
    Map<Long, Long> degrees(Collection<Long> ids, Set<String> types) {
        Map<Long, Long> out = new HashMap<>();
        String[] t = types.toArray(String[]::new);
        for (List<Object> part : idChunks(ids, IDS_CHUNK)) {
            for (Map<String, Object> r : g.V(part.toArray()).project("i", "d").by(T.id).by(__.bothE(t).count()).toList()) {
                out.put(asLong(r.get("i")), asLong(r.get("d")));
            }
        }
        return out;
    }

    /** Every relationship of the types (all when empty) at these vertices, per vertex. */
    Map<Long, List<Edge>> edges(Collection<Long> ids, Set<String> types) {
        Map<Long, List<Edge>> out = new HashMap<>();
        String[] t = types.toArray(String[]::new);
        for (List<Object> part : idChunks(ids, IDS_CHUNK)) {
            for (Map<String, Object> r : g.V(part.toArray()).bothE(t).dedup().project("e", "t", "a", "b", "p")
                    .by(T.id).by(T.label).by(__.outV().id()).by(__.inV().id()).by(__.valueMap()).toList()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> p = values.readMap((Map<String, Object>) r.get("p"));
                Edge e = new Edge(r.get("e"), (String) r.get("t"), asLong(r.get("a")), asLong(r.get("b")), p);
                out.computeIfAbsent(e.start, k -> new ArrayList<>()).add(e);
                if (e.end != e.start) out.computeIfAbsent(e.end, k -> new ArrayList<>()).add(e);
            }
        }
        return out;
    }

    private Long idOf(NodeKey k, Object key) {
        return idsOf(List.of(uid(k, key))).get(uid(k, key));
    }

    @Override
    public List<GraphPath> neighbourhood(NodeKey node, Object key, TraversalLimits limits) {
        Long s = idOf(node, key);
        if (s == null) return List.of();
        Map<Long, Edge> parent = new LinkedHashMap<>();
        Map<Long, Long> parentNode = new HashMap<>();
        List<Long> order = new ArrayList<>();
        Set<Long> seen = new HashSet<>(List.of(s));
        List<Long> frontier = List.of(s);
        for (int hop = 1; hop <= limits.maxHops() && !frontier.isEmpty() && order.size() < limits.maxResults(); hop++) {
            List<Long> expand = new ArrayList<>();
            if (hop == 1) {
                expand.add(s);
            } else {
                Map<Long, Long> degree = degrees(frontier, Set.of());
                for (Long f : frontier) if (degree.getOrDefault(f, 0L) <= limits.maxDegree()) expand.add(f);
            }
            Map<Long, List<Edge>> edges = edges(expand, limits.relationshipTypes());
            List<Long> next = new ArrayList<>();
            for (Long f : expand) {
                for (Edge e : sorted(edges.getOrDefault(f, List.of()))) {
                    long m = e.other(f);
                    if (!seen.add(m)) continue;
                    parent.put(m, e);
                    parentNode.put(m, f);
                    order.add(m);
                    next.add(m);
                }
            }
            frontier = next;
        }
        if (order.size() > limits.maxResults()) order = order.subList(0, limits.maxResults());
        Set<Long> needed = new HashSet<>(List.of(s));
        for (Long x : order) for (Long c = x; c != null && !c.equals(s); c = parentNode.get(c)) needed.add(c);
        Map<Long, GraphNode> nodes = nodes(needed);
        List<GraphPath> out = new ArrayList<>();
        for (Long x : order) {
            ArrayDeque<GraphNode> ns = new ArrayDeque<>();
            ArrayDeque<GraphRelationship> rs = new ArrayDeque<>();
            for (Long c = x; !c.equals(s); c = parentNode.get(c)) {
                ns.addFirst(nodes.get(c));
                rs.addFirst(parent.get(c).relationship());
            }
            ns.addFirst(nodes.get(s));
            out.add(new GraphPath(new ArrayList<>(ns), new ArrayList<>(rs)));
        }
        return out;
    }

    /**
     * The order in which a node's relationships are followed, which decides the one path kept to each node reached:
     * a relationship with a share (a holding) first, so that a person who is both representative and shareholder is
     * reached through the holding; then by id, so that the answer does not change between calls.
     */
    private static List<Edge> sorted(List<Edge> edges) {
        List<Edge> l = new ArrayList<>(edges);
        l.sort(java.util.Comparator.comparing((Edge e) -> e.properties().get("share") instanceof Number ? 0 : 1)
                .thenComparing(e -> String.valueOf(e.id())));
        return l;
    }

    @Override
    public List<GraphPath> shortestPaths(NodeKey from, Object fromKey, NodeKey to, Object toKey, TraversalLimits limits) {
        Long a = idOf(from, fromKey);
        Long b = idOf(to, toKey);
        if (a == null || b == null || a.equals(b)) return List.of();
        // layered breadth-first search keeping every parent edge at minimal distance
        Map<Long, Integer> dist = new HashMap<>(Map.of(a, 0));
        Map<Long, List<Edge>> parents = new HashMap<>();
        List<Long> frontier = List.of(a);
        boolean found = false;
        for (int hop = 1; hop <= limits.maxHops() && !frontier.isEmpty() && !found; hop++) {
            List<Long> expand = new ArrayList<>();
            if (hop == 1) {
                expand.add(a);
            } else {
                Map<Long, Long> degree = degrees(frontier, Set.of());
                for (Long f : frontier) if (degree.getOrDefault(f, 0L) <= limits.maxDegree()) expand.add(f);
            }
            Map<Long, List<Edge>> edges = edges(expand, limits.relationshipTypes());
            LinkedHashSet<Long> next = new LinkedHashSet<>();
            for (Long f : expand) {
                for (Edge e : sorted(edges.getOrDefault(f, List.of()))) {
                    long m = e.other(f);
                    Integer d = dist.get(m);
                    if (d != null && d < hop) continue;
                    dist.put(m, hop);
                    parents.computeIfAbsent(m, k -> new ArrayList<>()).add(e);
                    next.add(m);
                    if (m == b) found = true;
                }
            }
            frontier = new ArrayList<>(next);
        }
        if (!found) return List.of();
        // enumerate the paths back from b
        List<List<Edge>> edgePaths = new ArrayList<>();
        enumerate(b, a, parents, dist, new ArrayDeque<>(), edgePaths, limits.maxResults());
        Set<Long> ids = new HashSet<>();
        for (List<Edge> p : edgePaths) for (Edge e : p) {
            ids.add(e.start);
            ids.add(e.end);
        }
        Map<Long, GraphNode> nodes = nodes(ids);
        List<GraphPath> out = new ArrayList<>();
        for (List<Edge> p : edgePaths) {
            List<GraphNode> ns = new ArrayList<>(List.of(nodes.get(a)));
            List<GraphRelationship> rs = new ArrayList<>();
            long at = a;
            for (Edge e : p) {
                at = e.other(at);
                ns.add(nodes.get(at));
                rs.add(e.relationship());
            }
            out.add(new GraphPath(ns, rs));
        }
        return out;
    }

    private static void enumerate(long at, long a, Map<Long, List<Edge>> parents, Map<Long, Integer> dist,
                                  ArrayDeque<Edge> suffix, List<List<Edge>> out, int max) {
        if (out.size() >= max) return;
        if (at == a) {
            out.add(new ArrayList<>(suffix));
            return;
        }
        for (Edge e : parents.getOrDefault(at, List.of())) {
            long prev = e.other(at);
            Integer d = dist.get(prev);
            if (d == null || d != dist.get(at) - 1) continue;
            suffix.addFirst(e);
            enumerate(prev, a, parents, dist, suffix, out, max);
            suffix.removeFirst();
        }
    }

    @Override
    public Map<Object, Set<Object>> reachable(NodeKey start, Collection<?> startKeys, NodeKey target,
                                              TraversalLimits limits) {
        if (limits.relationshipTypes().isEmpty()) throw new IllegalArgumentException("name the relationship types to follow");
        Map<Object, Set<Object>> out = new LinkedHashMap<>();
        LinkedHashMap<String, Object> byUid = new LinkedHashMap<>();
        for (Object k : startKeys) byUid.putIfAbsent(uid(start, toGremlin(k)), toGremlin(k));
        if (byUid.isEmpty()) return out;
        Map<String, Long> ids = idsOf(new ArrayList<>(byUid.keySet()));
        List<Object> startKey = new ArrayList<>();
        List<Set<Long>> seen = new ArrayList<>();
        Map<Long, BitSet> frontier = new HashMap<>();
        for (var e : byUid.entrySet()) {
            Long id = ids.get(e.getKey());
            if (id == null) continue;
            int i = startKey.size();
            startKey.add(e.getValue());
            seen.add(new HashSet<>(List.of(id)));
            frontier.computeIfAbsent(id, k -> new BitSet()).set(i);
            out.put(e.getValue(), new LinkedHashSet<>());
        }
        Map<Long, Object> targetKey = new HashMap<>();
        for (int hop = 1; hop <= limits.maxHops() && !frontier.isEmpty(); hop++) {
            boolean free = hop <= 2;
            List<Long> expand = new ArrayList<>();
            if (free) {
                expand.addAll(frontier.keySet());
            } else {
                Map<Long, Long> degree = degrees(frontier.keySet(), limits.relationshipTypes());
                for (Long f : frontier.keySet()) if (degree.getOrDefault(f, 0L) <= limits.maxDegree()) expand.add(f);
            }
            Map<Long, List<Edge>> edges = edges(expand, limits.relationshipTypes());
            Set<Long> others = new HashSet<>();
            edges.forEach((f, es) -> es.forEach(e -> others.add(e.other(f))));
            others.removeAll(targetKey.keySet());
            targetKey.putAll(keysOf(others, target));
            Map<Long, BitSet> next = new HashMap<>();
            for (Long f : expand) {
                BitSet starts = frontier.get(f);
                for (Edge e : edges.getOrDefault(f, List.of())) {
                    long m = e.other(f);
                    Object key = targetKey.get(m);
                    for (int s = starts.nextSetBit(0); s >= 0; s = starts.nextSetBit(s + 1)) {
                        if (!seen.get(s).add(m)) continue;
                        next.computeIfAbsent(m, k -> new BitSet()).set(s);
                        Set<Object> found = out.get(startKey.get(s));
                        if (key != null && found.size() < limits.maxResults()) found.add(key);
                    }
                }
            }
            frontier = next;
        }
        return out;
    }

    /** The target key of the vertices that have the target label (absent for the others). */
    private Map<Long, Object> keysOf(Set<Long> ids, NodeKey target) {
        Map<Long, Object> out = new HashMap<>();
        for (List<Object> part : idChunks(ids, IDS_CHUNK)) {
            for (Map<String, Object> r : g.V(part.toArray()).hasLabel(target.label()).has(target.property())
                    .project("i", "k").by(T.id).by(__.values(target.property())).toList()) {
                out.put(asLong(r.get("i")), r.get("k"));
            }
        }
        // vertices without the target label map to a marker so they are not looked up again
        for (Long id : ids) out.putIfAbsent(id, null);
        return out;
    }

    @Override
    public void close() {
        // the traversal source belongs to the GremlinConnection that made it
    }

    // ---- conversions ----------------------------------------------------------------------------------------

    /** Values as stored on every Gremlin server ({@link GremlinValues}): dates and lists as text, BigDecimal as double. */
    Object toGremlin(Object v) {
        return values.write(v);
    }

    private Map<String, Object> gremlinMap(Map<String, Object> m) {
        Map<String, Object> out = new HashMap<>();
        m.forEach((k, v) -> {
            if (v != null) out.put(k, toGremlin(v));
        });
        return out;
    }

    static long asLong(Object id) {
        if (id instanceof Number n) return n.longValue();
        throw new GraphStoreException("this Gremlin server's element ids are not numeric (" + id + "): riskgraph needs "
                + "numeric ids (TinkerGraph with the LONG id manager, JanusGraph); Neptune's string ids are not supported yet");
    }

    /** Ids in parts for {@code V(ids...)}. */
    static List<List<Object>> idChunks(Collection<Long> ids, int size) {
        return chunks(new ArrayList<Object>(ids), size);
    }

    static <X> List<List<X>> chunks(List<X> all, int size) {
        List<List<X>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) out.add(all.subList(i, Math.min(all.size(), i + size)));
        return out;
    }

    static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }
}
