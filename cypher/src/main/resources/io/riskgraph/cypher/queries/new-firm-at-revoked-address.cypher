// description: Enterprises registered at the address of a revoked or cancelled enterprise after it lost its licence or was established before, a common way to carry on under a new name.
MATCH (old:Enterprise)-[:LOCATED_AT]->(a:Address)<-[:LOCATED_AT]-(new:Enterprise)
WHERE old.status IN ['REVOKED', 'CANCELLED'] AND new.status IN ['ACTIVE', 'ABNORMAL'] AND new.established > old.established
RETURN new.uscc AS uscc, new.name AS name, new.established AS established, old.name AS revoked_firm,
       a.address AS address
ORDER BY established DESC;
