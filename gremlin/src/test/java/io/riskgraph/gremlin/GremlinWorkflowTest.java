package io.riskgraph.gremlin;

import io.riskgraph.workflow.Clue;
import io.riskgraph.workflow.ClueFilter;
import io.riskgraph.workflow.ClueStatus;
import io.riskgraph.workflow.InspectionOutcome;
import io.riskgraph.workflow.InspectionPlan;
import io.riskgraph.workflow.InspectionTask;
import io.riskgraph.workflow.Investigation;
import io.riskgraph.workflow.NewClue;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The workflow ports on the Gremlin backend: clues with their history, plans and tasks, investigations. */
class GremlinWorkflowTest {

    @Test
    void cluesAreStoredOnceAndChangeStatusOnlyFromTheStatusTheyHave() {
        TestGremlin.clear();
        GremlinWorkflow w = new GremlinWorkflow(TestGremlin.connection().g());
        NewClue a = new NewClue("W05", "W05|E1", "E1", "CATERING", 4, "one", List.of(Clue.Evidence.node("Enterprise", "E1", "grade D")),
                LocalDate.of(2026, 3, 1));
        NewClue b = new NewClue("W06", "W06|E2", "E2", null, 2, "two", List.of(), LocalDate.of(2026, 3, 1));
        Instant now = Instant.parse("2026-03-02T10:00:00Z");
        assertThat(w.clues().storeNew(List.of(a, b, a), "warn", now)).isEqualTo(2);
        assertThat(w.clues().storeNew(List.of(a), "warn", now)).isZero();
        Clue c = w.clues().find(a.id()).orElseThrow();
        assertThat(c.status()).isEqualTo(ClueStatus.NEW);
        assertThat(c.evidence()).containsExactly(Clue.Evidence.node("Enterprise", "E1", "grade D"));
        assertThat(c.history()).hasSize(1);
        assertThat(c.createdAt()).isEqualTo(now);
        assertThat(w.clues().list(ClueFilter.all())).extracting(Clue::id).containsExactly(a.id(), b.id());
        assertThat(w.clues().count(new ClueFilter(null, "W06", null, null, 0, 10))).isEqualTo(1);
        assertThat(w.clues().countByRule()).containsEntry("W05", 1L).containsEntry("W06", 1L);

        Clue.StatusChange assign = new Clue.StatusChange(ClueStatus.NEW, ClueStatus.ASSIGNED, "li", now.plusSeconds(60), "go");
        assertThat(w.clues().applyChange(a.id(), assign)).hasValueSatisfying(x -> {
            assertThat(x.status()).isEqualTo(ClueStatus.ASSIGNED);
            assertThat(x.history()).hasSize(2).last().isEqualTo(assign);
        });
        assertThat(w.clues().applyChange(a.id(), assign)).isEmpty(); // not NEW any more
        assertThat(w.clues().storeNew(List.of(a), "warn", now)).isZero();
        assertThat(w.clues().find(a.id()).orElseThrow().status()).isEqualTo(ClueStatus.ASSIGNED);
    }

    @Test
    void plansTasksAndInvestigations() {
        TestGremlin.clear();
        GremlinWorkflow w = new GremlinWorkflow(TestGremlin.connection().g());
        Instant now = Instant.parse("2026-03-02T10:00:00Z");
        InspectionPlan plan = new InspectionPlan("P-1", "2026-Q1", null, 7, "A=0.1", "abc", LocalDate.of(2026, 2, 1), 10, 2, 0, now);
        InspectionTask t1 = new InspectionTask("P-1-0001", "P-1", "2026-Q1", "E1", "D", List.of("I1", "I2"), "JC1.x",
                LocalDate.of(2026, 6, 30), InspectionTask.Status.OPEN, null, null, null, null, null, null);
        InspectionTask t2 = new InspectionTask("P-1-0002", "P-1", "2026-Q1", "E2", "C", List.of(), null, null,
                InspectionTask.Status.UNASSIGNED, "conflict", null, null, null, null, null);
        w.inspectionPlans().save(plan, List.of(t2, t1));
        assertThat(w.inspectionPlans().planExists("P-1")).isTrue();
        assertThat(w.inspectionPlans().plan("P-1")).contains(plan);
        assertThat(w.inspectionPlans().plans("2026-Q1")).containsExactly(plan);
        assertThat(w.inspectionPlans().tasks("P-1")).containsExactly(t1, t2);
        InspectionOutcome o = new InspectionOutcome("P-1-0001", "INS-1", LocalDate.of(2026, 3, 5), "ISSUES_FOUND", 2, true);
        assertThat(w.inspectionPlans().close(o, now)).isTrue();
        assertThat(w.inspectionPlans().close(o, now)).isFalse();
        assertThat(w.inspectionPlans().task("P-1-0001").orElseThrow()).isEqualTo(t1.closed(o, now));

        Investigation i = new Investigation("inv1", "li", "Case", "n", false, "{\"nodes\":[]}", now, now);
        w.investigations().save(i);
        assertThat(w.investigations().find("inv1")).contains(i);
        assertThat(w.investigations().visibleTo("li")).hasSize(1);
        assertThat(w.investigations().visibleTo("wang")).isEmpty();
        assertThat(w.investigations().delete("inv1", "wang")).isFalse();
        assertThat(w.investigations().delete("inv1", "li")).isTrue();
        assertThat(w.investigations().find("inv1")).isEmpty();
    }
}
