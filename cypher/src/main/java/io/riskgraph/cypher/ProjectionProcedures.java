package io.riskgraph.cypher;

import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Transaction;
import org.neo4j.internal.kernel.api.CursorFactory;
import org.neo4j.internal.kernel.api.NodeCursor;
import org.neo4j.internal.kernel.api.PropertyCursor;
import org.neo4j.internal.kernel.api.Read;
import org.neo4j.internal.kernel.api.RelationshipScanCursor;
import org.neo4j.internal.kernel.api.RelationshipTraversalCursor;
import org.neo4j.internal.kernel.api.TokenRead;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;
import org.neo4j.procedure.TerminationGuard;
import org.neo4j.storageengine.api.PropertySelection;
import org.neo4j.storageengine.api.RelationshipSelection;
import org.neo4j.values.storable.NumberValue;
import org.neo4j.values.storable.TextValue;
import org.neo4j.values.storable.Value;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Server-side reads for projection: one call scans a window of node ids (or of relationship ids) with the kernel's
 * cursors and returns the window as {@link PackedColumns} in a single record. The Cypher window queries of {@link Neo4jGraphStore} spend
 * most of their time in the Cypher runtime and in per-element list values on Bolt; this skips both, while the
 * platform still reaches the store only through the driver.
 *
 * <p>Read-only ({@link Mode#READ}) and subject to the caller's privileges: the cursors are the ordinary
 * (not full-access) ones, so on a server with fine-grained access a node, relationship or property the user may not
 * read is absent, as it is to Cypher. Names the store does not know (labels, types, the weight property) are simply
 * absent too. The embedded database registers this class itself; an external server loads it from the riskgraph
 * cypher jar in its plugins folder (see docs/graph-schema.md, "Projection procedures").
 */
public final class ProjectionProcedures {
    public static final String NODES = "riskgraph.projection.nodes";
    public static final String RELATIONSHIPS_BY_ID = "riskgraph.projection.relationshipsByRelationshipId";
    public static final String NODE_PROPERTIES = "riskgraph.projection.nodeProperties";
    /** Most ids one call may scan: bounds the work a single call can be asked to do. */
    static final long MAX_WINDOW = 1L << 24;
    /** How many nodes are scanned between checks for a terminated transaction. */
    private static final int GUARD_INTERVAL = 4096;

    /** The CALL's transaction; public because the procedure framework injects it. */
    @Context
    public Transaction tx;

    @Context
    public TerminationGuard guard;

    /** One window of relationship ids. Public fields because procedure output needs them. */
    public static final class RelationshipIdWindow {
        /** How many relationships of the requested types are in the columns. */
        public final long count;
        /** How many relationships of any type exist in the window: the client stops when these add up. */
        public final long existing;
        public final byte[] startIds;
        public final byte[] endIds;
        public final byte[] typeIndexes;
        public final byte[] weights;

        RelationshipIdWindow(long count, long existing, byte[] startIds, byte[] endIds, byte[] typeIndexes,
                             byte[] weights) {
            this.count = count;
            this.existing = existing;
            this.startIds = startIds;
            this.endIds = endIds;
            this.typeIndexes = typeIndexes;
            this.weights = weights;
        }
    }

    /** One window of nodes. Public fields because procedure output needs them. */
    public static final class NodeWindow {
        public final long count;
        /** Node ids, little-endian longs. */
        public final byte[] ids;
        /** Index of the node's first label in the requested list, little-endian ints. */
        public final byte[] labelIndexes;

        NodeWindow(long count, byte[] ids, byte[] labelIndexes) {
            this.count = count;
            this.ids = ids;
            this.labelIndexes = labelIndexes;
        }
    }

    @Procedure(name = RELATIONSHIPS_BY_ID, mode = Mode.READ)
    @Description("The relationships of the given types with a relationship id in [lo, hi], as packed little-endian "
            + "columns in one record (start and end node ids, type indexes, weights), plus how many relationships of any type exist in "
            + "the window. Reads the relationship store in id order: sequential pages, not one node's chain at a time")
    public Stream<RelationshipIdWindow> relationshipsByRelationshipId(@Name("types") List<String> types,
                                                                      @Name("weightProperty") String weightProperty,
                                                                      @Name("lo") long lo, @Name("hi") long hi) {
        requireWindow(lo, hi);
        requireNames("types", types);
        KernelTransaction kernel = ((InternalTransaction) tx).kernelTransaction();
        TokenRead tokens = kernel.tokenRead();
        int[] typeIndexByToken = indexByToken(types, tokens::relationshipType);
        boolean known = knownTokens(typeIndexByToken).length > 0;
        int weightKey = weightProperty == null ? -1 : tokens.propertyKey(weightProperty);
        boolean typed = types.size() > 1;
        boolean weighted = weightProperty != null;
        int expected = (int) Math.min(1 << 16, hi - lo + 1);
        PackedColumns.Writer start = new PackedColumns.Writer(known ? expected * Long.BYTES : 0);
        PackedColumns.Writer end = new PackedColumns.Writer(known ? expected * Long.BYTES : 0);
        PackedColumns.Writer type = new PackedColumns.Writer(known && typed ? expected * Integer.BYTES : 0);
        PackedColumns.Writer weight = new PackedColumns.Writer(known && weighted ? expected * Double.BYTES : 0);
        long count = 0;
        long existing = 0;
        PropertySelection weightSelection = weightKey >= 0 ? PropertySelection.selection(weightKey) : null;
        Read read = kernel.dataRead();
        CursorFactory cursors = kernel.cursors();
        try (RelationshipScanCursor rel = cursors.allocateRelationshipScanCursor(kernel.cursorContext(),
                kernel.memoryTracker());
             PropertyCursor property = cursors.allocatePropertyCursor(kernel.cursorContext(), kernel.memoryTracker())) {
            for (long id = lo; id <= hi; id++) {
                if ((id - lo) % GUARD_INTERVAL == 0) guard.check();
                read.singleRelationship(id, rel);
                if (!rel.next()) continue;
                existing++; // counted even when the types are unknown: the client's termination needs it
                int t = rel.type();
                if (t >= typeIndexByToken.length || typeIndexByToken[t] < 0) continue;
                start.putLong(rel.sourceNodeReference());
                end.putLong(rel.targetNodeReference());
                if (typed) type.putInt(typeIndexByToken[t]);
                if (weighted) {
                    double w = Double.NaN;
                    if (weightSelection != null) {
                        rel.properties(property, weightSelection);
                        if (property.next()) w = asWeight(property.propertyValue());
                    }
                    weight.putDouble(w);
                }
                count++;
            }
        }
        return Stream.of(new RelationshipIdWindow(count, existing, start.toBytes(), end.toBytes(),
                typed ? type.toBytes() : null, weighted ? weight.toBytes() : null));
    }

    /** One window of nodes with property values. Public fields because procedure output needs them. */
    public static final class NodePropertyWindow {
        public final long count;
        /** Node ids, little-endian longs. */
        public final byte[] ids;
        /** Per requested property a list of {@code count} values (null where the node has none). */
        public final List<Object> columns;

        NodePropertyWindow(long count, byte[] ids, List<Object> columns) {
            this.count = count;
            this.ids = ids;
            this.columns = columns;
        }
    }

    @Procedure(name = NODE_PROPERTIES, mode = Mode.READ)
    @Description("Every node with an id in [lo, hi] that has the label, with the values of the given properties: ids as "
            + "packed little-endian longs, values as one list per property (null where absent)")
    public Stream<NodePropertyWindow> nodeProperties(@Name("label") String label, @Name("properties") List<String> properties,
                                                     @Name("lo") long lo, @Name("hi") long hi) {
        requireWindow(lo, hi);
        requireNames("labels", label == null ? null : java.util.Collections.singletonList(label));
        requireNames("properties", properties);
        KernelTransaction kernel = ((InternalTransaction) tx).kernelTransaction();
        TokenRead tokens = kernel.tokenRead();
        int labelToken = tokens.nodeLabel(label);
        int p = properties.size();
        List<List<Object>> columns = new java.util.ArrayList<>(p);
        for (int c = 0; c < p; c++) columns.add(new java.util.ArrayList<>());
        PackedColumns.Writer ids = new PackedColumns.Writer((int) Math.min(1 << 16, hi - lo + 1) * Long.BYTES);
        long count = 0;
        if (labelToken >= 0) { // a name the store has never seen has no token (-1)
            // property key token -> column; a key named twice fills its first column (the client does not ask so)
            int[] columnOf = indexByToken(properties, tokens::propertyKey);
            int[] keys = knownTokens(columnOf);
            PropertySelection selection = keys.length == 0 ? null : PropertySelection.selection(keys);
            Read read = kernel.dataRead();
            Object[] row = new Object[p];
            try (NodeCursor node = kernel.cursors().allocateNodeCursor(kernel.cursorContext(), kernel.memoryTracker());
                 PropertyCursor property = kernel.cursors().allocatePropertyCursor(kernel.cursorContext(), kernel.memoryTracker())) {
                for (long id = lo; id <= hi; id++) {
                    if ((id - lo) % GUARD_INTERVAL == 0) guard.check();
                    read.singleNode(id, node);
                    if (!node.next() || !node.hasLabel(labelToken)) continue;
                    Arrays.fill(row, null);
                    if (selection != null) {
                        node.properties(property, selection);
                        while (property.next()) row[columnOf[property.propertyKey()]] = property.propertyValue().asObjectCopy();
                    }
                    ids.putLong(id);
                    for (int c = 0; c < p; c++) columns.get(c).add(row[c]);
                    count++;
                }
            }
        }
        return Stream.of(new NodePropertyWindow(count, ids.toBytes(), List.copyOf(columns)));
    }

    @Procedure(name = NODES, mode = Mode.READ)
    @Description("Every node with an id in [lo, hi] that has one of the given labels, with the index of its first "
            + "such label in the list, as packed little-endian columns in one record")
    public Stream<NodeWindow> nodes(@Name("labels") List<String> labels, @Name("lo") long lo, @Name("hi") long hi) {
        requireWindow(lo, hi);
        requireNames("labels", labels);
        KernelTransaction kernel = ((InternalTransaction) tx).kernelTransaction();
        int[] labelIndexByToken = indexByToken(labels, kernel.tokenRead()::nodeLabel);
        int[] labelTokens = knownTokens(labelIndexByToken);
        int expected = (int) Math.min(1 << 16, hi - lo + 1);
        PackedColumns.Writer ids = new PackedColumns.Writer(expected * Long.BYTES);
        PackedColumns.Writer labelIndexes = new PackedColumns.Writer(expected * Integer.BYTES);
        long count = 0;
        if (labelTokens.length > 0) {
            Read read = kernel.dataRead();
            try (NodeCursor node = kernel.cursors().allocateNodeCursor(kernel.cursorContext(), kernel.memoryTracker())) {
                for (long id = lo; id <= hi; id++) {
                    if ((id - lo) % GUARD_INTERVAL == 0) guard.check();
                    read.singleNode(id, node);
                    if (!node.next()) continue;
                    int first = Integer.MAX_VALUE;
                    for (int token : labelTokens) {
                        if (node.hasLabel(token)) first = Math.min(first, labelIndexByToken[token]);
                    }
                    if (first == Integer.MAX_VALUE) continue;
                    ids.putLong(id);
                    labelIndexes.putInt(first);
                    count++;
                }
            }
        }
        return Stream.of(new NodeWindow(count, ids.toBytes(), labelIndexes.toBytes()));
    }

    /**
     * As Cypher's {@code toFloat}: numbers as they are, numeric text parsed; anything else (where {@code toFloat}
     * would fail the whole query) counts as absent.
     */
    private static double asWeight(Value v) {
        if (v instanceof NumberValue n) return n.doubleValue();
        if (v instanceof TextValue t) {
            try {
                return Double.parseDouble(t.stringValue());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static void requireWindow(long lo, long hi) {
        if (lo < 0 || hi < lo) {
            throw new IllegalArgumentException("the id window [" + lo + ", " + hi + "] must have 0 <= lo <= hi");
        }
        if (hi - lo >= MAX_WINDOW) {
            throw new IllegalArgumentException("the id window [" + lo + ", " + hi + "] is wider than " + MAX_WINDOW
                    + " ids; ask for smaller windows");
        }
    }

    private static void requireNames(String what, List<String> names) {
        if (names == null || names.isEmpty()) throw new IllegalArgumentException("name at least one of the " + what);
        // not contains(null): an immutable list throws on it
        if (names.stream().anyMatch(java.util.Objects::isNull)) throw new IllegalArgumentException("the " + what + " must not contain null");
    }

    /**
     * For each token id the store knows for one of {@code names}, the index of its first occurrence in the list
     * (-1 for tokens not asked for), as Cypher's {@code CASE} over the list would pick it.
     */
    private static int[] indexByToken(List<String> names, java.util.function.ToIntFunction<String> token) {
        int[] tokenOf = names.stream().mapToInt(token).toArray();
        int[] index = new int[Arrays.stream(tokenOf).max().orElse(-1) + 1];
        Arrays.fill(index, -1);
        for (int i = tokenOf.length - 1; i >= 0; i--) {
            if (tokenOf[i] >= 0) index[tokenOf[i]] = i;
        }
        return index;
    }

    private static int[] knownTokens(int[] indexByToken) {
        return java.util.stream.IntStream.range(0, indexByToken.length).filter(t -> indexByToken[t] >= 0).toArray();
    }
}
