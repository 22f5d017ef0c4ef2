#!/usr/bin/env bash
# Both graph backends side by side on one generated city, in one run: an online load (the upsert rate over each
# backend's remote path: Bolt for Neo4j, the Gremlin driver over WebSocket for the embedded Gremlin Server), analyze
# (projection, algorithms, write-back), grade and warn. Every figure includes the JVM and the store's start.
# Run it on a quiet machine (no build running) and note the load printed before each step.
# Usage: scripts/backend-bench.sh [ENTERPRISES] [WORK_DIR]
set -euo pipefail
N="${1:-20000}"
WORK="${2:-/tmp/riskgraph-backend-bench}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RG="$ROOT/riskgraph"
mkdir -p "$WORK"
if [ ! -f "$WORK/city-$N/enterprises.csv" ]; then
  "$RG" generate --enterprises "$N" --out "$WORK/city-$N" >/dev/null
fi
for backend in neo4j gremlin; do
  rm -rf "$WORK/$backend-$N" "$WORK/$backend-$N-rejects.csv"
  args=(--store "$WORK/$backend-$N")
  [ "$backend" = gremlin ] && args+=(--gremlin embedded)
  for step in ingest analyze grade warn; do
    extra=()
    [ "$step" = ingest ] && extra=("$WORK/city-$N" --mode online)
    echo "== $backend $step (load: $(cut -d' ' -f1-3 /proc/loadavg))"
    /usr/bin/time -f "   %e s wall, %M KB max RSS" "$RG" "$step" "${extra[@]}" "${args[@]}" 2>&1 \
      | grep -E "^(total|enterprises|persons|roles|inspections|events)|s wall|ms|rows/s|graded|clues found|Grade|PageRank|Projection|projection" || true
  done
done
