package io.riskgraph.bench;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Transaction;
import org.neo4j.internal.kernel.api.NodeCursor;
import org.neo4j.internal.kernel.api.PropertyCursor;
import org.neo4j.internal.kernel.api.RelationshipScanCursor;
import org.neo4j.internal.kernel.api.RelationshipTraversalCursor;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.storageengine.api.PropertySelection;
import org.neo4j.storageengine.api.RelationshipSelection;
import org.neo4j.values.storable.NumberValue;

import java.nio.file.Path;

/**
 * Probe, not platform code: how much of the projection procedure's server time is the access pattern. Times, in
 * process, on a store the projection benchmark left behind ({@code StoreProjectionBench}'s bench-neo4j-PID folder),
 * the kernel reads the procedure does (each node's relationship chain, window by node id) against a scan of the
 * relationship store in id order, each without and with the weight property. Argument: the store folder.
 */
public final class KernelScanProbe {
    private KernelScanProbe() {}

    public static void main(String[] args) throws Exception {
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(Path.of(args[0]).toAbsolutePath())
                .setConfig(GraphDatabaseSettings.pagecache_memory, 2L << 30).build();
        try {
            GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            long maxNode;
            try (Transaction tx = db.beginTx()) {
                maxNode = (Long) tx.execute("MATCH (n) RETURN max(id(n)) AS m").next().get("m");
            }
            for (boolean weighted : new boolean[] {false, true}) {
                for (String scan : new String[] {"node chains", "relationship store in id order"}) {
                    Timing.median("kernel read, " + scan + (weighted ? ", weight share" : ""), 3, () -> {
                        try (Transaction tx = db.beginTx()) {
                            KernelTransaction k = ((InternalTransaction) tx).kernelTransaction();
                            return scan.startsWith("node") ? chains(k, maxNode, weighted) : relationshipStore(k, weighted);
                        }
                    });
                }
            }
        } finally {
            dbms.shutdown();
        }
    }

    private static String chains(KernelTransaction k, long maxNode, boolean weighted) {
        int type = k.tokenRead().relationshipType("INVESTS_IN");
        PropertySelection share = PropertySelection.selection(k.tokenRead().propertyKey("share"));
        RelationshipSelection selection = RelationshipSelection.selection(type, Direction.OUTGOING);
        long count = 0;
        double sum = 0;
        try (NodeCursor node = k.cursors().allocateNodeCursor(k.cursorContext(), k.memoryTracker());
             RelationshipTraversalCursor rel = k.cursors().allocateRelationshipTraversalCursor(k.cursorContext(),
                     k.memoryTracker());
             PropertyCursor property = k.cursors().allocatePropertyCursor(k.cursorContext(), k.memoryTracker())) {
            for (long id = 0; id <= maxNode; id++) {
                k.dataRead().singleNode(id, node);
                if (!node.next()) continue;
                node.relationships(rel, selection);
                while (rel.next()) {
                    count++;
                    sum += rel.targetNodeReference();
                    if (weighted) sum += weight(rel, property, share);
                }
            }
        }
        return count + " relationships, checksum " + sum;
    }

    private static String relationshipStore(KernelTransaction k, boolean weighted) {
        int type = k.tokenRead().relationshipType("INVESTS_IN");
        PropertySelection share = PropertySelection.selection(k.tokenRead().propertyKey("share"));
        long count = 0;
        double sum = 0;
        try (RelationshipScanCursor rel = k.cursors().allocateRelationshipScanCursor(k.cursorContext(),
                     k.memoryTracker());
             PropertyCursor property = k.cursors().allocatePropertyCursor(k.cursorContext(), k.memoryTracker())) {
            k.dataRead().allRelationshipsScan(rel);
            while (rel.next()) {
                if (rel.type() != type) continue;
                count++;
                sum += rel.targetNodeReference();
                if (weighted) sum += weight(rel, property, share);
            }
        }
        return count + " relationships, checksum " + sum;
    }

    private static double weight(org.neo4j.internal.kernel.api.RelationshipCursor rel, PropertyCursor property,
                                 PropertySelection share) {
        rel.properties(property, share);
        return property.next() && property.propertyValue() instanceof NumberValue n ? n.doubleValue() : 0;
    }
}
