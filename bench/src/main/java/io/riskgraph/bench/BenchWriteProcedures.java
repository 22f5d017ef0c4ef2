package io.riskgraph.bench;

import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Server-side write procedures for {@link IngestCeilingBench}'s {@code proc-*} scenarios: a batch of rows arrives as
 * one parameter of a {@code CALL} over Bolt and is written through the Core API of the procedure's transaction, so
 * no Cypher runtime runs per row. This measures whether skipping Cypher brings a node or relationship write under the
 * 9 µs CPU budget of 100,000 rows/s; it is a probe, not platform code. The benchmark registers the class in its
 * embedded server with {@code GlobalProcedures.registerProcedure}; an external server would need it as a plugin jar.
 */
public final class BenchWriteProcedures {
    /** The CALL's transaction; public because the procedure framework injects it. */
    @Context
    public Transaction tx;

    /** One output row: how many input rows the call wrote. Public fields because procedure output needs them. */
    public static final class Written {
        public final long written;

        public Written(long written) {
            this.written = written;
        }
    }

    /** Creates one node with {@code label} per row, the row's entries as its properties. */
    @Procedure(name = "riskgraph.bench.createNodes", mode = Mode.WRITE)
    public Stream<Written> createNodes(@Name("label") String label, @Name("rows") List<Map<String, Object>> rows) {
        Label l = Label.label(label);
        for (Map<String, Object> row : rows) {
            Node n = tx.createNode(l);
            for (Map.Entry<String, Object> e : row.entrySet()) n.setProperty(e.getKey(), e.getValue());
        }
        return Stream.of(new Written(rows.size()));
    }

    /**
     * Creates one relationship of {@code type} per row {a, b, s} from the node of {@code label} with key {@code a} to
     * the one with key {@code b} (both found through the unique index), with property share = s.
     */
    @Procedure(name = "riskgraph.bench.createRelsByKey", mode = Mode.WRITE)
    public Stream<Written> createRelsByKey(@Name("label") String label, @Name("type") String type,
                                           @Name("rows") List<Map<String, Object>> rows) {
        Label l = Label.label(label);
        RelationshipType t = RelationshipType.withName(type);
        for (Map<String, Object> row : rows) {
            Node a = found(tx.findNode(l, "k", row.get("a")), row.get("a"));
            Node b = found(tx.findNode(l, "k", row.get("b")), row.get("b"));
            a.createRelationshipTo(b, t).setProperty("share", row.get("s"));
        }
        return Stream.of(new Written(rows.size()));
    }

    /** As {@link #createRelsByKey} with the endpoints {@code a} and {@code b} given by node id. */
    @SuppressWarnings("removal") // by id on purpose: the counterpart of the Cypher id() scenarios
    @Procedure(name = "riskgraph.bench.createRelsById", mode = Mode.WRITE)
    public Stream<Written> createRelsById(@Name("type") String type, @Name("rows") List<Map<String, Object>> rows) {
        RelationshipType t = RelationshipType.withName(type);
        for (Map<String, Object> row : rows) {
            Node a = tx.getNodeById(((Number) row.get("a")).longValue());
            Node b = tx.getNodeById(((Number) row.get("b")).longValue());
            a.createRelationshipTo(b, t).setProperty("share", row.get("s"));
        }
        return Stream.of(new Written(rows.size()));
    }

    private static Node found(Node node, Object key) {
        if (node == null) throw new IllegalArgumentException("no node with key " + key);
        return node;
    }
}
