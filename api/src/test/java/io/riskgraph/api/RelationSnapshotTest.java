package io.riskgraph.api;

import io.riskgraph.store.GraphReads;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riskgraph.cypher.TestNeo4j;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neo4j.driver.Session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.riskgraph.api.ApiFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * /related from the in-memory relation snapshot answers as the Cypher read of the store does, and follows the
 * store when it changes. Shortest paths of equal length may be picked differently, so paths are compared by
 * length and checked to be real paths of the graph; everything else must be equal.
 */
class RelationSnapshotTest {
    static final String QINGHE = RelatedPartiesTest.QINGHE;
    static EntityService fromStore;
    static EntityService fromSnapshot;
    static RelationSnapshots snapshots;

    @BeforeAll
    static void start() {
        server();
        GraphReads reads = new io.riskgraph.cypher.CypherGraphReads(TestNeo4j.connection().driver());
        snapshots = new RelationSnapshots(reads, Duration.ZERO);
        snapshots.rebuild();
        fromStore = new EntityService(TestNeo4j.store(), reads, new GraphOwnership(reads), CONFIG.hubDegree());
        fromSnapshot = new EntityService(TestNeo4j.store(), reads, new GraphOwnership(reads), CONFIG.hubDegree(), snapshots);
    }

    static EntityService.RelatedQuery query(int hops, String types, Double minShare, String segments, int page, int size,
                                            int hubDegree) {
        Set<String> t = types.isBlank() ? Set.of() : Set.of(types.split("\\|"));
        Set<String> s = segments.isBlank() ? Set.of() : Set.of(segments.split("\\|"));
        return new EntityService.RelatedQuery(hops, t, minShare, s, page, size, hubDegree);
    }

    @ParameterizedTest(name = "{0} hops={1} types={2} minShare={3} segments={4} page={5} size={6} hub={7} full={8}")
    @CsvSource(delimiter = ';', nullValues = "-", value = {
            // subject; hops; types; minShare; segments; page; size; hubDegree; full persons
            SNACK + "; 1; ; -; ; 1; 50; 10; true",
            SNACK + "; 2; ; -; ; 1; 50; 10; false",
            SNACK + "; 3; ; -; ; 1; 200; 10; true",
            SNACK + "; 3; INVESTS_IN|SHAREHOLDER_OF; -; ; 1; 50; 10; true",
            SNACK + "; 3; INVESTS_IN; 0.3; ; 1; 50; 10; true",
            SNACK + "; 3; INVESTS_IN; -; FOOD_PRODUCTION; 1; 50; 10; true",
            QINGHE + "; 2; ; -; ; 1; 2; 10; true",
            QINGHE + "; 2; ; -; ; 2; 2; 10; false",
            QINGHE + "; 2; ; -; ; 1; 50; 5; true",
            QINGHE + "; 3; ; -; ; 1; 200; 3; true",
            "91310112MA1GH0370U; 2; ; -; ; 1; 50; 10; false",
            FOOD + "; 3; ; -; ; 1; 200; 10; true",
            PYRAMID_TOP + "; 2; LOCATED_AT|HAS_PHONE|LEGAL_REPRESENTATIVE_OF; -; ; 1; 50; 10; true",
    })
    void snapshotAnswersAsTheStore(String uscc, int hops, String types, Double minShare, String segments, int page,
                                   int size, int hubDegree, boolean full) {
        EntityService.RelatedQuery q = query(hops, types == null ? "" : types, minShare, segments == null ? "" : segments,
                page, size, hubDegree);
        List<String> seenStore = new ArrayList<>(), seenSnapshot = new ArrayList<>();
        JsonNode store = Json.MAPPER.valueToTree(fromStore.related(fromStore.enterprise(uscc), q, full, seenStore));
        JsonNode snap = Json.MAPPER.valueToTree(fromSnapshot.related(uscc, q, full, seenSnapshot));
        assertThat(store.get("total").asInt()).isPositive();
        checkPaths(snap, uscc);
        assertThat(withoutPathChoice(snap)).isEqualTo(withoutPathChoice(store));
        assertThat(seenSnapshot).containsExactlyInAnyOrderElementsOf(seenStore);
    }

    /** Every path starts at the subject, ends at the party, is as long as its hops and uses real relationships. */
    private static void checkPaths(JsonNode j, String subject) {
        for (JsonNode row : j.get("parties")) {
            JsonNode nodes = row.get("path").get("nodes"), rels = row.get("path").get("relationships");
            assertThat(rels.size()).isEqualTo(row.get("hops").asInt());
            assertThat(nodes.get(0).get("key").asText()).isEqualTo(subject);
            assertThat(nodes.get(nodes.size() - 1)).isEqualTo(row.get("party"));
            for (int i = 0; i < rels.size(); i++) {
                Set<String> ends = Set.of(rels.get(i).get("from").asText(), rels.get(i).get("to").asText());
                assertThat(ends).contains(nodes.get(i).get("key").asText(), nodes.get(i + 1).get("key").asText());
            }
        }
    }

