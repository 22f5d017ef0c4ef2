package io.riskgraph.gremlin;

import io.riskgraph.store.NodeKey;
import io.riskgraph.store.RelationshipBatch;
import io.riskgraph.store.RelationshipSpec;
import io.riskgraph.store.UpsertBatch;
import io.riskgraph.store.WriteCounts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What only the Gremlin store does: merges that say what they created, and the vertex ids it remembers by uid. */
class GremlinGraphStoreTest {
    static final NodeKey ENTERPRISE = new NodeKey("Enterprise", "uscc");
    static final NodeKey PERSON = new NodeKey("Person", "person_id");
    static final NodeKey ADDRESS = new NodeKey("Address", "address");

    static RelationshipBatch roles(String... pairs) {
        List<RelationshipBatch.Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) rows.add(new RelationshipBatch.Row(pairs[i], pairs[i + 1], Map.of("since", "2020")));
        return new RelationshipBatch("DIRECTOR_OF", PERSON, ENTERPRISE, rows);
    }

    @Test
    void createdCountsComeFromTheMergeAndKnownEndsAreNotCreatedAgain() {
        TestGremlin.clear();
        GremlinGraphStore store = TestGremlin.store();
        WriteCounts first = store.upsert(roles("P1", "E1", "P1", "E2", "P2", "E1"));
        assertThat(first.nodesCreated()).isEqualTo(4);
        assertThat(first.relationshipsCreated()).isEqualTo(3);
        WriteCounts again = store.upsert(roles("P1", "E1", "P3", "E2"));
        assertThat(again.nodesCreated()).isEqualTo(1);
        assertThat(again.relationshipsCreated()).isEqualTo(1);
        // a second store (no memory) sees the same graph
        GremlinGraphStore other = TestGremlin.store();
        assertThat(other.upsert(roles("P1", "E1")).nodesCreated()).isZero();
        assertThat(other.counts().nodes("Person")).isEqualTo(3);
        assertThat(other.counts().nodes("Enterprise")).isEqualTo(2);
        assertThat(other.counts().relationships("DIRECTOR_OF")).isEqualTo(4);
        // no vertex keeps the merge's created mark
        assertThat(TestGremlin.connection().g().V().has(GremlinGraphStore.CREATED_MARK).count().next()).isZero();
    }

    @Test
    void verticesDeletedBehindTheStoresBackAreMergedAgain() {
        TestGremlin.clear();
        GremlinGraphStore store = TestGremlin.store();
        RelationshipSpec located = RelationshipSpec.toDerived("LOCATED_AT", ADDRESS);
        store.upsert(roles("P1", "E1"));
        store.upsert(new UpsertBatch(ENTERPRISE, List.of(located), List.of(new UpsertBatch.Row("E1", Map.of("name", "One"),
                List.of(new UpsertBatch.Link(0, "A1", null))))));
        TestGremlin.clear(); // another client empties the graph: the ids this store remembers are gone
        WriteCounts roles = store.upsert(roles("P1", "E1"));
        assertThat(roles.relationshipsCreated()).isEqualTo(1);
        WriteCounts firms = store.upsert(new UpsertBatch(ENTERPRISE, List.of(located), List.of(new UpsertBatch.Row("E2",
                Map.of("name", "Two"), List.of(new UpsertBatch.Link(0, "A1", null))))));
        assertThat(firms.nodesCreated()).isEqualTo(2);
        assertThat(store.counts().nodes("Address")).isEqualTo(1);
        assertThat(store.counts().relationships("LOCATED_AT")).isEqualTo(1);
        assertThat(store.counts().relationships("DIRECTOR_OF")).isEqualTo(1);
        assertThat(store.node(ENTERPRISE, "E1").orElseThrow().property("stub")).isEqualTo(true);
    }
}
