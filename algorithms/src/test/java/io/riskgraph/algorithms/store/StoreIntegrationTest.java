package io.riskgraph.algorithms.store;

import io.riskgraph.algorithms.AlgorithmRequest;
import io.riskgraph.algorithms.Analysis;
import io.riskgraph.algorithms.ownership.Holdings;
import io.riskgraph.algorithms.ownership.HoldingsReader;
import io.riskgraph.algorithms.ownership.OwnershipConfig;
import io.riskgraph.algorithms.ownership.OwnershipPenetration;
import io.riskgraph.algorithms.paths.RelatedParties;
import io.riskgraph.algorithms.projection.CompactGraph;
import io.riskgraph.algorithms.projection.InsufficientMemoryException;
import io.riskgraph.algorithms.projection.Orientation;
import io.riskgraph.algorithms.projection.ProjectionSpec;
import io.riskgraph.algorithms.projection.Projector;
import io.riskgraph.algorithms.propagation.PropagationConfig;
import io.riskgraph.cypher.Neo4jGraphStore;
import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.progress.Cancellation;
import io.riskgraph.progress.ProgressListener;
import io.riskgraph.store.NodeKey;
import io.riskgraph.store.RelationshipBatch;
import io.riskgraph.store.UpsertBatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Against the real embedded Neo4j: projection, holdings reading, the facade and write-back. */
class StoreIntegrationTest {
    static final NodeKey E = new NodeKey("Enterprise", "uscc");
    static final NodeKey P = new NodeKey("Person", "person_id");
    static final NodeKey A = new NodeKey("Address", "address");
    static Neo4jGraphStore store;

    /**
     * P1 -60%-> E1, P2 -40%-> E1; P1 -100%-> E2; E1 -30%-> T, E2 -40%-> T, P3 -30%-> T (a diamond over T).
     * P2 is legal representative of E3 and of E4. E3 and E5 share an address.
     * Events: a penalty on E3; a failed and a passed sample at E5; an open alert at E4.
     */
    @BeforeAll
    static void data() {
        TestNeo4j.clear();
        store = TestNeo4j.store();
        List<UpsertBatch.Row> firms = new ArrayList<>();
        for (String u : List.of("T", "E1", "E2", "E3", "E4", "E5")) firms.add(new UpsertBatch.Row(u, Map.of("name", "firm " + u), List.of()));
        store.upsert(new UpsertBatch(E, List.of(), firms));
        List<UpsertBatch.Row> people = new ArrayList<>();
        for (String p : List.of("P1", "P2", "P3")) people.add(new UpsertBatch.Row(p, Map.of("name", "person " + p), List.of()));
        store.upsert(new UpsertBatch(P, List.of(), people));
        rel("SHAREHOLDER_OF", P, E, "P1 E1 0.6", "P2 E1 0.4", "P1 E2 1.0", "P3 T 0.3");
        rel("INVESTS_IN", E, E, "E1 T 0.3", "E2 T 0.4");
        rel("LEGAL_REPRESENTATIVE_OF", P, E, "P2 E3", "P2 E4");
        rel("LOCATED_AT", E, A, "E3 addr1", "E5 addr1");
        event("Penalty", "IMPOSED_ON", "pen1", "E3", Map.of("kind", "FINE"));
        event("Sample", "SAMPLED_AT", "s1", "E5", Map.of("result", "FAIL"));
        event("Sample", "SAMPLED_AT", "s2", "E5", Map.of("result", "PASS"));
        event("Alert", "RAISED_AT", "a1", "E4", Map.of("status", "OPEN"));
    }

    static void rel(String type, NodeKey from, NodeKey to, String... rows) {
        List<RelationshipBatch.Row> list = new ArrayList<>();
        for (String r : rows) {
            String[] p = r.split(" ");
            list.add(new RelationshipBatch.Row(p[0], p[1], p.length > 2 ? Map.of("share", Double.parseDouble(p[2])) : Map.of()));
        }
        store.upsert(new RelationshipBatch(type, from, to, list));
    }

