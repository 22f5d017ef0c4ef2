package io.riskgraph.cypher;

import io.riskgraph.store.ProjectionSink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ClientException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The projection procedures return exactly what the Cypher window queries return, over a graph with the awkward
 * cases: several types, weights of every kind and none, self-loops, parallel relationships, id gaps left by deleted
 * nodes and relationships, and nodes and relationships that were not asked for.
 */
class ProjectionProceduresTest {
    static final Neo4jGraphStore.ProjectionPath CYPHER = Neo4jGraphStore.ProjectionPath.CYPHER;

    @BeforeAll
    static void graph() {
        TestNeo4j.clear();
        try (Session s = TestNeo4j.connection().driver().session()) {
            s.run("""
                    CREATE (e1:Enterprise {uscc: 'P1', founded: date('2020-01-02'), tags: ['a', 'b'], capital: 1.5, staff: 12, active: true}), (e2:Enterprise {uscc: 'P2'}), (e3:Enterprise {uscc: 'P3'}),
                           (p1:Person {person_id: 'P1'}), (p2:Person:Enterprise {person_id: 'P2', uscc: 'P4'}),
                           (o:Other {k: 1}), (gone1:Enterprise {uscc: 'G1'}), (e4:Enterprise {uscc: 'P5'}),
                           (gone2:Person {person_id: 'G2'})
                    CREATE (e1)-[:INVESTS_IN {share: 0.5}]->(e2), (e1)-[:INVESTS_IN {share: 0.25}]->(e2),
                           (e1)-[:DROPPED]->(e3), (e1)-[:INVESTS_IN]->(e3), (e2)-[:INVESTS_IN {share: 3}]->(e2),
                           (e3)-[:INVESTS_IN {share: '0.75'}]->(e4), (e4)-[:INVESTS_IN {share: 'many'}]->(e1),
                           (p1)-[:EMPLOYS {share: 1.0}]->(e1), (p2)-[:EMPLOYS]->(p2), (p2)-[:INVESTS_IN {share: 2}]->(o),
                           (o)-[:INVESTS_IN {share: 9}]->(e1), (o)-[:DROPPED]->(o), (o)-[:OWNS {share: 1}]->(e2),
                           (e4)-[:OWNS]->(e3), (gone1)-[:INVESTS_IN]->(e1), (e2)-[:EMPLOYS]->(gone2)
                    """).consume();
            s.run("MATCH (n) WHERE n.uscc = 'G1' OR n.person_id = 'G2' DETACH DELETE n").consume();
            s.run("MATCH ()-[r:DROPPED]->() DELETE r").consume(); // id gaps among the relationships, not only at the end
        }
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> projections() {
        return Stream.of(
                arguments(List.of("Enterprise"), List.of("INVESTS_IN"), null),
                arguments(List.of("Enterprise"), List.of("INVESTS_IN"), "share"),
                arguments(List.of("Enterprise", "Person"), List.of("INVESTS_IN", "EMPLOYS"), "share"),
                arguments(List.of("Person", "Enterprise"), List.of("EMPLOYS", "INVESTS_IN", "EMPLOYS"), null),
                arguments(List.of("Other", "Person"), List.of("OWNS", "INVESTS_IN"), "share"),
                arguments(List.of("Nope", "Person"), List.of("NOPE", "OWNS"), "nope"),
                arguments(List.of("Nope"), List.of("NOPE"), "share"));
    }

    @ParameterizedTest
    @MethodSource("projections")
    void procedureProjectsWhatCypherProjects(List<String> labels, List<String> types, String weight) {
        Neo4jGraphStore procedures = TestNeo4j.store();
        Neo4jGraphStore cypher = new Neo4jGraphStore(TestNeo4j.connection().driver(), CYPHER);
        assertThat(procedures.useProjectionProcedures()).isTrue();
        assertThat(cypher.useProjectionProcedures()).isFalse();

        Projected fast = Projected.of(procedures, labels, types, weight);
        Projected slow = Projected.of(cypher, labels, types, weight);
        assertThat(fast.nodes).isEqualTo(slow.nodes);
        assertThat(fast.relationships).isEqualTo(slow.relationships);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ';', value = {
            "Enterprise; uscc",
            "Enterprise; uscc,founded,tags,capital,staff,active",   // text, date, list, float, integer, boolean
            "Enterprise; staff,nope,uscc",                           // a property no node has, between others
            "Person; person_id,uscc",                                // a node with two labels
            "Other; k",
            "Nope; uscc",                                            // a label the store has never seen
    })
    void nodePropertiesAreWhatCypherReads(String label, String properties) {
        List<String> props = List.of(properties.split(","));
        Neo4jGraphStore cypher = new Neo4jGraphStore(TestNeo4j.connection().driver(), CYPHER);
        assertThat(propertyRows(TestNeo4j.store(), label, props)).isEqualTo(propertyRows(cypher, label, props));
    }

    /** id -> the values as strings, from streamNodeProperties. */
    private static java.util.SortedMap<Long, List<String>> propertyRows(Neo4jGraphStore store, String label, List<String> props) {
        java.util.SortedMap<Long, List<String>> rows = new java.util.TreeMap<>();
        store.streamNodeProperties(label, props, (ids, values, count) -> {
            for (int i = 0; i < count; i++) {
                List<String> row = new java.util.ArrayList<>();
                for (Object[] column : values) row.add(String.valueOf(column[i]));
                assertThat(rows.put(ids[i], row)).as("node %d delivered once", ids[i]).isNull();
            }
        }, 2);
        return rows;
    }

    /**
     * The window readers once were interrupted while closing their sessions, which makes the driver terminate the
     * connection; the pool could hand it out again, and the next query failed with "Connection is closed".
     */
    @Test
    void everyQueryAfterAProjectionFindsAnOpenConnection() {
        Neo4jGraphStore store = TestNeo4j.store();
        for (int round = 0; round < 30; round++) {
            Projected p = Projected.of(store, List.of("Enterprise"), List.of("INVESTS_IN"), "share");
            assertThat(p.relationships).isNotEmpty();
            List<Object> keys = new ArrayList<>();
            store.streamNodeProperty("Enterprise", "uscc", (ids, values, count) -> {
                for (int i = 0; i < count; i++) keys.add(values[i]);
            }, 100);
            assertThat(keys).as("round %d", round).hasSize(p.nodes.size());
        }
    }

    @Test
    void theTableCoversWhatItClaims() {
        Projected all = Projected.of(TestNeo4j.store(), List.of("Enterprise", "Person"), List.of("INVESTS_IN", "EMPLOYS"),
                "share");
        assertThat(all.nodes).hasSize(6); // two deleted, one of another label
        assertThat(all.relationships).hasSize(10) // the deleted nodes' and the OWNS relationships are not there
                .anySatisfy(r -> assertThat(r).endsWith(" NaN"))        // absent, and text that is no number
                .anySatisfy(r -> assertThat(r).endsWith(" 0.75"))       // numeric text
                .anySatisfy(r -> assertThat(r).endsWith(" 3.0"));       // an integer, on a self-loop
        assertThat(all.relationships.stream().filter(r -> r.contains(" 0.5") || r.contains(" 0.25"))).hasSize(2);
    }

    @Test
    void relationshipIdWindowsTogetherGiveEveryRelationshipOnceAndCountTheOthers() {
        try (Session s = TestNeo4j.connection().driver().session()) {
            long total = s.run("MATCH ()-[r]->() RETURN count(r)").single().get(0).asLong();
            List<Long> ids = s.run("MATCH ()-[r]->() RETURN id(r) AS id ORDER BY id").list(r -> r.get(0).asLong());
            long max = ids.get(ids.size() - 1);
            assertThat(max + 1).as("deleted relationships leave id gaps").isGreaterThan(total);
            String call = "CALL " + ProjectionProcedures.RELATIONSHIPS_BY_ID
                    + "(['INVESTS_IN', 'EMPLOYS'], 'share', $lo, $hi)";
            List<String> pieces = new ArrayList<>();
            long existing = 0;
            for (long id = 0; id <= max + 3; id++) {
                Record r = s.run(call, Map.of("lo", id, "hi", id)).single();
                existing += r.get("existing").asLong();
                assertThat(r.get("existing").asLong()).isEqualTo(ids.contains(id) ? 1 : 0);
                pieces.addAll(rows(r));
            }
            assertThat(existing).isEqualTo(total);
            Record whole = s.run(call, Map.of("lo", 0, "hi", max)).single();
            assertThat(whole.get("existing").asLong()).isEqualTo(total);
            assertThat(pieces).isEqualTo(rows(whole)).hasSize(10);
            Record unknown = s.run("CALL " + ProjectionProcedures.RELATIONSHIPS_BY_ID + "(['NOPE'], null, 0, $max)",
                    Map.of("max", max)).single();
            assertThat(unknown.get("count").asLong()).isZero();
            assertThat(unknown.get("existing").asLong()).isEqualTo(total);
        }
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> badCalls() {
        String rels = "CALL " + ProjectionProcedures.RELATIONSHIPS_BY_ID;
        String nodes = "CALL " + ProjectionProcedures.NODES;
        return Stream.of(
                arguments(rels + "(['INVESTS_IN'], null, 5, 2)", "must have 0 <= lo <= hi"),
                arguments(rels + "(['INVESTS_IN'], null, -1, 2)", "must have 0 <= lo <= hi"),
                arguments(rels + "(['INVESTS_IN'], null, 0, 100000000)", "is wider than"),
                arguments(rels + "([], null, 0, 2)", "name at least one of the types"),
                arguments(rels + "(null, null, 0, 2)", "name at least one of the types"),
                arguments(rels + "(['INVESTS_IN', null], null, 0, 2)", "must not contain null"),
                arguments(nodes + "(['Enterprise'], 3, 1)", "must have 0 <= lo <= hi"),
                arguments(nodes + "([], 0, 1)", "name at least one of the labels"),
                arguments("CALL " + ProjectionProcedures.NODE_PROPERTIES + "('Enterprise', [], 0, 1)", "name at least one of the properties"),
                arguments("CALL " + ProjectionProcedures.NODE_PROPERTIES + "(null, ['uscc'], 0, 1)", "name at least one of the labels"));
    }

    @ParameterizedTest
    @MethodSource("badCalls")
    void badArgumentsAreClearErrors(String call, String message) {
        try (Session s = TestNeo4j.connection().driver().session()) {
            assertThatThrownBy(() -> s.run(call).consume()).isInstanceOf(ClientException.class)
                    .hasMessageContaining(message);
        }
    }

    @Test
    void theProceduresAreReadOnly() {
        try (Session s = TestNeo4j.connection().driver().session()) {
            assertThat(s.run("SHOW PROCEDURES YIELD name, mode WHERE name STARTS WITH 'riskgraph.projection.' "
                    + "RETURN collect(mode)").single().get(0).asList()).containsExactly("READ", "READ", "READ");
        }
    }

    @Test
    void namesThatAreNoIdentifiersAreRefusedOnBothPaths() {
        for (Neo4jGraphStore store : List.of(TestNeo4j.store(),
                new Neo4jGraphStore(TestNeo4j.connection().driver(), CYPHER))) {
            ProjectionSink ignore = new ProjectionSink() {};
            assertThatThrownBy(() -> store.streamRelationships(List.of("A]->() DETACH DELETE a //"), null, ignore, 10))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.streamRelationships(List.of("A"), "w) //", ignore, 10))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.streamNodes(List.of("A) OR true //"), ignore, 10))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static List<String> rows(Record r) {
        long[] start = PackedColumns.longs(r.get("startIds").asByteArray());
        long[] end = PackedColumns.longs(r.get("endIds").asByteArray());
        int[] type = PackedColumns.ints(r.get("typeIndexes").asByteArray());
        double[] w = PackedColumns.doubles(r.get("weights").asByteArray());
        assertThat(r.get("count").asLong()).isEqualTo(start.length);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < start.length; i++) out.add(start[i] + ">" + end[i] + " " + type[i] + " " + w[i]);
        return out;
    }

    /** A projection as sorted text rows, so two paths compare whatever order each returns within a node. */
    record Projected(List<String> nodes, List<String> relationships) {
        static Projected of(Neo4jGraphStore store, List<String> labels, List<String> types, String weight) {
            List<String> nodes = new ArrayList<>();
            List<String> rels = new ArrayList<>();
            ProjectionSink sink = new ProjectionSink() {
                @Override
                public void nodes(long[] ids, int[] labelIndex, int count) {
                    assertThat(ids).hasSize(count);
                    for (int i = 0; i < count; i++) nodes.add(ids[i] + " " + labelIndex[i]);
                }

                @Override
                public void relationships(long[] start, long[] end, int[] typeIndex, double[] w, int count) {
                    assertThat(count).isLessThanOrEqualTo(3);
                    for (int i = 0; i < count; i++) rels.add(start[i] + ">" + end[i] + " " + typeIndex[i] + " " + w[i]);
                }
            };
            store.streamNodes(labels, sink, 3);
            store.streamRelationships(types, weight, sink, 3);
            nodes.sort(null);
            rels.sort(null);
            return new Projected(nodes, rels);
        }
    }
}
