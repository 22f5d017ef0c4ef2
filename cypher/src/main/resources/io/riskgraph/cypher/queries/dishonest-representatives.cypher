// description: Enterprises whose legal representative is an active dishonest executee (失信被执行人).
MATCH (c:CourtRecord {kind: 'DISHONEST_EXECUTEE'})-[:CONCERNS]->(p:Person)-[:LEGAL_REPRESENTATIVE_OF]->(e:Enterprise)
WHERE coalesce(c.status, 'ACTIVE') = 'ACTIVE'
RETURN e.uscc AS uscc, e.name AS name, e.status AS status, p.name AS representative, c.id AS record, c.date AS since
ORDER BY name;