    /** The answer with each party's path replaced by its length, and shares that depend on which path was taken dropped. */
    private static JsonNode withoutPathChoice(JsonNode j) {
        ObjectNode copy = j.deepCopy();
        ArrayNode parties = (ArrayNode) copy.get("parties");
        for (JsonNode row : parties) {
            ObjectNode r = (ObjectNode) row;
            r.put("path", r.get("path").get("relationships").size());
            if (copy.get("minShare").isNull()) {
                r.remove("effectiveShare");
                r.remove("holding");
            }
        }
        return copy;
    }

    @Test
    void holdingChainsAreTheSameEitherWay() {
        // one holding chain per party here, so path and share are determined
        var q = query(3, "INVESTS_IN|SHAREHOLDER_OF", null, "", 1, 50, 10);
        JsonNode store = Json.MAPPER.valueToTree(fromStore.related(fromStore.enterprise(SNACK), q, true, new ArrayList<>()));
        JsonNode snap = Json.MAPPER.valueToTree(fromSnapshot.related(SNACK, q, true, new ArrayList<>()));
        assertThat(snap).isEqualTo(store);
    }

    @Test
    void followsTheStoreAfterAChange() {
        String newcomer = "91310101MA1XX00015"; // not in the example city, linked to the pyramid's top
        RelationSnapshot before = snapshots.current();
        try (Session s = TestNeo4j.connection().driver().session()) {
            s.run("MATCH (top:Enterprise {uscc: $top}) CREATE (:Enterprise {uscc: $u, name: '上海新来公司'})-[:INVESTS_IN {share: 0.5}]->(top)",
                    Map.of("top", PYRAMID_TOP, "u", newcomer)).consume();
        }
        try {
            var q = query(1, "INVESTS_IN", null, "", 1, 50, 10);
            // not in the snapshot yet: the store answers
            assertThat(RelatedPartiesTest.keys(Json.MAPPER.valueToTree(fromSnapshot.related(newcomer, q, true, new ArrayList<>()))))
                    .containsExactly(PYRAMID_TOP);
            assertThat(keys(fromSnapshot.related(PYRAMID_TOP, q, true, new ArrayList<>()))).doesNotContain(newcomer);
            snapshots.refreshIfStale();
            assertThat(snapshots.current()).isNotSameAs(before);
            assertThat(snapshots.current().storeVersion()).isNotEqualTo(before.storeVersion());
            assertThat(keys(fromSnapshot.related(PYRAMID_TOP, q, true, new ArrayList<>()))).contains(newcomer);
            RelationSnapshot after = snapshots.current();
            snapshots.refreshIfStale();
            assertThat(snapshots.current()).as("no change, no rebuild").isSameAs(after);
        } finally {
            try (Session s = TestNeo4j.connection().driver().session()) {
                s.run("MATCH (e:Enterprise {uscc: $u}) DETACH DELETE e", Map.of("u", newcomer)).consume();
            }
            snapshots.rebuild();
        }
    }

    private static List<String> keys(Map<String, Object> related) {
        return RelatedPartiesTest.keys(Json.MAPPER.valueToTree(related));
    }

    @Test
    void unknownAndMalformedAreRefusedAsBefore() {
        var q = query(2, "", null, "", 1, 50, 10);
        assertThat(Arrays.asList(status(() -> fromSnapshot.related("91310105MA1GH00744", q, false, new ArrayList<>())),
                status(() -> fromSnapshot.related("9131", q, false, new ArrayList<>()))))
                .containsExactly(404, 400);
    }

    private static int status(Runnable r) {
        try {
            r.run();
            return 200;
        } catch (ApiException e) {
            return e.status();
        }
    }

    @Test
    void holdsTheWholeExampleCity() {
        RelationSnapshot s = snapshots.current();
        long parties;
        try (Session session = TestNeo4j.connection().driver().session()) {
            parties = session.run("MATCH (n) WHERE n:Enterprise OR n:Person OR n:Address OR n:Phone RETURN count(n) AS n")
                    .single().get("n").asLong();
        }
        assertThat((long) s.nodeCount()).isEqualTo(parties);
        assertThat(s.relationshipCount()).isPositive();
        assertThat(s.heapBytes()).isPositive();
        assertThat(Set.of(SNACK, FOOD).stream().map(s::enterprise).map(n -> n.property("uscc")).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(SNACK, FOOD);
    }
}
