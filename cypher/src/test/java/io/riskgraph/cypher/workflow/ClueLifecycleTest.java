package io.riskgraph.cypher.workflow;

import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.workflow.Clue;
import io.riskgraph.workflow.ClueStatus;
import io.riskgraph.workflow.ClueWorkflow;
import io.riskgraph.workflow.NewClue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The clue lifecycle through {@link ClueWorkflow} on the Spring Data Neo4j repository: a path of changes from NEW,
 * then one more change that is either recorded (with who and when) or refused with a message naming the statuses.
 */
class ClueLifecycleTest {
    private static WorkflowRepositories repositories;
    private static final Instant NOW = Instant.parse("2026-07-01T09:00:00Z");

    @BeforeAll
    static void open() {
        repositories = WorkflowRepositories.open(TestNeo4j.connection().driver());
    }

    @AfterAll
    static void close() {
        repositories.close();
    }

    @ParameterizedTest(name = "{0} then {1}: {2}")
    @CsvSource({
            "'', ASSIGNED, ok",
            "'', DISMISSED, ok",
            "'', VERIFIED, refused",
            "'', CLOSED, refused",
            "ASSIGNED, VERIFIED, ok",
            "ASSIGNED, DISMISSED, ok",
            "ASSIGNED, ASSIGNED, refused",
            "ASSIGNED VERIFIED, CLOSED, ok",
            "ASSIGNED VERIFIED, DISMISSED, refused",
            "DISMISSED, CLOSED, ok",
            "ASSIGNED DISMISSED CLOSED, NEW, refused",
            "ASSIGNED VERIFIED CLOSED, ASSIGNED, refused"})
    void changeIsRecordedOrRefused(String path, ClueStatus target, String expected) {
        TestNeo4j.clear();
        NewClue found = new NewClue("W06", "W06|p1|" + path + target, "91310101MA1T000011", null, 4, "test",
                List.of(Clue.Evidence.node("Person", "p1", "")), LocalDate.of(2026, 6, 30));
        repositories.clues().storeNew(List.of(found), "warn", NOW);
        ClueWorkflow workflow = new ClueWorkflow(repositories.clues(), Clock.fixed(NOW, ZoneOffset.UTC));
        List<ClueStatus> steps = new ArrayList<>();
        for (String s : path.isBlank() ? new String[0] : path.trim().split(" ")) {
            workflow.changeStatus(found.id(), ClueStatus.valueOf(s), "li", "step");
            steps.add(ClueStatus.valueOf(s));
        }
        ClueStatus before = steps.isEmpty() ? ClueStatus.NEW : steps.getLast();
        if (expected.equals("ok")) {
            Clue clue = workflow.changeStatus(found.id(), target, "wang", "because");
            assertThat(clue.status()).isEqualTo(target);
            Clue.StatusChange last = clue.history().getLast();
            assertThat(last).isEqualTo(new Clue.StatusChange(before, target, "wang", NOW, "because"));
            assertThat(clue.history()).hasSize(steps.size() + 2);
        } else {
            assertThatThrownBy(() -> workflow.changeStatus(found.id(), target, "wang", ""))
                    .isInstanceOf(ClueWorkflow.IllegalTransitionException.class)
                    .hasMessageContaining("is " + before).hasMessageContaining("cannot change to " + target);
            Clue clue = repositories.clues().find(found.id()).orElseThrow();
            assertThat(clue.status()).isEqualTo(before);
            assertThat(clue.history()).hasSize(steps.size() + 1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"unknown id", "blank name"})
    void badRequestsChangeNothing(String kind) {
        TestNeo4j.clear();
        NewClue found = new NewClue("W01", "W01|p9", null, null, 3, "test", List.of(), LocalDate.of(2026, 6, 30));
        repositories.clues().storeNew(List.of(found), "warn", NOW);
        ClueWorkflow workflow = new ClueWorkflow(repositories.clues(), Clock.fixed(NOW, ZoneOffset.UTC));
        if (kind.equals("unknown id")) {
            assertThatThrownBy(() -> workflow.changeStatus("W01-ffffffffffff", ClueStatus.ASSIGNED, "li", ""))
                    .isInstanceOf(ClueWorkflow.UnknownClueException.class).hasMessageContaining("W01-ffffffffffff");
        } else {
            assertThatThrownBy(() -> workflow.changeStatus(found.id(), ClueStatus.ASSIGNED, " ", ""))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("who changes the status");
        }
        assertThat(repositories.clues().find(found.id()).orElseThrow().history()).hasSize(1);
        assertThat(repositories.clues().find(found.id()).orElseThrow().status()).isEqualTo(ClueStatus.NEW);
    }
}
