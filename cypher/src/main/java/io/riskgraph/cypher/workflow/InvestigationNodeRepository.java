package io.riskgraph.cypher.workflow;

import org.springframework.data.neo4j.repository.Neo4jRepository;
import org.springframework.data.neo4j.repository.query.Query;

import java.util.List;

/** Spring Data repository of {@link InvestigationNode}; callers outside this package use {@link SdnInvestigationRepository}. */
interface InvestigationNodeRepository extends Neo4jRepository<InvestigationNode, String> {

    /** The owner's investigations and the shared ones, newest first (at most 500). */
    @Query("MATCH (i:Investigation) WHERE i.owner = $owner OR i.shared = true RETURN i ORDER BY i.updated_at DESC, i.id LIMIT 500")
    List<InvestigationNode> visibleTo(String owner);
}
