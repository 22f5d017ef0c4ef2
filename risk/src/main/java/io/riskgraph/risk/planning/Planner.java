package io.riskgraph.risk.planning;

import io.riskgraph.workflow.InspectionPlan;
import io.riskgraph.workflow.InspectionTask;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Draws a plan: enterprises per grade ({@link Sampler}), a team per task ({@link InspectorAssigner}), a code per task. */
public final class Planner {
    /** The plan and its tasks, in draw order (grade A first). */
    public record PlanResult(InspectionPlan plan, List<InspectionTask> tasks) {
        public List<InspectionTask> unassigned() {
            return tasks.stream().filter(t -> t.status() == InspectionTask.Status.UNASSIGNED).toList();
        }
    }

    private Planner() {}

    public static PlanResult plan(GradeSnapshot snapshot, List<Inspector> inspectors, Ties ties, PlanParams p,
                                  InspectionCodes codes, Instant now) {
        String planId = planId(snapshot, p);
        List<GradeSnapshot.Entry> drawn = Sampler.draw(snapshot, p.ratios(), p.seed());
        List<InspectorAssigner.Assignment> teams = InspectorAssigner.assign(drawn, inspectors, ties, p.inspectorsPerTask(),
                p.seed());
        List<InspectionTask> tasks = new ArrayList<>(teams.size());
        int unassigned = 0;
        for (int i = 0; i < teams.size(); i++) {
            InspectorAssigner.Assignment a = teams.get(i);
            String taskId = planId + "-" + String.format("%05d", i + 1);
            String uscc = a.entity().uscc();
            String grade = String.valueOf(a.entity().grade());
            if (a.assigned()) {
                String code = codes.issue(taskId, uscc, p.period().text(), p.codeExpires());
                tasks.add(new InspectionTask(taskId, planId, p.period().text(), uscc, grade, a.inspectors(), code,
                        p.codeExpires(), InspectionTask.Status.OPEN, null, null, null, null, null, null));
            } else {
                unassigned++;
                tasks.add(new InspectionTask(taskId, planId, p.period().text(), uscc, grade, List.of(), null, null,
                        InspectionTask.Status.UNASSIGNED, a.problem(), null, null, null, null, null));
            }
        }
        InspectionPlan plan = new InspectionPlan(planId, p.period().text(), p.segment(), p.seed(), p.ratios().text(),
                snapshot.hash(), snapshot.asOf(), snapshot.entries().size(), tasks.size(), unassigned, now);
        return new PlanResult(plan, List.copyOf(tasks));
    }

    /** PLAN-2026Q1-<10 hex>: the same period, segment, seed, ratios and snapshot give the same id. */
    static String planId(GradeSnapshot snapshot, PlanParams p) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((p.period().text() + "|" + p.segment() + "|" + p.seed() + "|" + p.ratios().text() + "|"
                    + p.inspectorsPerTask() + "|" + p.ties() + "|" + p.codeGraceDays() + "|" + snapshot.hash())
                    .getBytes(StandardCharsets.UTF_8));
            return "PLAN-" + p.period().text().replace("-", "") + "-" + HexFormat.of().formatHex(sha.digest()).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
