package io.riskgraph.cypher.workflow;

import org.springframework.data.neo4j.repository.Neo4jRepository;

import java.util.List;

/** Spring Data repository of {@link InspectionTaskNode}; callers use {@link SdnInspectionPlanRepository}. */
interface InspectionTaskNodeRepository extends Neo4jRepository<InspectionTaskNode, String> {
    List<InspectionTaskNode> findByPlanIdOrderByIdAsc(String planId);
}
