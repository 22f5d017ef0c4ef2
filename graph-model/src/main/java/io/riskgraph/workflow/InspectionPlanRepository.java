package io.riskgraph.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where inspection plans and their tasks are kept (workflow entities, apart from the analysed graph). The planning
 * computation talks only to this port; the cypher module implements it.
 */
public interface InspectionPlanRepository {

    boolean planExists(String planId);

    /** Stores a plan with all its tasks in one transaction; refuses a plan id that exists. */
    void save(InspectionPlan plan, List<InspectionTask> tasks);

    Optional<InspectionPlan> plan(String planId);

    /** Plans of a period, oldest first. */
    List<InspectionPlan> plans(String period);

    Optional<InspectionTask> task(String taskId);

    /** The tasks of a plan in task id order. */
    List<InspectionTask> tasks(String planId);

    /**
     * Closes an OPEN task with its outcome, atomically: true when this call closed it, false when it was not open
     * (closed before, unassigned, unknown). A code is therefore used at most once.
     */
    boolean close(InspectionOutcome outcome, Instant at);

    /**
     * Open tasks for which an Inspection event carrying the task's code is in the graph (results loaded by ingest),
     * as the outcomes that close them.
     */
    List<InspectionOutcome> returnedByInspections();
}
