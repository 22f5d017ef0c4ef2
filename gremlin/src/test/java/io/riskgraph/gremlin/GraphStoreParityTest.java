package io.riskgraph.gremlin;

import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.store.GraphPath;
import io.riskgraph.store.GraphStore;
import io.riskgraph.store.NodeKey;
import io.riskgraph.store.ProjectionSink;
import io.riskgraph.store.RelationshipBatch;
import io.riskgraph.store.RelationshipSpec;
import io.riskgraph.store.TraversalLimits;
import io.riskgraph.store.UpsertBatch;
import io.riskgraph.store.UpsertBatch.Link;
import io.riskgraph.store.UpsertBatch.Row;
import io.riskgraph.store.WriteCounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The GraphStore contract on both backends: the same writes give the same counts, nodes, paths and reachability on
 * Neo4j (embedded, over Bolt) and on Gremlin (an in-process Gremlin Server over TinkerGraph, over the driver).
 */
class GraphStoreParityTest {
    static final NodeKey ENTERPRISE = new NodeKey("Enterprise", "uscc");
    static final NodeKey ADDRESS = new NodeKey("Address", "address");
    static final NodeKey PERSON = new NodeKey("Person", "person_id");
    static final RelationshipSpec LOCATED_AT = RelationshipSpec.toDerived("LOCATED_AT", ADDRESS);

    static GraphStore fresh(String backend) {
        return switch (backend) {
            case "neo4j" -> {
                TestNeo4j.clear();
                yield TestNeo4j.store();
            }
            case "gremlin" -> {
                TestGremlin.clear();
                yield TestGremlin.store();
            }
            default -> throw new IllegalArgumentException(backend);
        };
    }

