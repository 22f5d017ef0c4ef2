package io.riskgraph.gremlin;

import io.riskgraph.store.GraphStoreException;
import io.riskgraph.store.NodeKey;
import io.riskgraph.store.RelationshipBatch;
import io.riskgraph.store.UpsertBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded Gremlin Server keeps its TinkerGraph in the store folder across restarts, values and ids intact. */
class EmbeddedGremlinServerTest {
    static final NodeKey ENTERPRISE = new NodeKey("Enterprise", "uscc");
    static final NodeKey PERSON = new NodeKey("Person", "person_id");

    @TempDir
    Path dir;

    @Test
    void theGraphSurvivesARestartWithItsValues() {
        OffsetDateTime at = OffsetDateTime.of(2026, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC);
        String id;
        try (GremlinConnection c = GremlinConnection.embedded(dir)) {
            GremlinGraphStore s = new GremlinGraphStore(c.g());
            s.upsert(new UpsertBatch(ENTERPRISE, List.of(), List.of(new UpsertBatch.Row("E1", Map.of("established",
                    LocalDate.of(2020, 5, 1), "segments", List.of("A", "B"), "seen", at, "score", 0.25), null))));
            s.upsert(new RelationshipBatch("DIRECTOR_OF", PERSON, ENTERPRISE, List.of(new RelationshipBatch.Row("P1", "E1", Map.of("since", LocalDate.of(2021, 1, 2))))));
            id = s.node(ENTERPRISE, "E1").orElseThrow().id();
        }
        assertThat(dir.resolve(EmbeddedGremlinServer.GRAPH_FILE)).exists();
        assertThat(dir.resolve(EmbeddedGremlinServer.GRAPH_FILE + ".tmp")).doesNotExist();
        try (GremlinConnection c = GremlinConnection.embedded(dir)) {
            GremlinGraphStore s = new GremlinGraphStore(c.g());
            var e = s.node(ENTERPRISE, "E1").orElseThrow();
            assertThat(e.id()).isEqualTo(id);
            assertThat(e.properties()).containsEntry("established", LocalDate.of(2020, 5, 1))
                    .containsEntry("segments", List.of("A", "B")).containsEntry("seen", at).containsEntry("score", 0.25);
            assertThat(s.counts().relationships("DIRECTOR_OF")).isEqualTo(1);
            // the uid index is back: a new row for the same key merges
            s.upsert(new UpsertBatch(ENTERPRISE, List.of(), List.of(new UpsertBatch.Row("E1", Map.of("name", "One"), null))));
            assertThat(s.counts().nodes("Enterprise")).isEqualTo(1);
            // new ids do not collide with loaded ones
            s.upsert(new UpsertBatch(ENTERPRISE, List.of(), List.of(new UpsertBatch.Row("E2", Map.of(), null))));
            assertThat(s.node(ENTERPRISE, "E2").orElseThrow().id()).isNotEqualTo(id);
        }
    }

    @Test
    void anUnreachableServerIsNamed() {
        assertThatThrownBy(() -> GremlinConnection.remote("ws://127.0.0.1:1", "g", null, null))
                .isInstanceOf(GraphStoreException.class).hasMessageContaining("ws://127.0.0.1:1");
        assertThatThrownBy(() -> GremlinConnection.remote("bolt://x:7687", "g", null, null))
                .isInstanceOf(GraphStoreException.class).hasMessageContaining("invalid Gremlin URL");
    }

    @Test
    void anUnreadableGraphFileIsRefusedNotOverwritten() throws Exception {
        Files.writeString(dir.resolve(EmbeddedGremlinServer.GRAPH_FILE), "not a graph");
        assertThatThrownBy(() -> GremlinConnection.embedded(dir)).isInstanceOf(GraphStoreException.class)
                .hasMessageContaining("cannot read the TinkerGraph");
        assertThat(Files.readString(dir.resolve(EmbeddedGremlinServer.GRAPH_FILE))).isEqualTo("not a graph");
    }
}
