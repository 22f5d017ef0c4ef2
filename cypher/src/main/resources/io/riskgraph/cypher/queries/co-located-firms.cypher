// description: Enterprises at the same (normalised) address or with the same phone as one enterprise.
// param uscc: the enterprise's USCC
MATCH (e:Enterprise {uscc: $uscc})-[:LOCATED_AT|HAS_PHONE]->(place)<-[:LOCATED_AT|HAS_PHONE]-(other:Enterprise)
WHERE other <> e
RETURN other.uscc AS uscc, other.name AS name, other.status AS status, other.established AS established,
       collect(DISTINCT labels(place)[0]) AS shared
ORDER BY name;
