package io.riskgraph.gremlin;

import io.riskgraph.query.QueryLimits;
import io.riskgraph.query.QueryRefusedException;
import io.riskgraph.query.QueryResult;
import io.riskgraph.query.QueryTimeoutException;
import io.riskgraph.store.NodeKey;
import io.riskgraph.store.RelationshipBatch;
import io.riskgraph.store.UpsertBatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Read-only Gremlin against a real in-process Gremlin Server: every attack is refused with a message naming the step
 * and the graph is unchanged afterwards; reads come back as rows.
 */
class GremlinGuardTest {
    static GremlinQueryRunner runner;
    static final NodeKey ENTERPRISE = new NodeKey("Enterprise", "uscc");
    static final NodeKey PERSON = new NodeKey("Person", "person_id");

    @BeforeAll
    static void graph() {
        TestGremlin.clear();
        GremlinGraphStore store = TestGremlin.store();
        store.upsert(new UpsertBatch(ENTERPRISE, List.of(), List.of(
                new UpsertBatch.Row("E1", Map.of("name", "One", "grade", "C"), null),
                new UpsertBatch.Row("E2", Map.of("name", "Two", "grade", "A"), null))));
        store.upsert(new RelationshipBatch("DIRECTOR_OF", PERSON, ENTERPRISE, List.of(
                new RelationshipBatch.Row("P1", "E1", Map.of("since", "2020")), new RelationshipBatch.Row("P1", "E2", null))));
        runner = new GremlinQueryRunner(TestGremlin.connection().g());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "g.addV('X')                                                   | addV() writes",
            "g.V().addE('X').to(V().has('uscc','E2'))                      | addE() writes",
            "g.mergeV([uscc: 'E9'])                                        | mergeV() writes",
            "g.V().mergeE([(T.label): 'X'])                                | mergeE() writes",
            "g.V().has('uscc','E1').property('grade','A')                  | property() writes",
            "g.V().drop()                                                  | drop() writes",
            "g.V().union(__.drop(), __.identity())                         | drop() writes",
            "g.V().where(__.out().sideEffect(__.property('x', 1)))         | property() writes",
            "g.withoutStrategies(ReadOnlyStrategy).addV('X')               | g.withoutStrategies(...) is not allowed",
            "g.withStrategies(ReadOnlyStrategy).V()                        | g.withStrategies(...) is not allowed",
            "g.withSideEffect('a', 1).V()                                  | g.withSideEffect(...) is not allowed",
            "g.with('evaluationTimeout', 999999).V()                       | g.with(...) is not allowed",
            "g.withSack(1).V()                                             | g.withSack(...) is not allowed",
            "g.io('/tmp/x.json').write()                                   | io() is not allowed",
            "g.V().io('/tmp/x.json')                                       | does not parse",
            "g.call('tinker.search')                                       | call() is not allowed",
            "g.V().call('tinker.search')                                   | call() is not allowed",
            "g.V().subgraph('sg')                                          | subgraph() is not allowed",
            "g.V().toList()                                                | leave out .toList()",
            "g.V().iterate()                                               | leave out .iterate()",
            "g.V().drop().iterate()                                        | ",
            "g.tx().commit()                                               | transactions",
            "g.V().map{ it.get() }                                         | does not parse",
            "g.V().filter(x -> true)                                       | does not parse",
            "System.exit(0)                                                | does not parse",
            "g.V(); g.addV('X')                                            | one traversal at a time",
            "g                                                             | only a traversal can run here",
            "''                                                            | empty"})
    void refusesWithAMessageNamingTheStep(String traversal, String message) {
        String text = traversal.equals("''") ? "" : traversal;
        long before = TestGremlin.connection().g().V().count().next();
        assertThatThrownBy(() -> runner.run(text, Map.of(), QueryLimits.DEFAULT))
                .isInstanceOf(QueryRefusedException.class)
                .hasMessageContaining(message == null ? "" : message);
        assertThat(TestGremlin.connection().g().V().count().next()).isEqualTo(before);
        assertThat(TestGremlin.connection().g().V().has("grade", "A").count().next()).isEqualTo(1);
    }

    @Test
    void readsComeBackAsRowsWithParameters() {
        QueryResult r = runner.run("g.V().has('Enterprise', 'uscc', u).project('uscc', 'name').by('uscc').by('name')",
                Map.of("u", "E1"), QueryLimits.DEFAULT);
        assertThat(r.columns()).containsExactly("uscc", "name");
        assertThat(r.rows()).containsExactly(List.of("E1", "One"));

        QueryResult vertices = runner.run("g.V().hasLabel('Enterprise').order().by('uscc')", Map.of(), QueryLimits.DEFAULT);
        assertThat(vertices.columns()).containsExactly("result");
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) vertices.rows().getFirst().getFirst();
        assertThat(first).containsEntry("uscc", "E1").containsEntry("_labels", List.of("Enterprise")).doesNotContainKey("uid");

        QueryResult count = runner.run("g.V().hasLabel('Person').out('DIRECTOR_OF').count()", Map.of(), QueryLimits.DEFAULT);
        assertThat(count.rows()).containsExactly(List.of(2L));

        QueryResult paths = runner.run("g.V().has('uscc', 'E1').in('DIRECTOR_OF').out('DIRECTOR_OF').has('uscc', 'E2').path()",
                Map.of(), QueryLimits.DEFAULT);
        assertThat(paths.rows()).hasSize(1);
        assertThat((List<?>) paths.rows().getFirst().getFirst()).hasSize(3);
    }

    @Test
    void rowsAreCappedAndLongTraversalsStopped() {
        QueryResult r = runner.run("g.V()", Map.of(), new QueryLimits(Duration.ofSeconds(10), 2));
        assertThat(r.rows()).hasSize(2);
        assertThat(r.truncated()).isTrue();
        assertThatThrownBy(() -> runner.run("g.inject(1).repeat(union(constant('a'), constant('b')).path()).times(28).count()", Map.of(),
                new QueryLimits(Duration.ofSeconds(1), 10)))
                .isInstanceOf(QueryTimeoutException.class).hasMessageContaining("longer than 1 s");
    }
}