    static Row enterprise(String uscc, String name, String address) {
        Map<String, Object> props = new HashMap<>();
        props.put("name", name);
        return new Row(uscc, props, address == null ? List.of() : List.of(new Link(0, address, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"neo4j", "gremlin"})
    void upsertIsIdempotentAndAChangedRowUpdatesItsNode(String backend) {
        GraphStore store = fresh(backend);
        UpsertBatch batch = new UpsertBatch(ENTERPRISE, List.of(LOCATED_AT),
                List.of(enterprise("E1", "One", "A1"), enterprise("E2", "Two", "A1")));
        WriteCounts first = store.upsert(batch);
        assertThat(first.nodesCreated()).isEqualTo(3);
        assertThat(first.relationshipsCreated()).isEqualTo(2);

        WriteCounts again = store.upsert(batch);
        assertThat(again.nodesCreated()).isZero();
        assertThat(again.relationshipsCreated()).isZero();
        assertThat(store.counts().nodes("Enterprise")).isEqualTo(2);

        WriteCounts moved = store.upsert(new UpsertBatch(ENTERPRISE, List.of(LOCATED_AT),
                List.of(enterprise("E1", "One Renamed", "A2"))));
        assertThat(moved.relationshipsDeleted()).isEqualTo(1);
        assertThat(moved.relationshipsCreated()).isEqualTo(1);
        assertThat(store.node(ENTERPRISE, "E1").orElseThrow().property("name")).isEqualTo("One Renamed");
        assertThat(store.counts().relationships("LOCATED_AT")).isEqualTo(2);
        assertThat(store.counts().nodes("Address")).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"neo4j", "gremlin"})
    void nullPropertyRemovesItAndStubsLoseTheirMark(String backend) {
        GraphStore store = fresh(backend);
        store.upsert(new UpsertBatch(ENTERPRISE, List.of(), List.of(new Row("E1", Map.of("phone", "1"), null))));
        Map<String, Object> cleared = new HashMap<>();
        cleared.put("phone", null);
        store.upsert(new UpsertBatch(ENTERPRISE, List.of(), List.of(new Row("E1", cleared, null))));
        assertThat(store.node(ENTERPRISE, "E1").orElseThrow().properties()).doesNotContainKey("phone");

        store.upsert(new RelationshipBatch("LEGAL_REPRESENTATIVE_OF", PERSON, ENTERPRISE,
                List.of(new RelationshipBatch.Row("P1", "E9", Map.of("since", "2020")))));
        assertThat(store.node(ENTERPRISE, "E9").orElseThrow().property("stub")).isEqualTo(true);
        assertThat(store.node(PERSON, "P1").orElseThrow().property("stub")).isEqualTo(true);
        store.upsert(new UpsertBatch(ENTERPRISE, List.of(), List.of(enterprise("E9", "Nine", null))));
        assertThat(store.node(ENTERPRISE, "E9").orElseThrow().properties()).doesNotContainKey("stub")
                .containsEntry("uscc", "E9").containsEntry("name", "Nine");
        assertThat(store.counts().relationships("LEGAL_REPRESENTATIVE_OF")).isEqualTo(1);
        store.upsert(new RelationshipBatch("LEGAL_REPRESENTATIVE_OF", PERSON, ENTERPRISE,
                List.of(new RelationshipBatch.Row("P1", "E9", Map.of("since", "2021")))));
        assertThat(store.counts().relationships("LEGAL_REPRESENTATIVE_OF")).isEqualTo(1);
    }

    static void hubGraph(GraphStore store) {
        List<Row> rows = new ArrayList<>();
        rows.add(enterprise("E1", "One", "A1"));
        rows.add(enterprise("E2", "Two", "A1"));
        for (int i = 0; i < 5; i++) rows.add(enterprise("H" + i, "Hub tenant " + i, "A1"));
        rows.add(enterprise("E3", "Three", "A3"));
        store.upsert(new UpsertBatch(ENTERPRISE, List.of(LOCATED_AT), rows));
        store.upsert(new RelationshipBatch("DIRECTOR_OF", PERSON, ENTERPRISE, List.of(
                new RelationshipBatch.Row("P1", "E1", null), new RelationshipBatch.Row("P1", "E3", null))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"neo4j", "gremlin"})
    void neighbourhoodReachesHubsButDoesNotExpandThem(String backend) {
        GraphStore store = fresh(backend);
        hubGraph(store);
        List<GraphPath> open = store.neighbourhood(ENTERPRISE, "E1", TraversalLimits.hops(2));
        assertThat(keys(open)).containsExactlyInAnyOrder("E2", "H0", "H1", "H2", "H3", "H4", "E3", "A1", "P1");
        List<GraphPath> limited = store.neighbourhood(ENTERPRISE, "E1", new TraversalLimits(2, Set.of(), 3, 100));
        assertThat(keys(limited)).containsExactlyInAnyOrder("A1", "P1", "E3");
        assertThat(limited.getFirst().length()).isEqualTo(1);
        assertThat(limited).allSatisfy(p -> assertThat(p.nodes().getFirst().property("uscc")).isEqualTo("E1"));
        List<GraphPath> typed = store.neighbourhood(ENTERPRISE, "E1", new TraversalLimits(2, Set.of("DIRECTOR_OF"), 200, 100));
        assertThat(keys(typed)).containsExactlyInAnyOrder("P1", "E3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"neo4j", "gremlin"})
    void shortestPathsBetweenTwoEnterprises(String backend) {
        GraphStore store = fresh(backend);
        store.upsert(new RelationshipBatch("DIRECTOR_OF", PERSON, ENTERPRISE, List.of(
                new RelationshipBatch.Row("P1", "E1", null), new RelationshipBatch.Row("P1", "E2", null),
                new RelationshipBatch.Row("P2", "E1", null), new RelationshipBatch.Row("P2", "E2", null),
                new RelationshipBatch.Row("P3", "E1", null))));
        store.upsert(new RelationshipBatch("SUPERVISOR_OF", PERSON, ENTERPRISE, List.of(
                new RelationshipBatch.Row("P3", "E4", null), new RelationshipBatch.Row("P4", "E4", null),
                new RelationshipBatch.Row("P4", "E2", null))));
        List<GraphPath> paths = store.shortestPaths(ENTERPRISE, "E1", ENTERPRISE, "E2", TraversalLimits.hops(4));
        assertThat(paths).hasSize(2).allSatisfy(p -> {
            assertThat(p.length()).isEqualTo(2);
            assertThat(p.nodes().getFirst().property("uscc")).isEqualTo("E1");
            assertThat(p.nodes().getLast().property("uscc")).isEqualTo("E2");
        });
        assertThat(store.shortestPaths(ENTERPRISE, "E1", ENTERPRISE, "NOPE", TraversalLimits.hops(4))).isEmpty();
        List<GraphPath> longer = store.shortestPaths(ENTERPRISE, "E1", ENTERPRISE, "E2",
                new TraversalLimits(4, Set.of("SUPERVISOR_OF", "DIRECTOR_OF"), 1, 10));
        assertThat(longer).isEmpty(); // every person between them has more than one relationship
        List<GraphPath> viaE4 = store.shortestPaths(ENTERPRISE, "E4", ENTERPRISE, "E2", TraversalLimits.hops(4));
        assertThat(viaE4).hasSize(1);
        assertThat(viaE4.getFirst().length()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"neo4j", "gremlin"})
    void streamsProjectionAndWritesPropertiesBack(String backend) {
        GraphStore store = fresh(backend);
        store.upsert(new RelationshipBatch("INVESTS_IN", ENTERPRISE, ENTERPRISE, List.of(
                new RelationshipBatch.Row("E1", "E2", Map.of("share", 0.6)),
                new RelationshipBatch.Row("E2", "E3", Map.of()))));
        List<Long> nodeIds = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        List<long[]> pairs = new ArrayList<>();
        ProjectionSink sink = new ProjectionSink() {
            @Override
            public void nodes(long[] ids, int[] labelIndex, int count) {
                for (int i = 0; i < count; i++) nodeIds.add(ids[i]);
            }

            @Override
            public void relationships(long[] start, long[] end, int[] typeIndex, double[] weight, int count) {
                for (int i = 0; i < count; i++) {
                    weights.add(weight[i]);
                    pairs.add(new long[]{start[i], end[i]});
                }
            }
        };
        store.streamNodes(List.of("Enterprise"), sink, 2);
        store.streamRelationships(List.of("INVESTS_IN"), "share", sink, 2);
        assertThat(nodeIds).hasSize(3);
        assertThat(weights).containsExactlyInAnyOrder(0.6, Double.NaN);
        assertThat(pairs).allSatisfy(p -> assertThat(nodeIds).contains(p[0], p[1]));

        long[] ids = nodeIds.stream().mapToLong(Long::longValue).toArray();
        store.writeNodeProperty("pagerank", ids, new Object[]{0.1, 0.2, 0.3});
        double sum = 0;
        for (String k : List.of("E1", "E2", "E3")) sum += (Double) store.node(ENTERPRISE, k).orElseThrow().property("pagerank");
        assertThat(sum).isCloseTo(0.6, within(1e-12));
        store.writeNodeColumns(ids, Map.of("community", new long[]{7, 7, 9}, "risk_own", new double[]{0, 1.5, 0}));
        var e = store.node(ENTERPRISE, "E2").orElseThrow().properties();
        assertThat(e).containsKeys("community", "risk_own", "pagerank");
        assertThat(List.of(7L, 9L)).contains(((Number) e.get("community")).longValue());
        store.writeNodeProperties(ENTERPRISE, Map.of("E3", Map.of("grade", "C"), "NOPE", Map.of("grade", "A")));
        assertThat(store.node(ENTERPRISE, "E3").orElseThrow().property("grade")).isEqualTo("C");
        assertThat(store.node(ENTERPRISE, "NOPE")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"neo4j", "gremlin"})
    void streamsSeveralPropertiesInOnePassWithDatesAndLists(String backend) {
        GraphStore store = fresh(backend);
        store.upsert(new UpsertBatch(ENTERPRISE, List.of(LOCATED_AT), List.of(
                new Row("E1", Map.of("status", "ACTIVE", "employees", 12L, "segments", List.of("CATERING", "DRUGS"),
                        "established", LocalDate.of(2020, 5, 1)), List.of(new Link(0, "A1", null))),
                new Row("E2", Map.of("status", "REVOKED"), null),
                new Row("E3", Map.of(), null))));
        store.upsert(new UpsertBatch(PERSON, List.of(), List.of(new Row("P1", Map.of("status", "X"), null))));
        List<String> props = List.of("status", "employees", "segments", "established", "missing");
        Map<Long, List<Object>> onePass = new HashMap<>();
        store.streamNodeProperties("Enterprise", props, (ids, columns, count) -> {
            for (int i = 0; i < count; i++) {
                List<Object> row = new ArrayList<>();
                for (Object[] c : columns) row.add(c[i]);
                onePass.put(ids[i], row);
            }
        }, 2);
        assertThat(onePass).hasSize(3);
        assertThat(onePass.values()).anySatisfy(r -> assertThat(r).containsExactly("ACTIVE", 12L,
                List.of("CATERING", "DRUGS"), LocalDate.of(2020, 5, 1), null));
        Map<Long, Object> status = new HashMap<>();
        store.streamNodeProperty("Enterprise", "status", (ids, values, n) -> {
            for (int i = 0; i < n; i++) status.put(ids[i], values[i]);
        }, 1);
        assertThat(status.values()).containsExactlyInAnyOrder("ACTIVE", "REVOKED");
    }

    /** The reachability fixture of the cypher module's ReachableTest, written through the port. */
    @ParameterizedTest
    @ValueSource(strings = {"neo4j", "gremlin"})
    void reachesWithinTheHopsAndStopsAtHubs(String backend) {
        GraphStore store = fresh(backend);
        RelationshipSpec located = RelationshipSpec.toDerived("LOCATED_AT", ADDRESS);
        store.upsert(new UpsertBatch(PERSON, List.of(located), List.of(new Row("P", Map.of(), List.of(new Link(0, "hub", null))))));
        List<Row> firms = new ArrayList<>();
        firms.add(new Row("G", Map.of(), List.of(new Link(0, "hub2", null))));
        firms.add(new Row("F", Map.of(), null));
        for (int k = 1; k <= 5; k++) {
            firms.add(new Row("E" + k, Map.of(), List.of(new Link(0, "hub", null))));
            firms.add(new Row("H" + k, Map.of(), List.of(new Link(0, "hub2", null))));
        }
        store.upsert(new UpsertBatch(ENTERPRISE, List.of(located), firms));
        store.upsert(new RelationshipBatch("SUPERVISOR_OF", PERSON, ENTERPRISE, List.of(new RelationshipBatch.Row("P", "G", null))));
        store.upsert(new RelationshipBatch("INVESTS_IN", ENTERPRISE, ENTERPRISE, List.of(new RelationshipBatch.Row("E1", "F", null))));
        Set<String> types = Set.of("LOCATED_AT", "SUPERVISOR_OF", "INVESTS_IN");
        Map<String, String> expected = Map.of(
                "1;3", "[G]",
                "2;3", "[E1, E2, E3, E4, E5, G]",
                "3;3", "[E1, E2, E3, E4, E5, F, G]",
                "3;10", "[E1, E2, E3, E4, E5, F, G, H1, H2, H3, H4, H5]");
        expected.forEach((limits, keys) -> {
            String[] l = limits.split(";");
            Map<Object, Set<Object>> r = store.reachable(PERSON, List.of("P", "R"), ENTERPRISE,
                    new TraversalLimits(Integer.parseInt(l[0]), types, Integer.parseInt(l[1]), 1_000));
            assertThat(r.keySet()).containsExactly("P");
            assertThat(new TreeSet<>(r.get("P")).toString()).as(limits).isEqualTo(keys);
        });
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
