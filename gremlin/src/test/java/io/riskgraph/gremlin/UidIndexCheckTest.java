package io.riskgraph.gremlin;

import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The missing-index check at connect, against the embedded server with and without its uid index. */
class UidIndexCheckTest {
    @TempDir
    Path dir;

    static void addVertices(GraphTraversalSource g, int n) {
        for (int from = 0; from < n; from += 5_000) {
            List<String> uids = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + 5_000); i++) uids.add("Thing:" + i);
            g.inject((Object) uids).unfold().as("u").addV("Thing").property(GremlinGraphStore.UID, __.select("u")).count().next();
        }
    }

    @Test
    void aGraphWithTheIndexPassesAndOneWithoutIsNamedWithTheVendorsCommand() {
        try (GremlinConnection c = GremlinConnection.embedded(dir)) {
            assertThat(c.uidIndex().verdict()).isEqualTo(UidIndexCheck.Verdict.TOO_SMALL_TO_TELL);
            assertThat(c.uidIndex().message()).isNull();
            addVertices(c.g(), 60_000);
        }
        try (GremlinConnection c = GremlinConnection.embedded(dir)) {
            UidIndexCheck.Result r = c.uidIndex();
            assertThat(r.verdict()).as(r.toString()).isEqualTo(UidIndexCheck.Verdict.INDEXED);
            assertThat(r.vendor()).isEqualTo("TinkerGraph");
            assertThat(r.message()).isNull();
        }
        try (GremlinConnection c = GremlinConnection.embedded(dir, false)) {
            UidIndexCheck.Result r = c.uidIndex();
            assertThat(r.verdict()).as(r.toString()).isEqualTo(UidIndexCheck.Verdict.SCANS);
            assertThat(r.vendor()).isEqualTo("TinkerGraph");
            assertThat(r.message()).contains(c.url()).contains("no index on the vertex property 'uid'")
                    .contains("graph.createIndex('uid', Vertex.class)");
        }
    }

    @Test
    void theVendorsCommandsAreNamed() {
        assertThat(UidIndexCheck.remedy("JanusGraph")).contains("mgmt.buildIndex('byUid', Vertex.class)").contains("REINDEX");
        assertThat(UidIndexCheck.remedy("HugeGraph")).contains("secondary()");
        assertThat(UidIndexCheck.remedy("unknown")).contains("docs/backends.md");
    }
}
