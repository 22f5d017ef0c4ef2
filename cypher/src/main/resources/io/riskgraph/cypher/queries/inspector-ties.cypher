// description: Inspectors personally tied to an enterprise they inspected: the inspector's person holds a role in it, or shares its address or phone.
MATCH (i:Inspector)-[:CARRIED_OUT]->(x:Inspection)-[:INSPECTED]->(e:Enterprise)
MATCH (i)-[:IS_PERSON]->(p:Person)
WHERE EXISTS { (p)-[:LEGAL_REPRESENTATIVE_OF|SHAREHOLDER_OF|DIRECTOR_OF|SUPERVISOR_OF|MANAGER_OF|FINANCE_OFFICER_OF|CONTACT_OF]->(e) }
   OR EXISTS { (p)-[:LOCATED_AT|HAS_PHONE]->()<-[:LOCATED_AT|HAS_PHONE]-(e) }
RETURN i.inspector_id AS inspector, i.name AS name, e.uscc AS uscc, e.name AS enterprise, x.id AS inspection, x.date AS date
ORDER BY date;
