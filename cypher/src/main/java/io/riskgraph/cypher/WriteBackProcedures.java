package io.riskgraph.cypher;

import org.neo4j.graphdb.Transaction;
import org.neo4j.internal.kernel.api.Write;
import org.neo4j.internal.kernel.api.exceptions.EntityNotFoundException;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;
import org.neo4j.procedure.TerminationGuard;
import org.neo4j.values.storable.Values;

import java.util.List;
import java.util.stream.Stream;

/**
 * The write side of {@link ProjectionProcedures}: analysis results go back onto nodes addressed by id as
 * {@link PackedColumns}, one call per window of nodes, set through the kernel's write API. The Cypher way
 * ({@code UNWIND $rows MATCH (n) WHERE id(n) = row.id SET n += row.p}) spends most of its time building a map per
 * row on both sides of Bolt and in the Cypher runtime; this skips both, and the platform still reaches the store
 * only through the driver.
 *
 * <p>Subject to the caller's privileges ({@link Mode#WRITE}); nodes that no longer exist are skipped and counted.
 * Registered by the embedded database; an external server loads it from the riskgraph cypher jar in its plugins
 * folder, as the projection procedures.
 */
public final class WriteBackProcedures {
    public static final String NODE_PROPERTIES = "riskgraph.writeback.nodeProperties";
    /** Most nodes one call may write: bounds one transaction's state. */
    static final int MAX_NODES = 1 << 20;
    /** Column kinds: how the packed bytes of a column are read and stored. */
    static final String DOUBLE = "double";
    static final String LONG = "long";
    /** A column without bytes: its property is removed from the nodes that have it. */
    static final String REMOVE = "remove";
    private static final int GUARD_INTERVAL = 4096;

    @Context
    public Transaction tx;

    @Context
    public TerminationGuard guard;

    /** What one call did. Public fields because procedure output needs them. */
    public static final class Written {
        public final long nodes;
        public final long properties;
        /** Ids with no node (deleted since they were read). */
        public final long missing;

        Written(long nodes, long properties, long missing) {
            this.nodes = nodes;
            this.properties = properties;
            this.missing = missing;
        }
    }

    private static int removals(boolean[] remove) {
        int k = 0;
        for (boolean r : remove) if (r) k++;
        return k;
    }

    @Procedure(name = NODE_PROPERTIES, mode = Mode.WRITE)
    @Description("Sets properties on nodes by id: ids as packed little-endian longs; columns as one packed column per "
            + "property name, one after the other, each 8 bytes a value, of the kind 'double' or 'long' given at the "
            + "same position; values[i] goes to ids[i]. A column of the kind 'remove' has no bytes: its property is "
            + "removed from the nodes")
    public Stream<Written> nodeProperties(@Name("ids") byte[] ids, @Name("names") List<String> names,
                                          @Name("columns") byte[] columns, @Name("kinds") List<String> kinds)
            throws Exception {
        if (ids == null || ids.length % Long.BYTES != 0) {
            throw new IllegalArgumentException("ids must be packed longs (a multiple of 8 bytes)");
        }
        int n = ids.length / Long.BYTES;
        if (n > MAX_NODES) throw new IllegalArgumentException(n + " nodes in one call; at most " + MAX_NODES);
        if (names == null || kinds == null || names.size() != kinds.size()) {
            throw new IllegalArgumentException("names and kinds must be lists of the same length");
        }
        int valued = 0;
        for (String kind : kinds) if (!REMOVE.equals(kind)) valued++;
        if (columns == null || columns.length != (long) ids.length * valued) {
            throw new IllegalArgumentException("columns has " + (columns == null ? 0 : columns.length) + " bytes; "
                    + valued + " value columns of " + n + " nodes are " + (long) ids.length * valued);
        }
        KernelTransaction kernel = ((InternalTransaction) tx).kernelTransaction();
        int p = names.size();
        int[] keys = new int[p];
        long[][] longs = new long[p][];
        double[][] doubles = new double[p][];
        boolean[] remove = new boolean[p];
        for (int c = 0, at = 0; c < p; c++) {
            String name = names.get(c);
            if (name == null || name.isEmpty()) throw new IllegalArgumentException("a property name is empty");
            String kind = String.valueOf(kinds.get(c));
            if (REMOVE.equals(kind)) {
                remove[c] = true;
            } else {
                byte[] column = java.util.Arrays.copyOfRange(columns, at * ids.length, (at + 1) * ids.length);
                at++;
                switch (kind) {
                    case DOUBLE -> doubles[c] = PackedColumns.doubles(column);
                    case LONG -> longs[c] = PackedColumns.longs(column);
                    default -> throw new IllegalArgumentException("kind of " + name + " must be 'double', 'long' or "
                            + "'remove', got '" + kinds.get(c) + "'");
                }
            }
            keys[c] = kernel.tokenWrite().propertyKeyGetOrCreateForName(name);
        }
        long[] nodeIds = PackedColumns.longs(ids);
        Write write = kernel.dataWrite();
        long written = 0;
        long missing = 0;
        for (int i = 0; i < n; i++) {
            if (i % GUARD_INTERVAL == 0) guard.check();
            try {
                for (int c = 0; c < p; c++) {
                    if (remove[c]) {
                        write.nodeRemoveProperty(nodeIds[i], keys[c]);
                    } else {
                        write.nodeSetProperty(nodeIds[i], keys[c], doubles[c] != null ? Values.doubleValue(doubles[c][i])
                                : Values.longValue(longs[c][i]));
                    }
                }
                written++;
            } catch (EntityNotFoundException e) {
                missing++;
            }
        }
        return Stream.of(new Written(written, written * (p - removals(remove)), missing));
    }
}
