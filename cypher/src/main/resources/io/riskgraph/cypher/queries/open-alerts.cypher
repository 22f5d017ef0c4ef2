// description: Enterprises with smart-kitchen alerts that are still open (no hat, no mask, smoking, rodents ...).
// param min_alerts: at least this many open alerts (e.g. 1)
MATCH (e:Enterprise)<-[:RAISED_AT]-(a:Alert)
WHERE coalesce(a.status, 'OPEN') = 'OPEN'
WITH e, count(a) AS open_alerts, collect(a.kind) AS kinds, max(a.time) AS latest
WHERE open_alerts >= $min_alerts
RETURN e.uscc AS uscc, e.name AS name, open_alerts, kinds, latest
ORDER BY open_alerts DESC, latest DESC;
