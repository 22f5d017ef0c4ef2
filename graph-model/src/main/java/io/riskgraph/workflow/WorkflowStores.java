package io.riskgraph.workflow;

/**
 * The workflow repositories of one backend together (clues, inspection plans and tasks, saved investigations).
 * Closing it releases what the backend opened for them, not the graph store.
 */
public interface WorkflowStores extends AutoCloseable {
    ClueRepository clues();

    InspectionPlanRepository inspectionPlans();

    InvestigationRepository investigations();

    @Override
    void close();
}
