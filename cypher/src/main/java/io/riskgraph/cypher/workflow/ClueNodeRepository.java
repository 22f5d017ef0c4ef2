package io.riskgraph.cypher.workflow;

import org.springframework.data.neo4j.repository.Neo4jRepository;
import org.springframework.data.neo4j.repository.query.Query;

import java.util.List;

/** Spring Data repository of {@link ClueNode}; callers outside this package use {@link SdnClueRepository}. */
interface ClueNodeRepository extends Neo4jRepository<ClueNode, String> {

    String FILTER = """
            MATCH (c:Clue)
            WHERE ($status IS NULL OR c.status = $status) AND ($rule IS NULL OR c.rule = $rule)
              AND ($uscc IS NULL OR c.uscc = $uscc) AND ($segment IS NULL OR c.segment = $segment)
              AND ($district IS NULL OR EXISTS { MATCH (e:Enterprise {uscc: c.uscc}) WHERE e.district = $district })
            """;

    @Query(FILTER + """
            WITH c ORDER BY c.severity DESC, c.id SKIP $offset LIMIT $limit
            OPTIONAL MATCH (c)-[r:HAS_CHANGE]->(h:ClueChange)
            WITH c, collect(r) AS rs, collect(h) AS hs
            ORDER BY c.severity DESC, c.id
            RETURN c, rs, hs
            """)
    List<ClueNode> filter(String status, String rule, String uscc, String segment, String district, long offset, long limit);

    @Query(FILTER + "RETURN count(c)")
    long countFiltered(String status, String rule, String uscc, String segment, String district);
}
