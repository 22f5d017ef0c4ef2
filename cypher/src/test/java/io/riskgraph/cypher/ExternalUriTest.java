package io.riskgraph.cypher;

import io.riskgraph.store.GraphStoreException;
import io.riskgraph.store.NodeKey;
import io.riskgraph.store.UpsertBatch;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The --uri path: a second platform instance reaches a running server by URI and sees the same graph. */
class ExternalUriTest {
    @Test
    void secondInstanceConnectsByUri() {
        TestNeo4j.clear();
        String uri = TestNeo4j.connection().uri();
        try (Neo4jConnection second = Neo4jConnection.remote(uri, "neo4j", TestNeo4j.password())) {
            Neo4jGraphStore remote = new Neo4jGraphStore(second.driver());
            remote.upsert(new UpsertBatch(new NodeKey("Enterprise", "uscc"), List.of(),
                    List.of(new UpsertBatch.Row("91310000MA1FL0XX0X", Map.of("name", "written remotely"), null))));
        }
        assertThat(TestNeo4j.store().node(new NodeKey("Enterprise", "uscc"), "91310000MA1FL0XX0X"))
                .hasValueSatisfying(n -> assertThat(n.property("name")).isEqualTo("written remotely"));
    }

    @Test
    void unreachableUriIsAClearError() {
        assertThatThrownBy(() -> Neo4jConnection.remote("bolt://127.0.0.1:1", null, null))
                .isInstanceOf(GraphStoreException.class).hasMessageContaining("cannot reach Neo4j at bolt://127.0.0.1:1");
        assertThatThrownBy(() -> Neo4jConnection.remote("http//nonsense", null, null))
                .isInstanceOf(GraphStoreException.class).hasMessageContaining("invalid store URI");
    }
}
