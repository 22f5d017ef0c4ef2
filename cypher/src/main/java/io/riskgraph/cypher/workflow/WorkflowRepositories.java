package io.riskgraph.cypher.workflow;

import io.riskgraph.workflow.ClueRepository;
import io.riskgraph.workflow.InspectionPlanRepository;
import io.riskgraph.workflow.InvestigationRepository;
import io.riskgraph.workflow.WorkflowStores;
import org.neo4j.driver.Driver;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.Objects;

/**
 * The workflow repositories (clues, and whatever other workflow entities are added) over one driver. Starting
 * the Spring context takes about a second, so open it once per process and close it before the driver; closing
 * it leaves the driver open. Callers see only the ports in {@code io.riskgraph.workflow}.
 */
public final class WorkflowRepositories implements WorkflowStores {
    private final AnnotationConfigApplicationContext context;
    private final ClueRepository clues;
    private final InspectionPlanRepository inspectionPlans;
    private final InvestigationRepository investigations;

    private WorkflowRepositories(AnnotationConfigApplicationContext context) {
        this.context = context;
        this.clues = new SdnClueRepository(context.getBean(ClueNodeRepository.class), context.getBean(Neo4jClient.class));
        this.inspectionPlans = new SdnInspectionPlanRepository(context.getBean(InspectionPlanNodeRepository.class),
                context.getBean(InspectionTaskNodeRepository.class), context.getBean(Neo4jClient.class),
                context.getBean(PlatformTransactionManager.class));
        this.investigations = new SdnInvestigationRepository(context.getBean(InvestigationNodeRepository.class));
    }

    public static WorkflowRepositories open(Driver driver) {
        Objects.requireNonNull(driver, "driver");
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(WorkflowConfig.PlatformDriver.class, () -> new WorkflowConfig.PlatformDriver(driver));
        context.register(WorkflowConfig.class);
        try {
            context.refresh();
            return new WorkflowRepositories(context);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    @Override
    public ClueRepository clues() { return clues; }

    @Override
    public InspectionPlanRepository inspectionPlans() { return inspectionPlans; }

    @Override
    public InvestigationRepository investigations() { return investigations; }

    /** A Spring repository or bean of this context, for adapters added in this package. */
    <T> T bean(Class<T> type) { return context.getBean(type); }

    @Override
    public void close() {
        context.close();
    }
}
