package io.riskgraph.cypher;

import io.riskgraph.store.GraphPath;
import io.riskgraph.store.NodeKey;
import io.riskgraph.store.ProjectionSink;
import io.riskgraph.store.RelationshipBatch;
import io.riskgraph.store.RelationshipSpec;
import io.riskgraph.store.TraversalLimits;
import io.riskgraph.store.UpsertBatch;
import io.riskgraph.store.UpsertBatch.Link;
import io.riskgraph.store.UpsertBatch.Row;
import io.riskgraph.store.WriteCounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Neo4jGraphStoreTest {
    static final NodeKey ENTERPRISE = new NodeKey("Enterprise", "uscc");
    static final NodeKey ADDRESS = new NodeKey("Address", "address");
    static final NodeKey PERSON = new NodeKey("Person", "person_id");
    static final RelationshipSpec LOCATED_AT = RelationshipSpec.toDerived("LOCATED_AT", ADDRESS);

    Neo4jGraphStore store;

    @BeforeEach
    void clean() {
        TestNeo4j.clear();
        store = TestNeo4j.store();
    }

    static Row enterprise(String uscc, String name, String address) {
        Map<String, Object> props = new HashMap<>();
        props.put("name", name);
        return new Row(uscc, props, address == null ? List.of() : List.of(new Link(0, address, null)));
    }

    @Test
    void upsertIsIdempotentAndAChangedRowUpdatesItsNode() {
        UpsertBatch batch = new UpsertBatch(ENTERPRISE, List.of(LOCATED_AT),
                List.of(enterprise("E1", "One", "A1"), enterprise("E2", "Two", "A1")));
        WriteCounts first = store.upsert(batch);
        assertThat(first.nodesCreated()).isEqualTo(3);
        assertThat(first.relationshipsCreated()).isEqualTo(2);

        WriteCounts again = store.upsert(batch);
        assertThat(again.nodesCreated()).isZero();
        assertThat(again.relationshipsCreated()).isZero();
        assertThat(store.counts().nodes("Enterprise")).isEqualTo(2);

        // E1 renamed and moved: the name changes, the old LOCATED_AT goes, one new one comes.
        WriteCounts moved = store.upsert(new UpsertBatch(ENTERPRISE, List.of(LOCATED_AT),
                List.of(enterprise("E1", "One Renamed", "A2"))));
        assertThat(moved.relationshipsDeleted()).isEqualTo(1);
        assertThat(moved.relationshipsCreated()).isEqualTo(1);
        assertThat(store.node(ENTERPRISE, "E1").orElseThrow().property("name")).isEqualTo("One Renamed");
        assertThat(store.counts().relationships("LOCATED_AT")).isEqualTo(2);
    }

    @Test
    void nullPropertyRemovesIt() {
        store.upsert(new UpsertBatch(ENTERPRISE, List.of(), List.of(new Row("E1", Map.of("phone", "1"), null))));
        Map<String, Object> cleared = new HashMap<>();
        cleared.put("phone", null);
        store.upsert(new UpsertBatch(ENTERPRISE, List.of(), List.of(new Row("E1", cleared, null))));
        assertThat(store.node(ENTERPRISE, "E1").orElseThrow().properties()).doesNotContainKey("phone");
    }

    @Test
    void referencedButMissingNodesBecomeStubsUntilTheirOwnRowArrives() {
        store.upsert(new RelationshipBatch("LEGAL_REPRESENTATIVE_OF", PERSON, ENTERPRISE,
                List.of(new RelationshipBatch.Row("P1", "E9", Map.of("since", "2020")))));
        assertThat(store.node(ENTERPRISE, "E9").orElseThrow().property("stub")).isEqualTo(true);
        assertThat(store.node(PERSON, "P1").orElseThrow().property("stub")).isEqualTo(true);

        store.upsert(new UpsertBatch(ENTERPRISE, List.of(), List.of(enterprise("E9", "Nine", null))));
        assertThat(store.node(ENTERPRISE, "E9").orElseThrow().properties()).doesNotContainKey("stub");
        assertThat(store.counts().relationships("LEGAL_REPRESENTATIVE_OF")).isEqualTo(1);
    }

    @Test
    void neighbourhoodReachesHubsButDoesNotExpandThem() {
        // E1 and E2 share address A1; A1 also hosts 5 more firms; E1 -> P1 -> E3 via person.
        List<Row> rows = new ArrayList<>();
        rows.add(enterprise("E1", "One", "A1"));
        rows.add(enterprise("E2", "Two", "A1"));
        for (int i = 0; i < 5; i++) rows.add(enterprise("H" + i, "Hub tenant " + i, "A1"));
        rows.add(enterprise("E3", "Three", "A3"));
        store.upsert(new UpsertBatch(ENTERPRISE, List.of(LOCATED_AT), rows));
        store.upsert(new RelationshipBatch("DIRECTOR_OF", PERSON, ENTERPRISE, List.of(
                new RelationshipBatch.Row("P1", "E1", null), new RelationshipBatch.Row("P1", "E3", null))));

        List<GraphPath> open = store.neighbourhood(ENTERPRISE, "E1", TraversalLimits.hops(2));
        assertThat(keys(open)).contains("E2", "H0", "E3", "A1", "P1");

        // A1 has 7 relationships: with maxDegree 3 it is reached but not expanded.
        List<GraphPath> limited = store.neighbourhood(ENTERPRISE, "E1", new TraversalLimits(2, Set.of(), 3, 100));
        assertThat(keys(limited)).contains("A1", "P1", "E3").doesNotContain("E2", "H0");
        assertThat(limited.getFirst().length()).isEqualTo(1);
    }

    @Test
    void shortestPathsBetweenTwoEnterprises() {
        store.upsert(new RelationshipBatch("DIRECTOR_OF", PERSON, ENTERPRISE, List.of(
                new RelationshipBatch.Row("P1", "E1", null), new RelationshipBatch.Row("P1", "E2", null),
                new RelationshipBatch.Row("P2", "E1", null), new RelationshipBatch.Row("P2", "E2", null))));
        List<GraphPath> paths = store.shortestPaths(ENTERPRISE, "E1", ENTERPRISE, "E2", TraversalLimits.hops(4));
        assertThat(paths).hasSize(2).allSatisfy(p -> assertThat(p.length()).isEqualTo(2));
        assertThat(store.shortestPaths(ENTERPRISE, "E1", ENTERPRISE, "NOPE", TraversalLimits.hops(4))).isEmpty();
    }

    @Test
    void streamsProjectionAndWritesPropertiesBack() {
        store.upsert(new RelationshipBatch("INVESTS_IN", ENTERPRISE, ENTERPRISE, List.of(
                new RelationshipBatch.Row("E1", "E2", Map.of("share", 0.6)),
                new RelationshipBatch.Row("E2", "E3", Map.of()))));
        List<Long> nodeIds = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        ProjectionSink sink = new ProjectionSink() {
            @Override
            public void nodes(long[] ids, int[] labelIndex, int count) {
                for (int i = 0; i < count; i++) nodeIds.add(ids[i]);
            }

            @Override
            public void relationships(long[] start, long[] end, int[] typeIndex, double[] weight, int count) {
                for (int i = 0; i < count; i++) weights.add(weight[i]);
            }
        };
        store.streamNodes(List.of("Enterprise"), sink, 2);
        store.streamRelationships(List.of("INVESTS_IN"), "share", sink, 2);
        assertThat(nodeIds).hasSize(3);
        assertThat(weights).containsExactlyInAnyOrder(0.6, Double.NaN);

        long[] ids = nodeIds.stream().mapToLong(Long::longValue).toArray();
        store.writeNodeProperty("pagerank", ids, new Object[]{0.1, 0.2, 0.3});
        double sum = 0;
        for (String k : List.of("E1", "E2", "E3")) {
            sum += (Double) store.node(ENTERPRISE, k).orElseThrow().property("pagerank");
        }
        assertThat(sum).isCloseTo(0.6, org.assertj.core.api.Assertions.within(1e-12));

        store.writeNodeProperties(ids, Map.of("community", new Object[]{7L, 7L, 9L}, "risk_own", new Object[]{0.0, 1.5, 0.0}));
        var e = store.node(ENTERPRISE, "E2").orElseThrow().properties();
        assertThat(e).containsKeys("community", "risk_own", "pagerank");
        assertThat(List.of(7L, 9L)).contains((Long) e.get("community"));
    }

    @Test
    void streamsOnePropertyOfTheNodesThatHaveIt() {
        store.upsert(new UpsertBatch(ENTERPRISE, List.of(), List.of(new Row("E1", Map.of("status", "ACTIVE"), null),
                new Row("E2", Map.of("status", "REVOKED"), null), new Row("E3", Map.of(), null))));
        Map<Long, Object> seen = new HashMap<>();
        store.streamNodeProperty("Enterprise", "status", (ids, values, count) -> {
            for (int i = 0; i < count; i++) seen.put(ids[i], values[i]);
        }, 1);
        assertThat(seen.values()).containsExactlyInAnyOrder("ACTIVE", "REVOKED");
    }

    /**
     * The one-pass read against the port's default (a read per property) on the same store: every node of the
     * label, nulls where a property is absent, dates and lists as the driver gives them, other labels left out.
     */
    @Test
    void streamsSeveralPropertiesInOnePassAsTheDefaultDoes() {
        store.upsert(new UpsertBatch(ENTERPRISE, List.of(LOCATED_AT), List.of(
                new Row("E1", Map.of("status", "ACTIVE", "employees", 12L, "segments", List.of("CATERING", "DRUGS"),
                        "established", java.time.LocalDate.of(2020, 5, 1)), List.of(new Link(0, "A1", null))),
                new Row("E2", Map.of("status", "REVOKED"), null),
                new Row("E3", Map.of(), null))));
        store.upsert(new UpsertBatch(PERSON, List.of(), List.of(new Row("P1", Map.of("status", "X"), null))));
        List<String> props = List.of("status", "employees", "segments", "established", "missing");
        Map<Long, List<Object>> onePass = new HashMap<>(), perProperty = new HashMap<>();
        store.streamNodeProperties("Enterprise", props, (ids, columns, count) -> {
            for (int i = 0; i < count; i++) onePass.put(ids[i], column(columns, i));
        }, 2);
        io.riskgraph.store.GraphStore defaults = new DefaultsOnly(store);
        defaults.streamNodeProperties("Enterprise", props, (ids, columns, count) -> {
            for (int i = 0; i < count; i++) perProperty.put(ids[i], column(columns, i));
        }, 2);
        assertThat(onePass).hasSize(3).isEqualTo(perProperty);
        assertThat(onePass.values()).extracting(r -> r.get(0)).containsExactlyInAnyOrder("ACTIVE", "REVOKED", null);
        assertThat(onePass.values()).anySatisfy(r -> assertThat(r).containsExactly("ACTIVE", 12L,
                List.of("CATERING", "DRUGS"), java.time.LocalDate.of(2020, 5, 1), null));
        assertThatThrownBy(() -> store.streamNodeProperties("Enterprise", List.of("a b"), (i, c, n) -> {}, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an identifier");
        assertThatThrownBy(() -> store.streamNodeProperties("Enterprise", List.of(), (i, c, n) -> {}, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one property");
    }

    private static List<Object> column(Object[][] columns, int i) {
        List<Object> row = new ArrayList<>();
        for (Object[] c : columns) row.add(c[i]);
        return row;
    }

    /** Only the methods the port's default streamNodeProperties builds on; the rest are not needed here. */
    private record DefaultsOnly(Neo4jGraphStore s) implements io.riskgraph.store.GraphStore {
        public void streamNodes(List<String> l, ProjectionSink k, int b) { s.streamNodes(l, k, b); }
        public void streamNodeProperty(String l, String p, PropertySink k, int b) { s.streamNodeProperty(l, p, k, b); }
        public void streamRelationships(List<String> t, String w, ProjectionSink k, int b) { throw new UnsupportedOperationException(); }
        public WriteCounts upsert(UpsertBatch b) { throw new UnsupportedOperationException(); }
        public WriteCounts upsert(RelationshipBatch b) { throw new UnsupportedOperationException(); }
        public io.riskgraph.store.GraphCounts counts() { throw new UnsupportedOperationException(); }
        public WriteCounts writeNodeProperty(String p, long[] i, Object[] v) { throw new UnsupportedOperationException(); }
        public WriteCounts writeNodeProperties(long[] i, Map<String, Object[]> v) { throw new UnsupportedOperationException(); }
        public WriteCounts writeNodeProperties(NodeKey n, Map<Object, Map<String, Object>> v) { throw new UnsupportedOperationException(); }
        public java.util.Optional<io.riskgraph.store.GraphNode> node(NodeKey n, Object k) { throw new UnsupportedOperationException(); }
        public List<GraphPath> neighbourhood(NodeKey n, Object k, TraversalLimits l) { throw new UnsupportedOperationException(); }
        public List<GraphPath> shortestPaths(NodeKey f, Object fk, NodeKey t, Object tk, TraversalLimits l) { throw new UnsupportedOperationException(); }
        public Map<Object, Set<Object>> reachable(NodeKey s, java.util.Collection<?> k, NodeKey t, TraversalLimits l) { throw new UnsupportedOperationException(); }
        public void close() {}
    }

    @Test
    void identifiersInQueryTextAreRestricted() {
        assertThatThrownBy(() -> new NodeKey("Enterprise) DETACH DELETE (x", "uscc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an identifier");
        assertThatThrownBy(() -> store.writeNodeProperty("x = 1 SET n.y", new long[0], new Object[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static List<Object> keys(List<GraphPath> paths) {
        List<Object> out = new ArrayList<>();
        for (GraphPath p : paths) {
            var last = p.nodes().getLast().properties();
            out.add(last.getOrDefault("uscc", last.getOrDefault("person_id", last.get("address"))));
        }
        return out;
    }
}
