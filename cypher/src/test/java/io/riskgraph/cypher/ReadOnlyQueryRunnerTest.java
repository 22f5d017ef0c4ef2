package io.riskgraph.cypher;

import io.riskgraph.query.QueryLimits;
import io.riskgraph.query.QueryRefusedException;
import io.riskgraph.query.QueryResult;
import io.riskgraph.query.QueryTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neo4j.driver.Session;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadOnlyQueryRunnerTest {
    static ReadOnlyQueryRunner runner;

    @BeforeAll
    static void graph() {
        TestNeo4j.clear();
        try (Session s = TestNeo4j.connection().driver().session()) {
            s.run("UNWIND range(1, 50) AS i CREATE (:Enterprise {uscc: 'U' + i, name: 'E' + i})").consume();
            s.run("MATCH (a:Enterprise {uscc: 'U1'}), (b:Enterprise {uscc: 'U2'}) CREATE (a)-[:INVESTS_IN {share: 0.5}]->(b)")
                    .consume();
        }
        runner = new ReadOnlyQueryRunner(TestNeo4j.connection().driver());
    }

    @Test
    void readsWithParametersAndPlainValues() {
        QueryResult r = runner.run("MATCH (a:Enterprise {uscc: $u})-[r]->(b) RETURN a, r, b.name AS name",
                Map.of("u", "U1"), QueryLimits.DEFAULT);
        assertThat(r.columns()).containsExactly("a", "r", "name");
        assertThat(r.rows()).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) r.rows().getFirst().get(0);
        assertThat(a).containsEntry("uscc", "U1").containsEntry("_labels", List.of("Enterprise"));
        @SuppressWarnings("unchecked")
        Map<String, Object> rel = (Map<String, Object>) r.rows().getFirst().get(1);
        assertThat(rel).containsEntry("_type", "INVESTS_IN").containsEntry("share", 0.5);
        assertThat(r.truncated()).isFalse();
    }

    @Test
    void rowLimitTruncates() {
        QueryResult r = runner.run("MATCH (e:Enterprise) RETURN e.uscc", Map.of(), new QueryLimits(Duration.ofSeconds(10), 7));
        assertThat(r.rows()).hasSize(7);
        assertThat(r.truncated()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "CREATE (:Enterprise {uscc: 'X'}); only reads are allowed",
            "MATCH (e:Enterprise {uscc: 'U1'}) SET e.name = 'hacked'; only reads are allowed",
            "MATCH (e:Enterprise) DETACH DELETE e; only reads are allowed",
            "MERGE (e:Enterprise {uscc: 'U1'}); only reads are allowed",
            "CREATE INDEX x IF NOT EXISTS FOR (n:Foo) ON (n.bar); change the schema",
            "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line; LOAD CSV is not allowed",
            "CALL dbms.components() YIELD name RETURN name; procedure calls are not allowed",
            "CALL db.createLabel('Evil'); procedure calls are not allowed here (db.createLabel",
            "CALL apoc.create.node(['X'], {}) YIELD node RETURN node; apoc.create.node",
            "MATCH (n RETURN n; Invalid input",
    })
    void refused(String statement, String message) {
        assertThatThrownBy(() -> runner.run(statement, Map.of(), QueryLimits.DEFAULT))
                .isInstanceOf(QueryRefusedException.class).hasMessageContaining(message);
        assertThat(runner.run("MATCH (e:Enterprise) RETURN count(e)", Map.of(), QueryLimits.DEFAULT).rows().getFirst().getFirst())
                .isEqualTo(50L);
    }

    @Test
    void schemaProceduresAreAllowed() {
        QueryResult r = runner.run("CALL db.labels() YIELD label RETURN label", Map.of(), QueryLimits.DEFAULT);
        assertThat(r.rows()).extracting(row -> row.getFirst()).contains("Enterprise");
    }

    @Test
    void longRunningStatementIsStopped() {
        assertThatThrownBy(() -> runner.run(
                "UNWIND range(1, 100000000) AS i WITH i WHERE i % 7 = 99 RETURN count(i)", Map.of(),
                new QueryLimits(Duration.ofMillis(300), 10)))
                .isInstanceOf(QueryTimeoutException.class).hasMessageContaining("stopped");
    }
}
