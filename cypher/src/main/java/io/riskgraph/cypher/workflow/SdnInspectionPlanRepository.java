package io.riskgraph.cypher.workflow;

import io.riskgraph.workflow.InspectionOutcome;
import io.riskgraph.workflow.InspectionPlan;
import io.riskgraph.workflow.InspectionPlanRepository;
import io.riskgraph.workflow.InspectionTask;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link InspectionPlanRepository} over Spring Data Neo4j: entity reads through the repositories, the plan with its
 * tasks written in one transaction by UNWIND through the client, closing as one conditional statement.
 */
final class SdnInspectionPlanRepository implements InspectionPlanRepository {
    static final int TASK_BATCH = 5_000;

    private static final String CREATE_PLAN = "CREATE (p:InspectionPlan) SET p = $props";
    private static final String CREATE_TASKS = "UNWIND $rows AS row CREATE (t:InspectionTask) SET t = row";
    /**
     * The first SET takes the task's write lock, so the status test that follows sees any close that committed
     * meanwhile: two results for one task cannot both close it.
     */
    private static final String CLOSE = """
            MATCH (t:InspectionTask {id: $id})
            SET t.last_result_attempt = $at
            WITH t WHERE t.status = 'OPEN'
            SET t.status = 'CLOSED', t.result = $result, t.result_date = $date, t.issues = $issues,
                t.rectified = $rectified, t.inspection_id = $inspection, t.closed_at = $at
            RETURN t.id AS id
            """;
    private static final String RETURNED = """
            MATCH (t:InspectionTask {status: 'OPEN'})
            MATCH (i:Inspection {code: t.code})
            WITH t, i ORDER BY i.date, i.id
            WITH t, head(collect(i)) AS i
            RETURN t.id AS task, i.id AS inspection, i.date AS date, i.result AS result,
                   coalesce(i.issues, 0) AS issues, i.rectified AS rectified
            ORDER BY task
            """;

    private final InspectionPlanNodeRepository plans;
    private final InspectionTaskNodeRepository tasks;
    private final Neo4jClient client;
    private final TransactionTemplate tx;

    SdnInspectionPlanRepository(InspectionPlanNodeRepository plans, InspectionTaskNodeRepository tasks,
                                Neo4jClient client, PlatformTransactionManager transactions) {
        this.plans = plans;
        this.tasks = tasks;
        this.client = client;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public boolean planExists(String planId) {
        return plans.existsById(planId);
    }

    @Override
    public void save(InspectionPlan plan, List<InspectionTask> all) {
        tx.executeWithoutResult(status -> {
            if (plans.existsById(plan.planId())) {
                throw new IllegalArgumentException("plan " + plan.planId() + " exists already (same period, segment, seed, "
                        + "ratios and grades); use another --seed for a new draw");
            }
            client.query(CREATE_PLAN).bind(planProps(plan)).to("props").run();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (InspectionTask t : all) {
                rows.add(taskProps(t));
                if (rows.size() == TASK_BATCH) {
                    client.query(CREATE_TASKS).bind(rows).to("rows").run();
                    rows = new ArrayList<>();
                }
            }
            if (!rows.isEmpty()) client.query(CREATE_TASKS).bind(rows).to("rows").run();
        });
    }

    @Override
    public Optional<InspectionPlan> plan(String planId) {
        return plans.findById(planId).map(SdnInspectionPlanRepository::toPlan);
    }

    @Override
    public List<InspectionPlan> plans(String period) {
        return plans.findByPeriodOrderByCreatedAtAsc(period).stream().map(SdnInspectionPlanRepository::toPlan).toList();
    }

    @Override
    public Optional<InspectionTask> task(String taskId) {
        return tasks.findById(taskId).map(SdnInspectionPlanRepository::toTask);
    }

    @Override
    public List<InspectionTask> tasks(String planId) {
        return tasks.findByPlanIdOrderByIdAsc(planId).stream().map(SdnInspectionPlanRepository::toTask).toList();
    }

    @Override
    public boolean close(InspectionOutcome o, Instant at) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", o.taskId());
        p.put("at", at.atOffset(ZoneOffset.UTC));
        p.put("result", o.result());
        p.put("date", o.date());
        p.put("issues", o.issues());
        p.put("rectified", o.rectified());
        p.put("inspection", o.inspectionId());
        return client.query(CLOSE).bindAll(p).fetch().first().isPresent();
    }

    @Override
    public List<InspectionOutcome> returnedByInspections() {
        List<InspectionOutcome> out = new ArrayList<>();
        for (Map<String, Object> r : client.query(RETURNED).fetch().all()) {
            Object date = r.get("date");
            Object result = r.get("result");
            if (!(date instanceof LocalDate d) || !InspectionOutcome.RESULTS.contains(String.valueOf(result))) continue;
            out.add(new InspectionOutcome((String) r.get("task"), (String) r.get("inspection"), d, (String) result,
                    ((Number) r.get("issues")).intValue(), r.get("rectified") instanceof Boolean b ? b : null));
        }
        return out;
    }

    private static Map<String, Object> planProps(InspectionPlan p) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", p.planId());
        m.put("period", p.period());
        m.put("segment", p.segment());
        m.put("seed", p.seed());
        m.put("ratios", p.ratios());
        m.put("snapshot_hash", p.snapshotHash());
        m.put("grades_as_of", p.gradesAsOf());
        m.put("eligible", p.eligible());
        m.put("tasks", p.tasks());
        m.put("unassigned", p.unassigned());
        m.put("created_at", p.createdAt().atOffset(ZoneOffset.UTC));
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }

    private static Map<String, Object> taskProps(InspectionTask t) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", t.taskId());
        m.put("plan_id", t.planId());
        m.put("period", t.period());
        m.put("uscc", t.uscc());
        m.put("grade", t.grade());
        m.put("inspectors", t.inspectors());
        m.put("code", t.code());
        m.put("code_expires", t.codeExpires());
        m.put("status", t.status().name());
        m.put("unassigned_reason", t.unassignedReason());
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }

    static InspectionPlan toPlan(InspectionPlanNode n) {
        return new InspectionPlan(n.id(), n.period(), n.segment(), n.seed(), n.ratios(), n.snapshotHash(), n.gradesAsOf(),
                n.eligible(), n.tasks(), n.unassigned(), n.createdAt());
    }

    static InspectionTask toTask(InspectionTaskNode n) {
        return new InspectionTask(n.id(), n.planId(), n.period(), n.uscc(), n.grade(), n.inspectors(), n.code(),
                n.codeExpires(), InspectionTask.Status.valueOf(n.status()), n.unassignedReason(), n.result(),
                n.resultDate(), n.issues(), n.inspectionId(), n.closedAt());
    }
}
