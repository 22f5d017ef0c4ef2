package io.riskgraph.cypher;

import io.riskgraph.store.GraphCounts;
import io.riskgraph.store.GraphNode;
import io.riskgraph.store.GraphPath;
import io.riskgraph.store.GraphRelationship;
import io.riskgraph.store.GraphStore;
import io.riskgraph.store.GraphStore.Removal;
import io.riskgraph.store.GraphStoreException;
import io.riskgraph.store.NodeKey;
import io.riskgraph.store.ProjectionSink;
import io.riskgraph.store.RelationshipBatch;
import io.riskgraph.store.RelationshipSpec;
import io.riskgraph.store.TraversalLimits;
import io.riskgraph.store.UpsertBatch;
import io.riskgraph.store.WriteCounts;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.SummaryCounters;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The {@link GraphStore} over the Neo4j Java Driver: every call is parameterised Cypher in a managed transaction
 * (retried on transient errors such as deadlocks). Labels, types and property names in query text come only from
 * {@link NodeKey}/{@link RelationshipSpec}, which admit identifiers only. Projection reads go through the server-side
 * {@link ProjectionProcedures} when the server has them, else through Cypher window queries that return the same rows.
 */
public final class Neo4jGraphStore implements GraphStore {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    /** How projection reads the store. */
    public enum ProjectionPath {
        /** {@link ProjectionProcedures} when the server has them (checked once per store), else Cypher. */
        PROCEDURE_WHEN_INSTALLED,
        /** The Cypher window queries only, as on a server without the riskgraph plugin. */
        CYPHER
    }

    private final Driver driver;
    private final ProjectionPath projectionPath;
    private final Map<String, String> upsertQueries = new ConcurrentHashMap<>();
    /** Labels that had no node when this store first wrote them: new keys need no lookup until a duplicate shows. */
    private final Map<String, Boolean> optimisticLabels = new ConcurrentHashMap<>();
    /** Which of riskgraph's procedures the server has, by name ({@link #hasProcedure}). */
    private final Map<String, Boolean> procedures = new java.util.concurrent.ConcurrentHashMap<>();

    public Neo4jGraphStore(Driver driver) {
        this(driver, ProjectionPath.PROCEDURE_WHEN_INSTALLED);
    }

    public Neo4jGraphStore(Driver driver, ProjectionPath projectionPath) {
        this.driver = driver;
        this.projectionPath = projectionPath;
    }

    public Driver driver() { return driver; }

    // ---- writes ---------------------------------------------------------------------------------------------

    /**
     * Rows whose key is not yet in the store take a create path (no replaced relationships to look for, no
     * relationship to merge); the rest are merged. While a label that was empty at its first write has shown no
     * duplicate, its keys are not looked up at all. A key that exists after all (another writer, a repeated key)
     * fails the create on its uniqueness constraint; the whole batch is then merged instead, and that label's keys
     * are looked up from then on.
     */
    @Override
    public WriteCounts upsert(UpsertBatch batch) {
        if (batch.rows().isEmpty()) return WriteCounts.NONE;
        List<Map<String, Object>> rows = new ArrayList<>(batch.rows().size());
        int specs = batch.relationships().size();
        for (UpsertBatch.Row row : batch.rows()) {
            Map<String, Object> r = new HashMap<>(4 + specs);
            r.put("key", toDriver(row.key()));
            r.put("props", toDriverMap(row.properties()));
            List<List<Map<String, Object>>> links = new ArrayList<>(specs);
            for (int i = 0; i < specs; i++) links.add(new ArrayList<>());
            for (UpsertBatch.Link link : row.links()) {
                links.get(link.spec()).add(Map.of("key", toDriver(link.otherKey()), "props",
                        toDriverMap(link.properties())));
            }
            for (int i = 0; i < specs; i++) r.put("l" + i, links.get(i));
            rows.add(r);
        }
        String merge = upsertQueries.computeIfAbsent("merge|" + upsertKey(batch), k -> upsertCypher(batch));
        String lookup = "UNWIND $keys AS k MATCH (n:" + batch.node().label() + " {" + batch.node().property()
                + ": k}) RETURN k";
        try (Session session = driver.session()) {
            boolean optimistic = optimisticLabels.computeIfAbsent(batch.node().label(), label -> isEmpty(session, label));
            return session.executeWrite(tx -> {
                java.util.Set<Object> existing = new java.util.HashSet<>();
                if (!optimistic) {
                    List<Object> keys = new ArrayList<>(rows.size());
                    for (Map<String, Object> r : rows) keys.add(r.get("key"));
                    tx.run(lookup, Map.of("keys", keys)).forEachRemaining(rec -> existing.add(rec.get(0).asObject()));
                }
                List<Map<String, Object>> fresh = new ArrayList<>(rows.size() - existing.size());
                List<Map<String, Object>> known = new ArrayList<>(existing.size());
                java.util.Set<Object> seen = new java.util.HashSet<>();
                for (Map<String, Object> r : rows) {
                    // a key twice in one batch: the second occurrence must update what the first created
                    boolean isNew = !existing.contains(r.get("key")) && seen.add(r.get("key"));
                    (isNew ? fresh : known).add(r);
                }
                WriteCounts counts = WriteCounts.NONE;
                if (!fresh.isEmpty()) counts = counts.plus(createFresh(tx, batch, fresh));
                if (!known.isEmpty()) counts = counts.plus(counters(tx.run(merge, Map.of("rows", known)).consume()));
                return counts;
            });
        } catch (org.neo4j.driver.exceptions.ClientException e) {
            if (!String.valueOf(e.code()).contains("ConstraintValidationFailed")) {
                throw new GraphStoreException("write failed: " + e.getMessage(), e);
            }
            optimisticLabels.put(batch.node().label(), false);
            return write(merge, Map.of("rows", rows));
        } catch (Neo4jException e) {
            throw new GraphStoreException("write failed: " + e.getMessage(), e);
        }
    }

