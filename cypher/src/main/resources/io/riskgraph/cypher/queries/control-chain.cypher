// description: Who holds an enterprise, up to five levels, with each chain's effective share (the product of the shares along it). Persons appear as holders through SHAREHOLDER_OF, enterprises through INVESTS_IN.
// param uscc: the enterprise's USCC
MATCH (e:Enterprise {uscc: $uscc})
MATCH p = (holder)-[:INVESTS_IN|SHAREHOLDER_OF]->{1,5}(e)
WITH holder, p, reduce(s = 1.0, r IN relationships(p) | s * coalesce(r.share, 0.0)) AS effective
RETURN coalesce(holder.uscc, holder.person_id) AS holder, holder.name AS name, length(p) AS levels,
       [n IN nodes(p) | n.name] AS chain, round(effective, 4) AS effective_share
ORDER BY effective_share DESC, levels;