    static void event(String label, String type, String id, String uscc, Map<String, Object> props) {
        store.upsert(new UpsertBatch(new NodeKey(label, "id"), List.of(io.riskgraph.store.RelationshipSpec.out(type, E, true)),
                List.of(new UpsertBatch.Row(id, props, List.of(new UpsertBatch.Link(0, uscc, Map.of()))))));
    }

    static Map<String, Integer> index(CompactGraph g) {
        Map<String, Integer> m = new HashMap<>();
        for (String label : List.of("Enterprise", "Person")) {
            store.streamNodeProperty(label, label.equals("Person") ? "person_id" : "uscc", (ids, values, count) -> {
                for (int i = 0; i < count; i++) if (g.indexOf(ids[i]) >= 0) m.put((String) values[i], g.indexOf(ids[i]));
            }, 1_000);
        }
        return m;
    }

    /** Table: orientation, node, expected degree and weighted degree (type weight × share). */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "NATURAL,    P1, 2, 3.2",   // 2*0.6 + 2*1.0 (SHAREHOLDER_OF weighs 2)
            "NATURAL,    T,  0, 0",
            "REVERSE,    T,  3, 1.3",   // 2*0.3 + 0.3 + 0.4
            "REVERSE,    P1, 0, 0",
            "UNDIRECTED, E1, 3, 2.3",   // 2*0.6 + 2*0.4 + 0.3
            "UNDIRECTED, E3, 0, 0",     // only LEGAL_REPRESENTATIVE_OF, not projected
    })
    void projectionFollowsOrientationAndWeights(Orientation o, String node, int degree, double weighted) {
        Map<String, Double> types = new LinkedHashMap<>();
        types.put("SHAREHOLDER_OF", 2.0);
        types.put("INVESTS_IN", 1.0);
        CompactGraph g = new Projector(store).load(new ProjectionSpec(List.of("Enterprise", "Person"), types, "share", o),
                ProgressListener.NONE, Cancellation.NEVER);
        assertThat(g.nodeCount()).isEqualTo(9);
        assertThat(g.relationshipCount()).isEqualTo(6);
        int v = index(g).get(node);
        assertThat(g.degree(v)).isEqualTo(degree);
        assertThat(g.weightedOutDegree()[v]).isCloseTo(weighted, within(1e-6));
    }

    @Test
    void relationshipsToUnprojectedLabelsAreDroppedAndTheEstimateIsAnUpperBound() {
        ProjectionSpec spec = ProjectionSpec.of(List.of("Enterprise"), List.of("LOCATED_AT", "INVESTS_IN"), Orientation.NATURAL);
        Projector projector = new Projector(store);
        CompactGraph g = projector.load(spec, ProgressListener.NONE, Cancellation.NEVER);
        assertThat(g.relationshipCount()).isEqualTo(2);
        assertThat(projector.estimate(spec).relationships()).isEqualTo(4);
        assertThat(projector.estimate(spec).bytes()).isGreaterThanOrEqualTo(g.heapBytes());
    }

    @Test
    void refusesWhenTheEstimateDoesNotFit() {
        Projector tiny = new Projector(store, 1000, 1e-9);
        assertThatThrownBy(() -> tiny.load(PropagationConfig.DEFAULT.projection(), ProgressListener.NONE, Cancellation.NEVER))
                .isInstanceOf(InsufficientMemoryException.class)
                .hasMessageContaining("MiB of heap can be had").hasMessageContaining("raise -Xmx");
    }

    @Test
    void holdingsFromTheStoreGiveTheDiamond() {
        Holdings h = HoldingsReader.read(store, "T", OwnershipConfig.DEFAULT);
        OwnershipPenetration.Result r = OwnershipPenetration.compute(h, h.parties().keySet().iterator().next(),
                OwnershipConfig.DEFAULT);
        Map<Object, Double> byKey = new HashMap<>();
        r.holders().forEach(u -> byKey.put(u.party().key(), u.effectiveShare()));
        // P1: 0.6*0.3 + 1.0*0.4 = 0.58; P2: 0.4*0.3 = 0.12; P3: 0.3
        assertThat(byKey).containsOnlyKeys("P1", "P2", "P3");
        assertThat(byKey.get("P1")).isCloseTo(0.58, within(1e-9));
        assertThat(byKey.get("P2")).isCloseTo(0.12, within(1e-9));
        assertThat(byKey.get("P3")).isCloseTo(0.3, within(1e-9));
        assertThat(r.controller().party().key()).isEqualTo("P1");
        assertThat(r.controller().basis()).isEqualTo(OwnershipPenetration.Basis.EFFECTIVE_SHARE);
    }

    @Test
    void relatedPartiesWithinTwoHops() {
        var parties = new RelatedParties(store, PropagationConfig.TYPE_WEIGHTS_DEFAULT)
                .within(E, "E3", RelatedParties.limits(2));
        List<Object> keys = parties.stream().map(p -> p.node().property(p.node().labels().contains("Person") ? "person_id" : "uscc")).toList();
        assertThat(keys).contains("P2", "E4", "E1", "E5");
        assertThat(parties.get(0).node().property("person_id")).isEqualTo("P2"); // the legal representative, 1 hop, weight 1
    }

    @Test
    void standardRunWritesBackAndRowsAreKeyed() {
        // an earlier version wrote own risk on every node: the run takes it off where nothing reads it
        store.writeNodeProperties(P, Map.of("P2", Map.of("risk_own", 9.0)));
        assertThat(store.node(P, "P2").orElseThrow().properties()).containsEntry("risk_own", 9.0);
        Analysis.Summary s = new Analysis().runStandard(store, ProgressListener.NONE, Cancellation.NEVER);
        assertThat(s.warnings()).isEmpty();
        assertThat(s.eventsCounted()).containsEntry("PENALTY", 1L).containsEntry("FAILED_SAMPLE", 1L)
                .containsEntry("OPEN_ALERT", 1L);
        // all eight results on enterprises, inherited risk on the other nodes (what later steps read)
        long enterprises = store.counts().nodesByLabel().get("Enterprise");
        assertThat(s.propertiesWritten()).isEqualTo(8L * enterprises + (s.nodes() - enterprises));
        Map<String, Object> p2 = store.node(P, "P2").orElseThrow().properties();
        assertThat(p2).containsKeys("risk_inherited").doesNotContainKeys("risk_own", "pagerank", "community");
        Map<String, Object> e4 = store.node(E, "E4").orElseThrow().properties();
        // E4: own 0.3 (open alert); inherits E3's penalty via P2: 1 * 0.5 * 0.5 = 0.25
        assertThat((Double) e4.get("risk_own")).isCloseTo(0.3, within(1e-12));
        assertThat((Double) e4.get("risk_inherited")).isCloseTo(0.25, within(1e-12));
        assertThat(e4).containsKeys("pagerank", "degree_weighted", "betweenness", "wcc", "wcc_size", "community");
        // E5: failed sample (1.0); the passed one does not count
        assertThat((Double) store.node(E, "E5").orElseThrow().property("risk_own")).isEqualTo(1.0);

        Analysis.Table t = new Analysis().runOne(store, "risk", AlgorithmRequest.DEFAULTS, ProgressListener.NONE);
        assertThat(t.columns()).containsExactly("label", "key", "risk_own", "risk_inherited", "top_source");
        List<Object> e4row = t.rows().stream().filter(r -> r.get(1).equals("E4")).findFirst().orElseThrow();
        assertThat(e4row.get(4)).isEqualTo("E3");
    }

    @Test
    void unknownAlgorithmOrParameterIsRefusedWithTheValidNames() {
        Analysis a = new Analysis();
        assertThatThrownBy(() -> a.runOne(store, "pagerenk", AlgorithmRequest.DEFAULTS, ProgressListener.NONE))
                .hasMessage("unknown algorithm 'pagerenk'; valid: pagerank, degree, betweenness, wcc, louvain, risk");
        assertThatThrownBy(() -> a.runOne(store, "pagerank", new AlgorithmRequest(null, null, null, Map.of("damping", "0.9")),
                ProgressListener.NONE)).hasMessageContaining("valid: dampingFactor, maxIterations, tolerance, weighted");
    }
}
