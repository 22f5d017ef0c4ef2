// description: Enterprises with repeated failed samples within a window ending on a date.
// param until: the end of the window, e.g. 2026-06-30
// param months: the window's length in months (e.g. 12)
// param min_failures: at least this many failed samples (e.g. 2)
MATCH (e:Enterprise)<-[:SAMPLED_AT]-(s:Sample {result: 'FAIL'})
WHERE s.date > date($until) - duration({months: $months}) AND s.date <= date($until)
WITH e, count(s) AS failures, collect(s.date) AS dates
WHERE failures >= $min_failures
RETURN e.uscc AS uscc, e.name AS name, failures, dates
ORDER BY failures DESC, name;
