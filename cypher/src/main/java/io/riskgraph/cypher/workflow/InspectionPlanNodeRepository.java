package io.riskgraph.cypher.workflow;

import org.springframework.data.neo4j.repository.Neo4jRepository;

import java.util.List;

/** Spring Data repository of {@link InspectionPlanNode}; callers use {@link SdnInspectionPlanRepository}. */
interface InspectionPlanNodeRepository extends Neo4jRepository<InspectionPlanNode, String> {
    List<InspectionPlanNode> findByPeriodOrderByCreatedAtAsc(String period);
}
