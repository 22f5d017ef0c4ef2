#!/usr/bin/env bash
# Soak test: wrk for DURATION on the related-party and search routes at once, against a server it starts on STORE.
# Usage: scripts/soak.sh STORE CITY_DIR [DURATION]   (e.g. the 100k demo: riskgraph-data riskgraph-demo-city 5m)
# Env: PORT (18090), CONNECTIONS (8 per route), THREADS (1 per route), WARMUP (30s), OUT (target/soak),
#      RISKGRAPH_JAVA_OPTS (-Xms2g -Xmx2g -XX:+AlwaysPreTouch).
# Reports: requests/s, p50/p99 and errors (non-2xx and socket errors) per route; the server's heap in use after a
# full GC and its RSS, before (after the warm-up) and after the soak; the load average. Run it on a quiet machine.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
STORE="$(cd "$1" && pwd)"; CITY="$(cd "$2" && pwd)"; DURATION="${3:-5m}"
PORT="${PORT:-18090}"; C="${CONNECTIONS:-8}"; T="${THREADS:-1}"; WARMUP="${WARMUP:-30s}"; OUT="${OUT:-$ROOT/target/soak}"
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "soak: needs wrk (apt-get install wrk)" >&2; exit 2; }
command -v jcmd >/dev/null || JCMD="$(ls /usr/lib/jvm/*/bin/jcmd | tail -1)"; JCMD="${JCMD:-jcmd}"
mkdir -p "$OUT"

KEY="$("$ROOT/riskgraph" keys create --role consumer --name "soak-$(date +%s)" --store "$STORE" 2>/dev/null)"
# a fixed, pre-touched heap (override with RISKGRAPH_JAVA_OPTS): a heap that grows into -Xmx reads as RSS growth
export RISKGRAPH_JAVA_OPTS="${RISKGRAPH_JAVA_OPTS:--Xms2g -Xmx2g -XX:+AlwaysPreTouch}"
"$ROOT/riskgraph" serve --store "$STORE" --port "$PORT" > "$OUT/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf "$BASE/health" >/dev/null 2>&1 && break; sleep 1; done
curl -sf "$BASE/health" >/dev/null || { echo "soak: the server did not start; see $OUT/serve.log" >&2; exit 1; }
JAVA_PID="$(pgrep -P "$SERVER" java || echo "$SERVER")"

python3 - "$CITY" "$OUT" <<'PY'
import csv, random, sys
city, out = sys.argv[1:3]
rows = list(csv.DictReader(open(f"{city}/enterprises.csv", encoding="utf-8")))
rng = random.Random(20261207)
sample = rng.sample(rows, min(2000, len(rows)))
open(f"{out}/usccs.txt", "w").write("\n".join(r["uscc"] for r in sample) + "\n")
terms = []
for r in sample[:500]:
    terms += [r["name"], r["name"].replace("上海", "")[:4], r["uscc"]]
open(f"{out}/terms.txt", "w", encoding="utf-8").write("\n".join(t for t in terms if t) + "\n")
PY

memory() { # heap in use after a full GC (MiB), RSS (MiB)
  "$JCMD" "$JAVA_PID" GC.run >/dev/null
  local heap rss
  # every generation's "total ..., used ...K" line (young and old), summed: the first alone was the empty young one
  heap="$("$JCMD" "$JAVA_PID" GC.heap_info | awk '/^[A-Za-z].*total.*used/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub(/K,?/,"",v); s+=v}} END {print int(s/1024)}')"
  # RSS split: anonymous memory (heap, metaspace, code cache, Neo4j's page cache) is what a leak grows; file-backed
  # pages are Lucene's memory-mapped index, shared with and reclaimable by the OS cache
  rss="$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$JAVA_PID/status")"
  anon="$(awk '/RssAnon/ {print int($2/1024)}' "/proc/$JAVA_PID/status")"
  file="$(awk '/RssFile/ {print int($2/1024)}' "/proc/$JAVA_PID/status")"
  echo "heap ${heap} MiB, RSS ${rss} MiB (anonymous ${anon}, file-backed ${file})"
}

wrk_route() { # name list template duration
  LIST="$2" PATH_TEMPLATE="$3" wrk -t"$T" -c"$C" -d"$4" --timeout 10s --latency -H "X-API-Key: $KEY" \
    -s "$ROOT/scripts/wrk-list.lua" "$BASE" > "$OUT/$1.txt" 2>&1
}
summary() {
  local f="$OUT/$1.txt"
  echo "$1: $(awk '/Requests\/sec/ {print $2}' "$f") req/s, $(awk '/requests in/ {print $1}' "$f") requests," \
    "p50 $(awk '$1=="50%" {print $2}' "$f"), p99 $(awk '$1=="99%" {print $2}' "$f")," \
    "errors: $(grep -E 'Non-2xx|Socket errors|timeout' "$f" | tr -s ' ' | tr '\n' ';' || true)"
}

echo "warm-up $WARMUP ..."
wrk_route warmup-related "$OUT/usccs.txt" "/enterprises/%s/related?hops=2" "$WARMUP" &
W1=$!
wrk_route warmup-search "$OUT/terms.txt" "/search?q=%s" "$WARMUP" &
W2=$!
wait $W1 $W2
BEFORE="$(memory)"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "before: $BEFORE; load $LOAD_BEFORE; soaking $DURATION with $C connections per route ..."
wrk_route related "$OUT/usccs.txt" "/enterprises/%s/related?hops=2" "$DURATION" &
P1=$!
wrk_route search "$OUT/terms.txt" "/search?q=%s" "$DURATION" &
P2=$!
wait $P1 $P2
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
AFTER="$(memory)"
echo "soak $DURATION on $(basename "$STORE") ($(wc -l < "$CITY/enterprises.csv") enterprise rows), $C connections x 2 routes"
summary related
summary search
echo "before: $BEFORE"
echo "after:  $AFTER"
echo "load average: $LOAD_BEFORE at the start, $LOAD_AFTER at the end (2 cores)"