    private static boolean isEmpty(Session session, String label) {
        return session.executeRead(tx -> tx.run("MATCH (n:" + label + ") RETURN count(n) = 0").single().get(0).asBoolean());
    }

    private static WriteCounts counters(org.neo4j.driver.summary.ResultSummary summary) {
        SummaryCounters c = summary.counters();
        return new WriteCounts(c.nodesCreated(), c.relationshipsCreated(), c.relationshipsDeleted(), c.propertiesSet());
    }

    /**
     * New nodes in flat statements, which plan and run far faster than per-row subqueries: create the nodes; merge
     * each distinct link target once per batch (a Segment or a busy Address is touched once, not per row); then
     * create the relationships by two index seeks each.
     */
    private WriteCounts createFresh(org.neo4j.driver.TransactionContext tx, UpsertBatch batch,
                                    List<Map<String, Object>> fresh) {
        NodeKey n = batch.node();
        List<Map<String, Object>> nodes = new ArrayList<>(fresh.size());
        for (Map<String, Object> r : fresh) {
            @SuppressWarnings("unchecked")
            Map<String, Object> props = new HashMap<>((Map<String, Object>) r.get("props"));
            props.values().removeIf(java.util.Objects::isNull);
            props.put(n.property(), r.get("key"));
            nodes.add(props);
        }
        WriteCounts counts = counters(tx.run("UNWIND $rows AS row CREATE (n:" + n.label() + ") SET n = row",
                Map.of("rows", nodes)).consume());
        List<RelationshipSpec> specs = batch.relationships();
        for (int i = 0; i < specs.size(); i++) {
            RelationshipSpec spec = specs.get(i);
            java.util.LinkedHashSet<Object> targets = new java.util.LinkedHashSet<>();
            List<Map<String, Object>> pairs = new ArrayList<>();
            boolean anyProps = false;
            for (Map<String, Object> r : fresh) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> links = (List<Map<String, Object>>) r.get("l" + i);
                for (Map<String, Object> link : links) {
                    targets.add(link.get("key"));
                    @SuppressWarnings("unchecked")
                    Map<String, Object> props = (Map<String, Object>) link.get("props");
                    anyProps |= !props.isEmpty();
                    pairs.add(Map.of("a", r.get("key"), "b", link.get("key"), "props", props));
                }
            }
            if (pairs.isEmpty()) continue;
            counts = counts.plus(ensureNodes(tx, spec.other(), new ArrayList<>(targets), !spec.derived()));
            String arrow = spec.outgoing() ? "-[r:" + spec.type() + "]->" : "<-[r:" + spec.type() + "]-";
            counts = counts.plus(counters(tx.run("UNWIND $pairs AS p MATCH (n:" + n.label() + " {" + n.property()
                    + ": p.a}) MATCH (o:" + spec.other().label() + " {" + spec.other().property() + ": p.b}) "
                    + "CREATE (n)" + arrow + "(o)" + (anyProps ? " SET r = p.props" : ""),
                    Map.of("pairs", pairs)).consume()));
        }
        return counts;
    }

    /** Makes sure nodes with these keys exist, creating the missing ones (as stubs unless derived). */
    private static WriteCounts ensureNodes(org.neo4j.driver.TransactionContext tx, NodeKey key, List<Object> keys,
                                           boolean markStub) {
        return counters(tx.run("UNWIND $keys AS k MERGE (o:" + key.label() + " {" + key.property() + ": k})"
                + (markStub ? " ON CREATE SET o.stub = true" : ""), Map.of("keys", keys)).consume());
    }

    private static String upsertKey(UpsertBatch batch) {
        return batch.node() + "|" + batch.relationships();
    }

    static String upsertCypher(UpsertBatch batch) {
        NodeKey n = batch.node();
        StringBuilder q = new StringBuilder()
                .append("UNWIND $rows AS row\n")
                .append("MERGE (n:").append(n.label()).append(" {").append(n.property()).append(": row.key})\n")
                .append("SET n += row.props\n")
                .append("REMOVE n.stub\n");
        List<RelationshipSpec> specs = batch.relationships();
        for (int i = 0; i < specs.size(); i++) {
            RelationshipSpec s = specs.get(i);
            String arrowLeft = s.outgoing() ? "-" : "<-";
            String arrowRight = s.outgoing() ? "->" : "-";
            NodeKey o = s.other();
            if (s.exclusive()) {
                q.append("WITH n, row\nCALL (n, row) {\n")
                        .append("  MATCH (n)").append(arrowLeft).append("[old:").append(s.type()).append("]")
                        .append(arrowRight).append("(o:").append(o.label()).append(")\n")
                        .append("  WHERE NOT o.").append(o.property()).append(" IN [x IN row.l").append(i)
                        .append(" | x.key]\n")
                        .append("  DELETE old\n}\n");
            }
            q.append("WITH n, row\nCALL (n, row) {\n")
                    .append("  UNWIND row.l").append(i).append(" AS link\n")
                    .append("  MERGE (o:").append(o.label()).append(" {").append(o.property())
                    .append(": link.key})").append(s.derived() ? "" : " ON CREATE SET o.stub = true").append("\n")
                    .append("  MERGE (n)").append(arrowLeft).append("[r:").append(s.type()).append("]")
                    .append(arrowRight).append("(o)\n")
                    .append("  SET r += link.props\n}\n");
        }
        return q.toString();
    }

    @Override
    public WriteCounts upsert(RelationshipBatch batch) {
        if (batch.rows().isEmpty()) return WriteCounts.NONE;
        NodeKey f = batch.from();
        NodeKey t = batch.to();
        String cypher = "UNWIND $rows AS row\n"
                + "MATCH (a:" + f.label() + " {" + f.property() + ": row.from})\n"
                + "MATCH (b:" + t.label() + " {" + t.property() + ": row.to})\n"
                + "MERGE (a)-[r:" + batch.type() + "]->(b)\n"
                + "SET r += row.props";
        List<Map<String, Object>> rows = new ArrayList<>(batch.rows().size());
        java.util.LinkedHashSet<Object> fromKeys = new java.util.LinkedHashSet<>();
        java.util.LinkedHashSet<Object> toKeys = new java.util.LinkedHashSet<>();
        for (RelationshipBatch.Row row : batch.rows()) {
            Object from = toDriver(row.fromKey());
            Object to = toDriver(row.toKey());
            fromKeys.add(from);
            toKeys.add(to);
            rows.add(Map.of("from", from, "to", to, "props", toDriverMap(row.properties())));
        }
        try (Session session = driver.session()) {
            return session.executeWrite(tx -> {
                WriteCounts counts = ensureNodes(tx, f, new ArrayList<>(fromKeys), true);
                if (f.equals(t)) toKeys.removeAll(fromKeys);
                counts = counts.plus(ensureNodes(tx, t, new ArrayList<>(toKeys), true));
                return counts.plus(counters(tx.run(cypher, Map.of("rows", rows)).consume()));
            });
        } catch (Neo4jException e) {
            throw new GraphStoreException("write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public WriteCounts writeNodeProperty(String property, long[] ids, Object[] values) {
        requireIdentifier("property", property);
        if (ids.length != values.length) {
            throw new IllegalArgumentException(ids.length + " ids but " + values.length + " values");
        }
        List<Map<String, Object>> rows = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            Map<String, Object> row = new HashMap<>(2);
            row.put("id", ids[i]);
            row.put("v", toDriver(values[i]));
            rows.add(row);
        }
        return write("UNWIND $rows AS row MATCH (n) WHERE id(n) = row.id SET n." + property + " = row.v",
                Map.of("rows", rows));
    }

    @Override
    public WriteCounts writeNodeProperties(long[] ids, Map<String, Object[]> valuesByProperty) {
        valuesByProperty.forEach((property, values) -> {
            requireIdentifier("property", property);
            if (values.length != ids.length) {
                throw new IllegalArgumentException(ids.length + " ids but " + values.length + " values of " + property);
            }
        });
        List<Map<String, Object>> rows = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            Map<String, Object> props = new HashMap<>(valuesByProperty.size() * 2);
            for (Map.Entry<String, Object[]> e : valuesByProperty.entrySet()) props.put(e.getKey(), toDriver(e.getValue()[i]));
            rows.add(Map.of("id", ids[i], "p", props));
        }
        return write("UNWIND $rows AS row MATCH (n) WHERE id(n) = row.id SET n += row.p", Map.of("rows", rows));
    }

    /** Through {@link WriteBackProcedures} where the server has it, as packed columns; else as boxed values in Cypher. */
    @Override
    public WriteCounts writeNodeColumns(long[] ids, Map<String, ?> columns) {
        if (!useWriteBackProcedure()) return GraphStore.super.writeNodeColumns(ids, columns);
        List<String> names = new ArrayList<>(columns.size());
        List<byte[]> packed = new ArrayList<>(columns.size());
        List<String> kinds = new ArrayList<>(columns.size());
        columns.forEach((name, column) -> {
            requireIdentifier("property", name);
            switch (column) {
                case double[] d when d.length == ids.length -> {
                    packed.add(PackedColumns.pack(d));
                    kinds.add(WriteBackProcedures.DOUBLE);
                }
                case long[] l when l.length == ids.length -> {
                    packed.add(PackedColumns.pack(l));
                    kinds.add(WriteBackProcedures.LONG);
                }
                case Removal r -> kinds.add(WriteBackProcedures.REMOVE); // no bytes
                default -> throw new IllegalArgumentException("column " + name + " must be a double[] or a long[] of "
                        + ids.length + " values, or REMOVE");
            }
            names.add(name);
        });
        // one byte value for all value columns: Bolt carries a list of byte arrays as lists of numbers
        byte[] all = new byte[ids.length * Long.BYTES * packed.size()];
        for (int c = 0; c < packed.size(); c++) {
            System.arraycopy(packed.get(c), 0, all, c * ids.length * Long.BYTES, ids.length * Long.BYTES);
        }
        Map<String, Object> params = Map.of("ids", PackedColumns.pack(ids), "names", names, "columns", all,
                "kinds", kinds);
        try (Session session = driver.session()) {
            long properties = session.executeWrite(tx -> tx.run("CALL " + WriteBackProcedures.NODE_PROPERTIES
                    + "($ids, $names, $columns, $kinds) YIELD properties RETURN properties", params)
                    .single().get(0).asLong());
            return new WriteCounts(0, 0, 0, properties);
        } catch (Neo4jException e) {
            throw new GraphStoreException("write failed: " + e.getMessage(), e);
        }
    }

    /** Whether the server has the write-back procedure (a plugin jar older than it may lack it); asked once. */
    private boolean useWriteBackProcedure() {
        return hasProcedure(WriteBackProcedures.NODE_PROPERTIES);
    }

    /**
     * Whether the server has one of riskgraph's procedures (a plugin jar older than this one may lack it, and the
     * Cypher path is then used), asked once per name; never with {@link ProjectionPath#CYPHER}.
     */
    private boolean hasProcedure(String name) {
        if (projectionPath == ProjectionPath.CYPHER) return false;
        return procedures.computeIfAbsent(name, n -> {
            try (Session session = readSession()) {
                return session.executeRead(tx -> tx.run("SHOW PROCEDURES YIELD name WHERE name = $name RETURN count(*)",
                        Map.of("name", n)).single().get(0).asLong()) == 1;
            } catch (Neo4jException e) {
                return false;
            }
        });
    }

    @Override
    public WriteCounts writeNodeProperties(NodeKey node, Map<Object, Map<String, Object>> propertiesByKey) {
        List<Map<String, Object>> rows = new ArrayList<>(propertiesByKey.size());
        propertiesByKey.forEach((k, props) -> rows.add(Map.of("key", toDriver(k), "props", toDriverMap(props))));
        return write("UNWIND $rows AS row MATCH (n:" + node.label() + " {" + node.property() + ": row.key}) "
                + "SET n += row.props", Map.of("rows", rows));
    }

    private WriteCounts write(String cypher, Map<String, Object> params) {
        try (Session session = driver.session()) {
            SummaryCounters c = session.executeWrite(tx -> tx.run(cypher, params).consume().counters());
            return new WriteCounts(c.nodesCreated(), c.relationshipsCreated(), c.relationshipsDeleted(),
                    c.propertiesSet());
        } catch (Neo4jException e) {
            throw new GraphStoreException("write failed: " + e.getMessage(), e);
        }
    }

    // ---- reads ----------------------------------------------------------------------------------------------

    @Override
    public GraphCounts counts() {
        try (Session session = readSession()) {
            return session.executeRead(tx -> {
                TreeMap<String, Long> labels = new TreeMap<>();
                for (Record r : tx.run("CALL db.labels() YIELD label RETURN label").list()) {
                    String label = r.get(0).asString();
                    if (!IDENTIFIER.matcher(label).matches()) continue;
                    long n = tx.run("MATCH (n:" + label + ") RETURN count(n)").single().get(0).asLong();
                    if (n > 0) labels.put(label, n);
                }
                TreeMap<String, Long> types = new TreeMap<>();
                for (Record r : tx.run("CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType")
                        .list()) {
                    String type = r.get(0).asString();
                    if (!IDENTIFIER.matcher(type).matches()) continue;
                    long n = tx.run("MATCH ()-[r:" + type + "]->() RETURN count(r)").single().get(0).asLong();
                    if (n > 0) types.put(type, n);
                }
                return new GraphCounts(labels, types);
            });
        }
    }

    /** Node ids per read: one record carries the lists for a whole window, not one record per element. */
    static final int ID_WINDOW = 65_536;
    /** Concurrent readers of windows; the sink is still called from the caller's thread only. */
    static final int PROJECTION_READERS = 2;

    @Override
    public void streamNodes(List<String> labels, ProjectionSink sink, int batchSize) {
        labels.forEach(l -> requireIdentifier("label", l));
        if (useProjectionProcedures()) {
            readWindows("CALL " + ProjectionProcedures.NODES + "($labels, $lo, $hi) YIELD ids, labelIndexes\n"
                    + "RETURN ids, labelIndexes", Map.of("labels", labels), record -> {
                long[] ids = PackedColumns.longs(record.get(0).asByteArray());
                int[] label = PackedColumns.ints(record.get(1).asByteArray());
                deliverNodes(ids, label, sink, batchSize);
            });
            return;
        }
        StringBuilder labelIndex = new StringBuilder("CASE");
        for (int i = 0; i < labels.size(); i++) {
            labelIndex.append(" WHEN n:").append(labels.get(i)).append(" THEN ").append(i);
        }
        labelIndex.append(" END");
        String filter = String.join(" OR ", labels.stream().map(l -> "n:" + l).toList());
        String cypher = "UNWIND range($lo, $hi) AS nid MATCH (n) WHERE id(n) = nid AND (" + filter + ")\n"
                + "RETURN collect(nid) AS ids, collect(" + labelIndex + ") AS labels";
        readWindows(cypher, Map.of(), record -> deliverNodes(longs(record.get(0)), ints(record.get(1)), sink, batchSize));
    }

    private static void deliverNodes(long[] ids, int[] label, ProjectionSink sink, int batchSize) {
        deliver(ids.length, batchSize, (from, n) -> sink.nodes(slice(ids, from, n), slice(label, from, n), n));
    }

    @Override
    public void streamRelationships(List<String> types, String weightProperty, ProjectionSink sink, int batchSize) {
        if (types.isEmpty()) throw new IllegalArgumentException("name at least one relationship type to stream");
        types.forEach(t -> requireIdentifier("relationship type", t));
        if (weightProperty != null) requireIdentifier("property", weightProperty);
        // columns that would be constant are left out: each costs per relationship on the server
        boolean weighted = weightProperty != null;
        boolean typed = types.size() > 1;
        if (useProjectionProcedures()) {
            Map<String, Object> params = new HashMap<>();
            params.put("types", types);
            params.put("weightProperty", weightProperty);
            readRelationshipWindows("CALL " + ProjectionProcedures.RELATIONSHIPS_BY_ID
                    + "($types, $weightProperty, $lo, $hi)\n"
                    + "YIELD startIds, endIds, typeIndexes, weights, existing\n"
                    + "RETURN startIds, endIds, typeIndexes, weights, existing",
                    params, record -> {
                long[] start = PackedColumns.longs(record.get(0).asByteArray());
                long[] end = PackedColumns.longs(record.get(1).asByteArray());
                int[] type = typed ? PackedColumns.ints(record.get(2).asByteArray()) : new int[start.length];
                double[] w = weighted ? PackedColumns.doubles(record.get(3).asByteArray()) : absentWeights(start.length);
                deliverRelationships(start, end, type, w, sink, batchSize);
            });
            return;
        }
        StringBuilder typeIndex = new StringBuilder("CASE type(r)");
        for (int i = 0; i < types.size(); i++) {
            typeIndex.append(" WHEN '").append(types.get(i)).append("' THEN ").append(i);
        }
        typeIndex.append(" END");
        String cypher = "UNWIND range($lo, $hi) AS nid MATCH (a) WHERE id(a) = nid\n"
                + "MATCH (a)-[r:" + String.join("|", types) + "]->(b)\n"
                + "RETURN collect(nid) AS s, collect(id(b)) AS t"
                + (typed ? ", collect(" + typeIndex + ") AS k" : "")
                + (weighted ? ", collect(coalesce(toFloat(r." + weightProperty + "), 0.0 / 0.0)) AS w" : "");
        readWindows(cypher, Map.of(), record -> {
            long[] start = longs(record.get(0));
            long[] end = longs(record.get(1));
            int[] type = typed ? ints(record.get("k")) : new int[start.length];
            double[] w = weighted ? doubles(record.get("w")) : absentWeights(start.length);
            deliverRelationships(start, end, type, w, sink, batchSize);
        });
    }

    private static double[] absentWeights(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, Double.NaN);
        return w;
    }

    private static void deliverRelationships(long[] start, long[] end, int[] type, double[] w, ProjectionSink sink,
                                             int batchSize) {
        deliver(start.length, batchSize, (from, n) -> sink.relationships(slice(start, from, n), slice(end, from, n),
                slice(type, from, n), slice(w, from, n), n));
    }

    /**
     * Whether to project through {@link ProjectionProcedures}: asked of the server once per store. A server that
     * will not list its procedures to this user is taken not to have them; the Cypher path works anywhere.
     */
    boolean useProjectionProcedures() {
        return hasProcedure(ProjectionProcedures.NODES) && hasProcedure(ProjectionProcedures.RELATIONSHIPS_BY_ID);
    }

    /**
     * Runs {@code cypher} (with {@code params} and $lo, $hi: an inclusive node-id window) over every window up to the
     * highest node id, on {@link #PROJECTION_READERS} sessions at once, and hands each window's single record to
     * {@code handler} on the calling thread.
     */
    private void readWindows(String cypher, Map<String, Object> params, java.util.function.Consumer<Record> handler) {
        long maxId;
        try (Session session = readSession()) {
            Value max = session.executeRead(tx -> tx.run("MATCH (n) RETURN max(id(n))").single().get(0));
            if (max.isNull()) return;
            maxId = max.asLong();
        }
        long windows = maxId / ID_WINDOW + 1;
        readWindows(cypher, params, 0, w -> w < windows, maxId, (record, w) -> {}, handler);
    }

    /**
     * Consecutive relationship-id windows without a relationship of any type after which
     * {@link #readRelationshipWindows} stops handing out windows although the count was not reached.
     */
    static final int EMPTY_WINDOWS_STOP = 64;

    /**
     * Runs {@code cypher}, a call of {@link ProjectionProcedures#RELATIONSHIPS_BY_ID} yielding {@code existing}, over
     * relationship-id windows from 0 until the windows' {@code existing} add up to the number of relationships.
     *
     * <p>Why not up to the highest relationship id, as {@link #readWindows} does for node ids: Cypher has no cheap
     * {@code max(id(r))} (it scans every relationship: a projection's worth of store reads before the first window),
     * while {@code MATCH ()-[r]->() RETURN count(r)} is answered from the count store in constant time. The ids in
     * use are dense from 0 up (deleted ids are reused), so the windows' counts reach the total just past the last
     * relationship. They may never reach it when relationships are deleted while the windows are read (each window
     * is its own transaction); hence the safety stop after {@link #EMPTY_WINDOWS_STOP} consecutive windows with
     * none. Such a run of empty windows can also be a gap of deleted ids not yet reused (over
     * {@code EMPTY_WINDOWS_STOP * ID_WINDOW} = 4 M ids); so when the count was not reached, one Cypher query finds
     * the next relationship id past the windows read (a scan, but only on this rare path) and the windows resume
     * there, until there is none.
     */
    private void readRelationshipWindows(String cypher, Map<String, Object> params,
                                         java.util.function.Consumer<Record> handler) {
        long total;
        try (Session session = readSession()) {
            total = session.executeRead(tx -> tx.run("MATCH ()-[r]->() RETURN count(r)").single().get(0).asLong());
        }
        java.util.concurrent.atomic.AtomicLong seen = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong lastRead = new java.util.concurrent.atomic.AtomicLong(-1);
        long first = 0;
        while (total > 0) {
            java.util.concurrent.atomic.AtomicLong lastNonEmpty = new java.util.concurrent.atomic.AtomicLong(first - 1);
            readWindows(cypher, params, first,
                    w -> seen.get() < total && w <= lastNonEmpty.get() + EMPTY_WINDOWS_STOP, Long.MAX_VALUE,
                    (record, w) -> {
                        long existing = record.get("existing").asLong();
                        lastRead.accumulateAndGet(w, Math::max);
                        if (existing > 0) {
                            seen.addAndGet(existing);
                            lastNonEmpty.accumulateAndGet(w, Math::max);
                        }
                    }, handler);
            if (seen.get() >= total) return;
            Value next;
            try (Session session = readSession()) {
                long hi = (lastRead.get() + 1) * ID_WINDOW - 1;
                next = session.executeRead(tx -> tx.run("MATCH ()-[r]->() WHERE id(r) > $hi RETURN min(id(r))",
                        Map.of("hi", hi)).single().get(0));
            }
            if (next.isNull()) return;
            first = next.asLong() / ID_WINDOW;
        }
    }

    /**
     * Runs {@code cypher} with $lo, $hi for window w = first, first + 1, ... while {@code handOut} accepts w (asked
     * before each window is handed out; ids above {@code maxId} are not asked for), on {@link #PROJECTION_READERS}
     * sessions at once. {@code afterRead} sees each record on its reader's thread, {@code handler} on the caller's.
     */
    private void readWindows(String cypher, Map<String, Object> params, long first,
                             java.util.function.LongPredicate handOut, long maxId,
                             java.util.function.ObjLongConsumer<Record> afterRead,
                             java.util.function.Consumer<Record> handler) {
        java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong(first);
        java.util.concurrent.BlockingQueue<Object> results = new java.util.concurrent.ArrayBlockingQueue<>(4);
        Object done = new Object();
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < PROJECTION_READERS; t++) {
            Thread reader = Thread.ofPlatform().daemon().name("projection-reader-" + t).start(() -> {
                try (Session session = readSession()) {
                    long w;
                    while ((w = next.getAndIncrement()) >= first && w != Long.MAX_VALUE && handOut.test(w)) {
                        long lo = w * ID_WINDOW;
                        Map<String, Object> window = new HashMap<>(params);
                        window.put("lo", lo);
                        window.put("hi", Math.min(maxId, lo + ID_WINDOW - 1));
                        Record record = session.executeRead(tx -> tx.run(cypher, window).single());
                        afterRead.accept(record, w);
                        results.put(record);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    offer(results, e);
                } finally {
                    offer(results, done); // after the session closed
                }
            });
            readers.add(reader);
        }
        int finished = 0;
        RuntimeException failure = null;
        try {
            while (finished < readers.size()) {
                Object item = results.take();
                if (item == done) {
                    finished++;
                } else if (failure != null) {
                    continue; // draining: the readers stop after their current window
                } else if (item instanceof RuntimeException e) {
                    failure = e instanceof Neo4jException n ? new GraphStoreException("projection read failed: "
                            + n.getMessage(), n) : e;
                    next.set(Long.MAX_VALUE);
                } else {
                    try {
                        handler.accept((Record) item);
                    } catch (RuntimeException e) {
                        failure = e;
                        next.set(Long.MAX_VALUE);
                    }
                }
            }
            // A reader interrupted while its session closes makes the driver terminate that connection, and the
            // pool may hand it out once more before it notices: the next query then fails with "Connection is
            // closed". So readers are drained and joined, never interrupted, unless this thread itself is.
            for (Thread reader : readers) reader.join();
        } catch (InterruptedException e) {
            next.set(Long.MAX_VALUE);
            readers.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
            throw new GraphStoreException("interrupted while reading the projection", e);
        }
        if (failure != null) throw failure;
    }

    private static void offer(java.util.concurrent.BlockingQueue<Object> results, Object item) {
        try {
            results.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Slice {
        void deliver(int from, int count);
    }

    /** Hands a window's arrays to a sink in pieces of at most batchSize. */
    private static void deliver(int size, int batchSize, Slice slice) {
        for (int from = 0; from < size; from += batchSize) slice.deliver(from, Math.min(batchSize, size - from));
    }

    private static long[] slice(long[] a, int from, int n) {
        return from == 0 && n == a.length ? a : java.util.Arrays.copyOfRange(a, from, from + n);
    }

    private static int[] slice(int[] a, int from, int n) {
        return from == 0 && n == a.length ? a : java.util.Arrays.copyOfRange(a, from, from + n);
    }

    private static double[] slice(double[] a, int from, int n) {
        return from == 0 && n == a.length ? a : java.util.Arrays.copyOfRange(a, from, from + n);
    }

    private static Object[] slice(Object[] a, int from, int n) {
        return from == 0 && n == a.length ? a : java.util.Arrays.copyOfRange(a, from, from + n);
    }

    private static long[] longs(Value list) {
        long[] out = new long[list.size()];
        int i = 0;
        for (Value v : list.values()) out[i++] = v.asLong();
        return out;
    }

    private static int[] ints(Value list) {
        int[] out = new int[list.size()];
        int i = 0;
        for (Value v : list.values()) out[i++] = v.asInt();
        return out;
    }

    private static double[] doubles(Value list) {
        double[] out = new double[list.size()];
        int i = 0;
        for (Value v : list.values()) out[i++] = v.asDouble();
        return out;
    }

    @Override
    public void streamNodeProperty(String label, String property, PropertySink sink, int batchSize) {
        requireIdentifier("label", label);
        requireIdentifier("property", property);
        long[] ids = new long[batchSize];
        Object[] values = new Object[batchSize];
        String cypher = "MATCH (n:" + label + ") WHERE n." + property + " IS NOT NULL RETURN id(n), n." + property;
        boolean[] delivered = {false};
        try (Session session = readSession()) {
            session.executeRead(tx -> {
                // the driver retries a transaction whose connection was lost; the sink must not see rows twice
                if (delivered[0]) throw new GraphStoreException("streaming " + label + "." + property
                        + " failed: the connection was lost after rows were delivered");
                Result result = tx.run(cypher);
                int count = 0;
                while (result.hasNext()) {
                    Record r = result.next();
                    ids[count] = r.get(0).asLong();
                    values[count] = r.get(1).asObject();
                    if (++count == batchSize) {
                        delivered[0] = true;
                        sink.values(ids, values, count);
                        count = 0;
                    }
                }
                if (count > 0) {
                    delivered[0] = true;
                    sink.values(ids, values, count);
                }
                return null;
            });
        } catch (Neo4jException e) {
            throw new GraphStoreException("streaming " + label + "." + property + " failed: " + e.getMessage(), e);
        }
    }

    /** One windowed pass over the label's nodes, each node's values as one list (collect would drop nulls). */
    @Override
    public void streamNodeProperties(String label, List<String> properties, PropertiesSink sink, int batchSize) {
        requireIdentifier("label", label);
        if (properties.isEmpty()) throw new IllegalArgumentException("name at least one property to stream");
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        properties.forEach(p -> requireIdentifier("property", p));
        if (hasProcedure(ProjectionProcedures.NODE_PROPERTIES)) {
            // the kernel walks the id window once (no Cypher row per id); values arrive as one list per property
            int width = properties.size();
            readWindows("CALL " + ProjectionProcedures.NODE_PROPERTIES + "($label, $properties, $lo, $hi) "
                    + "YIELD ids, columns RETURN ids, columns", Map.of("label", label, "properties", properties), record -> {
                long[] ids = PackedColumns.longs(record.get(0).asByteArray());
                Value columns = record.get(1);
                Object[][] values = new Object[width][];
                for (int p = 0; p < width; p++) {
                    Value column = columns.get(p);
                    Object[] v = new Object[ids.length];
                    for (int i = 0; i < ids.length; i++) {
                        Value x = column.get(i);
                        v[i] = x.isNull() ? null : x.asObject();
                    }
                    values[p] = v;
                }
                deliver(ids.length, batchSize, (from, n) -> {
                    Object[][] slice = new Object[width][];
                    for (int p = 0; p < width; p++) slice[p] = slice(values[p], from, n);
                    sink.values(slice(ids, from, n), slice, n);
                });
            });
            return;
        }
        String row = String.join(", ", properties.stream().map(p -> "n." + requireIdentifier("property", p)).toList());
        String cypher = "UNWIND range($lo, $hi) AS nid MATCH (n) WHERE id(n) = nid AND n:" + label + "\n"
                + "RETURN collect(nid) AS ids, collect([" + row + "]) AS rows";
        int width = properties.size();
        long[] ids = new long[batchSize];
        Object[][] columns = new Object[width][batchSize];
        readWindows(cypher, Map.of(), record -> {
            Value windowIds = record.get(0);
            Value rows = record.get(1);
            int k = 0;
            for (int i = 0, size = windowIds.size(); i < size; i++) {
                ids[k] = windowIds.get(i).asLong();
                Value values = rows.get(i);
                for (int p = 0; p < width; p++) {
                    Value v = values.get(p);
                    columns[p][k] = v.isNull() ? null : v.asObject();
                }
                if (++k == batchSize) {
                    sink.values(ids, columns, k);
                    k = 0;
                }
            }
            if (k > 0) sink.values(ids, columns, k);
        });
    }

    @Override
    public Optional<GraphNode> node(NodeKey node, Object key) {
        try (Session session = readSession()) {
            return session.executeRead(tx -> {
                Result r = tx.run("MATCH (n:" + node.label() + " {" + node.property() + ": $key}) RETURN n",
                        Map.of("key", toDriver(key)));
                return r.hasNext() ? Optional.of(toNode(r.next().get(0).asNode())) : Optional.empty();
            });
        }
    }

    @Override
    public List<GraphPath> neighbourhood(NodeKey node, Object key, TraversalLimits limits) {
        String cypher = "MATCH (s:" + node.label() + " {" + node.property() + ": $key})\n"
                + "MATCH p = ANY SHORTEST (s)-[" + typeFilter(limits) + "]-{1," + limits.maxHops() + "}(x)\n"
                + "WHERE x <> s AND all(m IN nodes(p)[1..-1] WHERE COUNT { (m)--() } <= $maxDegree)\n"
                + "RETURN p ORDER BY length(p) LIMIT $limit";
        return paths(cypher, Map.of("key", toDriver(key), "maxDegree", limits.maxDegree(),
                "limit", limits.maxResults()));
    }

    @Override
    public List<GraphPath> shortestPaths(NodeKey from, Object fromKey, NodeKey to, Object toKey,
                                         TraversalLimits limits) {
        String cypher = "MATCH (a:" + from.label() + " {" + from.property() + ": $a}), (b:" + to.label() + " {"
                + to.property() + ": $b})\n"
                + "MATCH p = ALL SHORTEST (a)-[" + typeFilter(limits) + "]-{1," + limits.maxHops() + "}(b)\n"
                + "WHERE all(m IN nodes(p)[1..-1] WHERE COUNT { (m)--() } <= $maxDegree)\n"
                + "RETURN p LIMIT $limit";
        return paths(cypher, Map.of("a", toDriver(fromKey), "b", toDriver(toKey), "maxDegree", limits.maxDegree(),
                "limit", limits.maxResults()));
    }

    /** Frontier nodes per read in {@link #reachable}. */
    static final int FRONTIER_BATCH = 10_000;

    @Override
    public Map<Object, java.util.Set<Object>> reachable(NodeKey start, Collection<?> startKeys, NodeKey target,
                                                        TraversalLimits limits) {
        if (limits.relationshipTypes().isEmpty()) throw new IllegalArgumentException("name the relationship types to follow");
        String types = String.join("|", new java.util.TreeSet<>(limits.relationshipTypes()));
        Map<Object, java.util.Set<Object>> out = new LinkedHashMap<>();
        List<Object> keys = new ArrayList<>(new java.util.LinkedHashSet<>(startKeys.stream().map(Neo4jGraphStore::toDriver).toList()));
        if (keys.isEmpty()) return out;
        String expand = "UNWIND $ids AS nid MATCH (n) WHERE id(n) = nid\n"
                + "  AND ($free OR COUNT { (n)-[:" + types + "]-() } <= $maxDegree)\n"
                + "MATCH (n)-[:" + types + "]-(m)\n"
                + "RETURN nid, collect([id(m), CASE WHEN m:" + target.label() + " THEN m." + target.property()
                + " END]) AS next";
        try (Session session = readSession()) {
            // per start (by index): the nodes seen; per frontier node: the starts that reached it
            List<Object> startKey = new ArrayList<>();
            List<java.util.Set<Long>> seen = new ArrayList<>();
            Map<Long, java.util.BitSet> frontier = new HashMap<>();
            for (Record r : session.executeRead(tx -> tx.run("UNWIND $keys AS k MATCH (s:" + start.label() + " {"
                    + start.property() + ": k}) RETURN k, id(s)", Map.of("keys", keys)).list())) {
                int i = startKey.size();
                startKey.add(r.get(0).asObject());
                long id = r.get(1).asLong();
                seen.add(new java.util.HashSet<>(List.of(id)));
                frontier.computeIfAbsent(id, k -> new java.util.BitSet()).set(i);
                out.put(r.get(0).asObject(), new java.util.LinkedHashSet<>());
            }
            for (int hop = 1; hop <= limits.maxHops() && !frontier.isEmpty(); hop++) {
                boolean free = hop <= 2; // the start and its direct neighbours are expanded whatever their degree
                List<Long> ids = new ArrayList<>(frontier.keySet());
                Map<Long, java.util.BitSet> next = new HashMap<>();
                for (int from = 0; from < ids.size(); from += FRONTIER_BATCH) {
                    List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + FRONTIER_BATCH));
                    List<Record> rows = session.executeRead(tx -> tx.run(expand, Map.of("ids", chunk, "free", free,
                            "maxDegree", limits.maxDegree())).list());
                    for (Record r : rows) {
                        java.util.BitSet starts = frontier.get(r.get(0).asLong());
                        for (Value pair : r.get(1).values()) {
                            long m = pair.get(0).asLong();
                            Value key = pair.get(1);
                            for (int s = starts.nextSetBit(0); s >= 0; s = starts.nextSetBit(s + 1)) {
                                if (!seen.get(s).add(m)) continue;
                                next.computeIfAbsent(m, k -> new java.util.BitSet()).set(s);
                                java.util.Set<Object> found = out.get(startKey.get(s));
                                if (!key.isNull() && found.size() < limits.maxResults()) found.add(key.asObject());
                            }
                        }
                    }
                }
                frontier = next;
            }
            return out;
        } catch (Neo4jException e) {
            throw new GraphStoreException("reachability read failed: " + e.getMessage(), e);
        }
    }

    private static String typeFilter(TraversalLimits limits) {
        return limits.relationshipTypes().isEmpty() ? "" : ":" + String.join("|", limits.relationshipTypes());
    }

    private List<GraphPath> paths(String cypher, Map<String, Object> params) {
        try (Session session = readSession()) {
            return session.executeRead(tx -> {
                List<GraphPath> out = new ArrayList<>();
                for (Record r : tx.run(new Query(cypher, params)).list()) out.add(toPath(r.get(0).asPath()));
                return out;
            });
        } catch (Neo4jException e) {
            throw new GraphStoreException("path query failed: " + e.getMessage(), e);
        }
    }

    private Session readSession() {
        return driver.session(SessionConfig.builder().withFetchSize(10_000).build());
    }

    @Override
    public void close() {
        // The driver belongs to the Neo4jConnection that made it.
    }

    // ---- conversions ----------------------------------------------------------------------------------------

    static GraphPath toPath(Path p) {
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphRelationship> rels = new ArrayList<>();
        p.nodes().forEach(n -> nodes.add(toNode(n)));
        p.relationships().forEach(r -> rels.add(toRelationship(r)));
        return new GraphPath(nodes, rels);
    }

    static GraphNode toNode(Node n) {
        List<String> labels = new ArrayList<>();
        n.labels().forEach(labels::add);
        return new GraphNode(n.elementId(), labels, n.asMap());
    }

    static GraphRelationship toRelationship(Relationship r) {
        return new GraphRelationship(r.elementId(), r.type(), r.startNodeElementId(), r.endNodeElementId(),
                r.asMap());
    }

    /** Values the driver accepts: BigDecimal becomes a double, Instant a UTC date-time. */
    static Object toDriver(Object v) {
        if (v instanceof BigDecimal d) return d.doubleValue();
        if (v instanceof Instant i) return i.atOffset(ZoneOffset.UTC);
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object o : c) out.add(toDriver(o));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), toDriver(val)));
            return out;
        }
        return v;
    }

    private static Map<String, Object> toDriverMap(Map<String, Object> m) {
        Map<String, Object> out = new HashMap<>(m.size() * 2);
        m.forEach((k, v) -> out.put(k, toDriver(v)));
        return out;
    }

    private static String requireIdentifier(String what, String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " '" + name + "' is not an identifier");
        }
        return name;
    }
}
