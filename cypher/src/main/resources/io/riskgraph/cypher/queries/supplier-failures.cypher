// description: Producers whose products failed sampling at several different sellers or caterers.
// param min_sites: at least this many places where their products failed (e.g. 2)
MATCH (producer:Enterprise)<-[:PRODUCED_BY]-(s:Sample {result: 'FAIL'})-[:SAMPLED_AT]->(site:Enterprise)
WHERE site <> producer
WITH producer, collect(DISTINCT site.name) AS sites, collect(s.failed_items) AS items
WHERE size(sites) >= $min_sites
RETURN producer.uscc AS uscc, producer.name AS name, size(sites) AS failing_sites, sites,
       reduce(all = [], i IN items | all + coalesce(i, [])) AS failed_items
ORDER BY failing_sites DESC;
