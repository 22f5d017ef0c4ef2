package io.riskgraph.gremlin;

import io.riskgraph.store.NodeKey;
import io.riskgraph.store.UpsertBatch;
import io.riskgraph.store.UpsertBatch.Row;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Only in the {@code janusgraph} profile (mvn -Pjanusgraph): the Gremlin tests of this module then run against a real
 * JanusGraph 1.1.0 server (TestGremlin); this class checks that it really is one, set up as docs/backends.md says,
 * and what differs from the embedded TinkerGraph.
 */
class JanusGraphServerIT {
    static GraphTraversalSource g;

    @BeforeAll
    static void connect() {
        assumeTrue(TestGremlin.janusGraph(), "run with -Pjanusgraph (-Driskgraph.test.gremlin=janusgraph)");
        TestGremlin.clear();
        g = TestGremlin.connection().g();
    }

    @Test
    void theUidIndexIsUniqueOnTheServer() {
        g.addV("Enterprise").property(GremlinGraphStore.UID, "Enterprise:DUP").toList();
        assertThatThrownBy(() -> g.addV("Enterprise").property(GremlinGraphStore.UID, "Enterprise:DUP").toList())
                .hasMessageContaining("uniqueness");
        assertThat(g.V().has(GremlinGraphStore.UID, "Enterprise:DUP").count().next()).isEqualTo(1L);
    }

    @Test
    void janusGraphRefusesDatesAndListsSoTheyAreStoredAsText() {
        // the server itself: a LocalDate property is refused ...
        assertThatThrownBy(() -> g.addV("Probe").property("d", LocalDate.of(2020, 5, 1)).toList())
                .hasMessageContaining("is not supported");
        // ... so the store writes ISO text and JSON arrays and reads them back as dates and lists
        GremlinGraphStore store = TestGremlin.store();
        NodeKey e = new NodeKey("Enterprise", "uscc");
        store.upsert(new UpsertBatch(e, List.of(), List.of(new Row("E1", Map.of("established", LocalDate.of(2020, 5, 1),
                "segments", List.of("CATERING", "DRUGS")), null))));
        assertThat(g.V().has(GremlinGraphStore.UID, "Enterprise:E1").values("established").next()).isEqualTo("2020-05-01");
        assertThat(store.node(e, "E1").orElseThrow().properties())
                .containsEntry("established", LocalDate.of(2020, 5, 1))
                .containsEntry("segments", List.of("CATERING", "DRUGS"));
    }

    @Test
    void edgeIdsComeBackAsJanusGraphsRelationIdentifiers() {
        Object a = g.addV("Probe3").id().next();
        Object b = g.addV("Probe3").id().next();
        Object id = g.V(a).addE("PROBE").to(__.V(b)).id().next();
        assertThat(id).isInstanceOf(JanusGraphRelationId.class);
        JanusGraphRelationId r = (JanusGraphRelationId) id;
        assertThat(r.outVertexId()).isEqualTo(a);
        assertThat(r.inVertexId()).isEqualTo(b);
        // the text form is the server's own RelationIdentifier.toString(), and the id goes back to the server
        assertThat(g.E(id).id().asString().next()).isEqualTo(id.toString());
        assertThat(g.E(id).count().next()).isEqualTo(1L);
        assertThat(g.E(id.toString()).count().next()).isEqualTo(1L);
    }

    @Test
    void theUidIndexCheckSeesJanusGraphAndItsIndex() {
        UidIndexCheck.Result r = UidIndexCheck.check(g, TestGremlin.janusGraphServer().url());
        assertThat(r.vendor()).isEqualTo("JanusGraph");
        // a small graph is not judged by time; JanusGraph's own profile would have said fullscan without the index
        assertThat(r.verdict()).isIn(UidIndexCheck.Verdict.TOO_SMALL_TO_TELL, UidIndexCheck.Verdict.INDEXED);
        g.addV("Probe4").property("probe_name", "a").toList(); // a key in the schema, with no index
        assertThat(UidIndexCheck.annotations(g.V().has("probe_name", "x").profile().next().getMetrics()))
                .anyMatch(a -> a.contains("fullscan=true") || a.contains("isfitted=false"));
    }

    @Test
    void vertexIdsAreLongs() {
        Object id = g.addV("Probe2").id().next();
        assertThat(id).isInstanceOf(Long.class);
    }
}
