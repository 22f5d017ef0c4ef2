// description: Enterprises registered, after it, at the address of a revoked or cancelled enterprise: a common way to carry on under a new name. Addresses shared by many firms (formation agents, business centres) are left out, since sharing them says nothing.
// param max_firms: addresses with more enterprises than this are left out (e.g. 10)
MATCH (old:Enterprise)-[:LOCATED_AT]->(a:Address)<-[:LOCATED_AT]-(new:Enterprise)
WHERE old.status IN ['REVOKED', 'CANCELLED'] AND new.status IN ['ACTIVE', 'ABNORMAL'] AND new.established > old.established
  AND COUNT { (a)<-[:LOCATED_AT]-(:Enterprise) } <= $max_firms
RETURN new.uscc AS uscc, new.name AS name, new.established AS established, old.name AS revoked_firm,
       a.address AS address
ORDER BY established DESC;
