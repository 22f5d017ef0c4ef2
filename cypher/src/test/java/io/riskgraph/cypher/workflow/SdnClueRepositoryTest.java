package io.riskgraph.cypher.workflow;

import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.workflow.Clue;
import io.riskgraph.workflow.ClueFilter;
import io.riskgraph.workflow.ClueRepository;
import io.riskgraph.workflow.ClueStatus;
import io.riskgraph.workflow.NewClue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Clues round-trip through Spring Data Neo4j on the real embedded database. */
class SdnClueRepositoryTest {
    private static WorkflowRepositories repositories;
    private static ClueRepository clues;
    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

    @BeforeAll
    static void open() {
        repositories = WorkflowRepositories.open(TestNeo4j.connection().driver());
        clues = repositories.clues();
    }

    @AfterAll
    static void close() {
        repositories.close();
    }

    @BeforeEach
    void clear() {
        TestNeo4j.clear();
    }

    private static NewClue clue(String rule, String key, String uscc, String segment, int severity) {
        return new NewClue(rule, key, uscc, segment, severity, "summary of " + key,
                List.of(Clue.Evidence.node("Enterprise", uscc, "grade D"),
                        Clue.Evidence.path("(Person:p1)-[:LEGAL_REP_OF]->(Enterprise:" + uscc + ")", "legal rep")),
                LocalDate.of(2026, 6, 1));
    }

    @Test
    void storesFindsFiltersAndKeepsStatusOnReStore() {
        NewClue a = clue("W01", "W01|p1", "91310000AAAAAAAAA1", "FOOD_PRODUCTION", 5);
        NewClue b = clue("W02", "W02|x", "91310000AAAAAAAAA2", "FOOD_SALES", 3);
        assertThat(clues.storeNew(List.of(a, b, a), "warn", T0)).isEqualTo(2);

        Clue stored = clues.find(a.id()).orElseThrow();
        assertThat(stored.rule()).isEqualTo("W01");
        assertThat(stored.status()).isEqualTo(ClueStatus.NEW);
        assertThat(stored.evidence()).isEqualTo(a.evidence());
        assertThat(stored.asOf()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(stored.createdAt()).isEqualTo(T0);
        assertThat(stored.history()).extracting(Clue.StatusChange::to, Clue.StatusChange::by)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ClueStatus.NEW, "warn"));

        Instant t1 = T0.plusSeconds(60);
        Clue changed = clues.applyChange(a.id(), new Clue.StatusChange(ClueStatus.NEW, ClueStatus.ASSIGNED, "li", t1, "to Li")).orElseThrow();
        assertThat(changed.status()).isEqualTo(ClueStatus.ASSIGNED);
        assertThat(changed.history()).extracting(Clue.StatusChange::to).containsExactly(ClueStatus.NEW, ClueStatus.ASSIGNED);
        assertThat(changed.history().get(1).at()).isEqualTo(t1);
        // stale "from": the change does not apply
        assertThat(clues.applyChange(a.id(), new Clue.StatusChange(ClueStatus.NEW, ClueStatus.DISMISSED, "wang", t1, ""))).isEmpty();

        // storing the same findings again creates nothing and keeps the status
        assertThat(clues.storeNew(List.of(a, b), "warn", T0.plusSeconds(3600))).isZero();
        assertThat(clues.find(a.id()).orElseThrow().status()).isEqualTo(ClueStatus.ASSIGNED);

        assertThat(clues.list(new ClueFilter(null, null, null, null, 0, 10))).extracting(Clue::id).containsExactly(a.id(), b.id());
        assertThat(clues.list(new ClueFilter(ClueStatus.NEW, null, null, null, 0, 10))).extracting(Clue::id).containsExactly(b.id());
        assertThat(clues.list(new ClueFilter(null, null, null, "FOOD_PRODUCTION", 0, 10))).extracting(Clue::id).containsExactly(a.id());
        assertThat(clues.list(new ClueFilter(null, null, null, null, 1, 10))).extracting(Clue::id).containsExactly(b.id());
        assertThat(clues.list(ClueFilter.all()).get(0).history()).hasSize(2);
        assertThat(clues.count(new ClueFilter(null, "W02", null, null, 0, 1))).isEqualTo(1);
        assertThat(clues.countByRule()).isEqualTo(Map.of("W01", 1L, "W02", 1L));
        assertThat(clues.find("W09-000000000000")).isEmpty();
    }
}
