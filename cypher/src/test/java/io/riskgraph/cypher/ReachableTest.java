package io.riskgraph.cypher;

import io.riskgraph.store.NodeKey;
import io.riskgraph.store.TraversalLimits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neo4j.driver.Session;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphStore.reachable: breadth first within the hops, either direction, hubs beyond the start's direct neighbours
 * not passed through. Graph: P lives at a busy address (6 links) shared with E1..E5, E1 invests in F; P supervises
 * G, whose own address is shared with H1..H5 (also 6 links); R is not in the graph.
 */
class ReachableTest {
    static final NodeKey PERSON = new NodeKey("Person", "person_id");
    static final NodeKey ENTERPRISE = new NodeKey("Enterprise", "uscc");

    @BeforeAll
    static void graph() {
        TestNeo4j.clear();
        try (Session s = TestNeo4j.connection().driver().session()) {
            s.run("""
                    CREATE (p:Person {person_id: 'P'})-[:LOCATED_AT]->(hub:Address {address: 'hub'}),
                           (p)-[:SUPERVISOR_OF]->(g:Enterprise {uscc: 'G'})-[:LOCATED_AT]->(hub2:Address {address: 'hub2'}),
                           (f:Enterprise {uscc: 'F'})
                    WITH *
                    UNWIND range(1, 5) AS k
                    CREATE (:Enterprise {uscc: 'E' + k})-[:LOCATED_AT]->(hub)
                    CREATE (:Enterprise {uscc: 'H' + k})-[:LOCATED_AT]->(hub2)
                    WITH DISTINCT f
                    MATCH (e1:Enterprise {uscc: 'E1'}) CREATE (e1)-[:INVESTS_IN]->(f)
                    """).consume();
        }
    }

    @ParameterizedTest(name = "{0} hops, max degree {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
            "1; 3; [G]",
            "2; 3; [E1, E2, E3, E4, E5, G]",                      // the busy address is the start's neighbour: it counts
            "3; 3; [E1, E2, E3, E4, E5, F, G]",                   // G's address (6 links) is not passed through
            "3; 10; [E1, E2, E3, E4, E5, F, G, H1, H2, H3, H4, H5]"})
    void reachesWithinTheHopsAndStopsAtHubs(int hops, int maxDegree, String expected) {
        Map<Object, Set<Object>> r = TestNeo4j.store().reachable(PERSON, List.of("P", "R"), ENTERPRISE,
                new TraversalLimits(hops, Set.of("LOCATED_AT", "SUPERVISOR_OF", "INVESTS_IN"), maxDegree, 1_000));
        assertThat(r.keySet()).containsExactly("P");
        assertThat(new TreeSet<>(r.get("P")).toString()).isEqualTo(expected);
    }
}
