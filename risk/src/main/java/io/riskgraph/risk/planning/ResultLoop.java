package io.riskgraph.risk.planning;

import io.riskgraph.workflow.InspectionOutcome;
import io.riskgraph.workflow.InspectionPlanRepository;
import io.riskgraph.workflow.InspectionTask;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Closes the loop: an inspection result closes its task (which uses up its code) and re-grades the enterprise;
 * closed tasks feed the public results export.
 */
public final class ResultLoop {
    private final InspectionPlanRepository repository;
    private final Regrader regrader;

    public ResultLoop(InspectionPlanRepository repository, Regrader regrader) {
        this.repository = repository;
        this.regrader = regrader;
    }

    /** Closes the open tasks whose codes arrived on ingested inspections; returns the tasks closed. */
    public List<InspectionTask> closeReturned(Instant now) {
        List<InspectionTask> closed = new ArrayList<>();
        for (InspectionOutcome o : repository.returnedByInspections()) {
            if (repository.close(o, now)) repository.task(o.taskId()).ifPresent(closed::add);
        }
        regrade(closed);
        return closed;
    }

    /**
     * Closes one task with a result; an IllegalArgumentException says why when the task is unknown or not open (a
     * second result for the same task is refused: its code is used).
     */
    public InspectionTask close(InspectionOutcome outcome, Instant now) {
        InspectionTask t = openTask(repository, outcome.taskId());
        if (!repository.close(outcome, now)) {
            throw new IllegalArgumentException("task " + t.taskId() + " is no longer open: its result came back already");
        }
        InspectionTask closed = repository.task(outcome.taskId()).orElseThrow();
        regrade(List.of(closed));
        return closed;
    }

    /** The task if it exists and is open, else an error that says which. */
    public static InspectionTask openTask(InspectionPlanRepository repository, String taskId) {
        InspectionTask t = repository.task(taskId).orElseThrow(() -> new IllegalArgumentException("no inspection task '"
                + taskId + "'"));
        switch (t.status()) {
            case CLOSED -> throw new IllegalArgumentException("task " + taskId + " is closed: its result came back on "
                    + t.resultDate() + " and its code is used");
            case UNASSIGNED -> throw new IllegalArgumentException("task " + taskId + " has no inspector team: " + t.unassignedReason());
            default -> { }
        }
        return t;
    }

    private void regrade(List<InspectionTask> closed) {
        if (closed.isEmpty()) return;
        Set<String> usccs = new TreeSet<>();
        closed.forEach(t -> usccs.add(t.uscc()));
        regrader.regrade(usccs);
    }
}
