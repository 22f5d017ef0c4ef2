// description: People who represent or hold several enterprises with failed samples, penalties or dishonest-executee records.
// param min_firms: at least this many such enterprises (e.g. 2)
MATCH (p:Person)-[:LEGAL_REPRESENTATIVE_OF|SHAREHOLDER_OF]->(e:Enterprise)
WHERE EXISTS { (e)<-[:SAMPLED_AT]-(:Sample {result: 'FAIL'}) }
   OR EXISTS { (e)<-[:IMPOSED_ON]-(:Penalty) }
   OR EXISTS { (e)<-[:CONCERNS]-(:CourtRecord {kind: 'DISHONEST_EXECUTEE'}) }
WITH p, collect(DISTINCT e.name) AS firms
WHERE size(firms) >= $min_firms
RETURN p.person_id AS person_id, p.name AS name, p.id_number_masked AS id_number, size(firms) AS failing_firms, firms
ORDER BY failing_firms DESC, name;
