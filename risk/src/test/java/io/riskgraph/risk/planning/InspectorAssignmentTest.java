package io.riskgraph.risk.planning;

import io.riskgraph.cypher.TestNeo4j;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neo4j.driver.Session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Teams are never personally tied to the firm they inspect: ties planted in a small inline graph (a role, a shared
 * address, a shared phone, a 2-step tie through a family member at the inspector's address, a role in the parent)
 * are found through the store, and no plan over many seeds puts a tied inspector on a task. Workload is balanced and a
 * task without a conflict-free team says why.
 */
class InspectorAssignmentTest {
    static final String UNIT = "徐汇区市场监督管理局第一市场监管所";
    static final String E1 = "E1", E2 = "E2", E3 = "E3", E4 = "E4", E5 = "E5", E6 = "E6", X = "X";

    @BeforeAll
    static void graph() {
        TestNeo4j.clear();
        try (Session s = TestNeo4j.connection().driver().session()) {
            s.run("""
                    CREATE (e1:Enterprise {uscc: 'E1', district: '徐汇区', grade: 'D'}),
                           (e2:Enterprise {uscc: 'E2', district: '徐汇区', grade: 'D'}),
                           (e3:Enterprise {uscc: 'E3', district: '徐汇区', grade: 'C'}),
                           (e4:Enterprise {uscc: 'E4', district: '徐汇区', grade: 'B'}),
                           (e5:Enterprise {uscc: 'E5', district: '徐汇区', grade: 'A'}),
                           (e6:Enterprise {uscc: 'E6', district: '静安区', grade: 'D'}),
                           (x:Enterprise {uscc: 'X', district: '浦东新区', grade: 'A'}),
                           (addrA:Address {address: 'A'}), (phone3:Phone {number: '3'}), (home4:Address {address: 'H4'}),
                           (q:Person {person_id: 'Q'})
                    WITH *
                    UNWIND range(1, 7) AS k
                    CREATE (p:Person {person_id: 'P' + k})
                    CREATE (:Inspector {inspector_id: 'I' + k, district: '徐汇区', unit: $unit, person_id: 'P' + k})-[:IS_PERSON]->(p)
                    WITH *
                    MATCH (p1:Person {person_id: 'P1'}), (p2:Person {person_id: 'P2'}), (p3:Person {person_id: 'P3'}),
                          (p4:Person {person_id: 'P4'}), (p5:Person {person_id: 'P5'})
                    WITH DISTINCT e1, e2, e3, e4, e5, e6, x, addrA, phone3, home4, q, p1, p2, p3, p4, p5
                    CREATE (p1)-[:SUPERVISOR_OF]->(e1)
                    CREATE (p2)-[:LOCATED_AT]->(addrA)<-[:LOCATED_AT]-(e2)
                    CREATE (p3)-[:HAS_PHONE]->(phone3)<-[:HAS_PHONE]-(e3)
                    CREATE (p4)-[:LOCATED_AT]->(home4)<-[:LOCATED_AT]-(q)-[:LEGAL_REPRESENTATIVE_OF]->(e4)
                    CREATE (p5)-[:SHAREHOLDER_OF]->(x)-[:INVESTS_IN]->(e5)
                    CREATE (j1:Person {person_id: 'PJ1'})-[:CONTACT_OF]->(e6)
                    CREATE (:Inspector {inspector_id: 'J1', district: '静安区', unit: '静安区市场监督管理局执法大队', person_id: 'PJ1'})-[:IS_PERSON]->(j1)
                    CREATE (:Inspector {inspector_id: 'J2', district: '静安区', unit: '静安区市场监督管理局执法大队', person_id: 'PJ2'})
                    """, Map.of("unit", UNIT)).consume();
        }
    }

    static Map<String, Set<String>> tiesOf(int hops) {
        List<Inspector> inspectors = Inspector.read(TestNeo4j.store());
        Ties t = Ties.read(TestNeo4j.store(), inspectors, new TieParams(hops, TieParams.MAX_DEGREE_DEFAULT));
        Map<String, Set<String>> out = new TreeMap<>();
        for (Inspector i : inspectors) {
            for (String e : List.of(E1, E2, E3, E4, E5, E6, X)) if (t.tied(i.id(), e)) out.computeIfAbsent(i.id(), k -> new TreeSet<>()).add(e);
        }
        return out;
    }

    @ParameterizedTest(name = "within {0} relationships: {1}")
    @CsvSource(delimiter = ';', value = {
            "1; I1=[E1], I5=[X], J1=[E6]",
            "2; I1=[E1], I2=[E2], I3=[E3], I5=[E5, X], J1=[E6]",
            "3; I1=[E1], I2=[E2], I3=[E3], I4=[E4], I5=[E5, X], J1=[E6]"})
    void plantedTiesAreFoundWithinTheHops(int hops, String expected) {
        assertThat(tiesOf(hops).toString()).isEqualTo("{" + expected + "}");
    }

    @Test
    void noPlanPutsATiedInspectorOnATask() {
        GradeSnapshot snapshot = GradeSnapshot.read(TestNeo4j.store(), null);
        List<Inspector> inspectors = Inspector.read(TestNeo4j.store());
        Ties ties = Ties.read(TestNeo4j.store(), inspectors, TieParams.DEFAULT);
        Map<String, Set<String>> planted = Map.of("I1", Set.of(E1), "I2", Set.of(E2), "I3", Set.of(E3), "I4", Set.of(E4),
                "I5", Set.of(E5, X), "J1", Set.of(E6));
        InspectionCodes codes = new InspectionCodes(new byte[32]);
        int assigned = 0;
        for (long seed = 0; seed < 200; seed++) {
            PlanParams p = PlanParams.of(Period.parse("2026-Q1"), null, SamplingRatios.parse("A=1,B=1,C=1,D=1"), seed);
            for (var t : Planner.plan(snapshot, inspectors, ties, p, codes, Instant.EPOCH).tasks()) {
                for (String i : t.inspectors()) {
                    assertThat(planted.getOrDefault(i, Set.of())).as("seed " + seed + " " + t).doesNotContain(t.uscc());
                }
                if (!t.inspectors().isEmpty()) {
                    assigned++;
                    assertThat(t.inspectors()).hasSize(2).doesNotHaveDuplicates();
                }
            }
        }
        assertThat(assigned).isEqualTo(200 * 5); // E1..E5 always get a team; E6 and X never (below)
    }

    @Test
    void aTaskWithoutAConflictFreeTeamSaysWhy() {
        GradeSnapshot snapshot = GradeSnapshot.read(TestNeo4j.store(), null);
        List<Inspector> inspectors = Inspector.read(TestNeo4j.store());
        Ties ties = Ties.read(TestNeo4j.store(), inspectors, TieParams.DEFAULT);
        PlanParams p = PlanParams.of(Period.parse("2026-Q1"), null, SamplingRatios.parse("A=1,B=1,C=1,D=1"), 1);
        Map<String, String> problems = new TreeMap<>();
        for (var t : Planner.plan(snapshot, inspectors, ties, p, new InspectionCodes(new byte[32]), Instant.EPOCH).unassigned()) {
            assertThat(t.code()).isNull();
            problems.put(t.uscc(), t.unassignedReason());
        }
        assertThat(problems).containsExactly(
                Map.entry(E6, "no conflict-free team: district 静安区 has 2 inspector(s), 2 in a unit for this enterprise, "
                        + "1 of them personally tied to it, 1 left, 2 needed"),
                Map.entry(X, "no conflict-free team: district 浦东新区 has 0 inspector(s), 0 in a unit for this enterprise, "
                        + "0 of them personally tied to it, 0 left, 2 needed"));
    }

    @Test
    void workloadIsLeastLoadedFirstAndSpecialisedUnitsKeepToTheirSegments() {
        List<GradeSnapshot.Entry> firms = new ArrayList<>();
        for (int i = 0; i < 10; i++) firms.add(new GradeSnapshot.Entry("F" + i, 'C', "徐汇区", Set.of("CATERING")));
        firms.add(new GradeSnapshot.Entry("LIFT", 'C', "徐汇区", Set.of("SPECIAL_EQUIPMENT_USE")));
        List<Inspector> team = List.of(new Inspector("G1", "徐汇区", UNIT, null), new Inspector("G2", "徐汇区", UNIT, null),
                new Inspector("G3", "徐汇区", UNIT, null), new Inspector("G4", "徐汇区", UNIT, null),
                new Inspector("S1", "徐汇区", "徐汇区市场监督管理局特种设备监察科", null),
                new Inspector("S2", "徐汇区", "徐汇区市场监督管理局特种设备监察科", null));
        for (long seed = 0; seed < 20; seed++) {
            Map<String, Integer> load = new HashMap<>();
            for (var a : InspectorAssigner.assign(firms, team, Ties.of(Map.of()), 2, seed)) {
                if (a.entity().uscc().startsWith("F")) assertThat(a.inspectors()).noneMatch(i -> i.startsWith("S"));
                a.inspectors().forEach(i -> load.merge(i, 1, Integer::sum));
            }
            // 22 places over 4 general inspectors (20) and the lift firm's team (drawn from all 6)
            int max = load.values().stream().max(Integer::compare).orElseThrow();
            int min = team.stream().filter(i -> i.id().startsWith("G")).mapToInt(i -> load.getOrDefault(i.id(), 0)).min().orElseThrow();
            assertThat(max - min).as("seed " + seed + " " + load).isLessThanOrEqualTo(1);
        }
    }
}
