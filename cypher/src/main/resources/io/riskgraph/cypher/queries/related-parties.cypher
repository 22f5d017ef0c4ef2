// description: Enterprises linked to one enterprise within two hops through people (roles) or enterprise links (investment, branch, supply, guarantee), with how they are linked. Shared addresses and phones are left out here; see co-located-firms.
// param uscc: the enterprise's USCC
MATCH (e:Enterprise {uscc: $uscc})
MATCH p = (e)-[:LEGAL_REPRESENTATIVE_OF|SHAREHOLDER_OF|DIRECTOR_OF|SUPERVISOR_OF|MANAGER_OF|FINANCE_OFFICER_OF|INVESTS_IN|BRANCH_OF|SUPPLIES|GUARANTEES]-{1,2}(other:Enterprise)
WHERE other <> e
WITH other, min(length(p)) AS hops, collect(DISTINCT [r IN relationships(p) | type(r)]) AS via
RETURN other.uscc AS uscc, other.name AS name, other.status AS status, hops, via[0] AS relation
ORDER BY hops, name;
