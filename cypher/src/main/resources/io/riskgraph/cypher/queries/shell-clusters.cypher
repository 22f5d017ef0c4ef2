// description: Addresses or phones shared by several young enterprises with little paid-in capital, the pattern of shell companies. Formation-agent addresses, where many established firms register, are not flagged merely for their size: the young, thinly capitalised firms must be the majority.
// param since: firms established on or after this date count as young, e.g. 2025-01-01
// param min_firms: at least this many young firms (e.g. 3)
// param max_paid_in: paid-in capital at or below this counts as little, in CNY (e.g. 10000)
MATCH (place)<-[:LOCATED_AT|HAS_PHONE]-(e:Enterprise)
WHERE place:Address OR place:Phone
WITH place, collect(e) AS firms
WITH place, firms, [f IN firms WHERE f.established >= date($since) AND coalesce(f.paid_in_capital, 0) <= $max_paid_in] AS young
WHERE size(young) >= $min_firms AND size(young) * 2 > size(firms)
RETURN labels(place)[0] AS shared, coalesce(place.address, place.number) AS value, size(young) AS young_firms,
       size(firms) AS all_firms, [f IN young | f.name] AS names
ORDER BY young_firms DESC;
