#!/usr/bin/env bash
# Both graph backends side by side on one generated city, in one run: an online load (the upsert rate over each
# backend's remote path: Bolt for Neo4j, the Gremlin driver over WebSocket for the embedded Gremlin Server), analyze
# (projection, algorithms, write-back) and grade, RUNS times on fresh stores, alternating the backends; wall seconds
# per step (JVM and store start included), then the medians. Run it on a quiet machine (no build running); the load
# is printed before each step.
# Usage: scripts/backend-bench.sh [ENTERPRISES] [RUNS] [WORK_DIR] [STEPS, default "ingest analyze grade"]
set -euo pipefail
N="${1:-20000}"
RUNS="${2:-3}"
WORK="${3:-/tmp/riskgraph-backend-bench}"
STEPS="${4:-ingest analyze grade}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RG="$ROOT/riskgraph"
mkdir -p "$WORK"
if [ ! -f "$WORK/city-$N/enterprises.csv" ]; then
  "$RG" generate --enterprises "$N" --seed 1 --out "$WORK/city-$N" >/dev/null 2>&1
fi
echo "machine: $(nproc) vCPU $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB"
echo "uptime before: $(uptime)"
declare -A secs
for run in $(seq 1 "$RUNS"); do
  for backend in neo4j gremlin; do
    rm -rf "$WORK/$backend-$N" "$WORK/$backend-$N-rejects.csv"
    args=(--store "$WORK/$backend-$N")
    [ "$backend" = gremlin ] && args+=(--gremlin embedded)
    for step in $STEPS; do
      extra=()
      [ "$step" = ingest ] && extra=("$WORK/city-$N" --mode online)
      load="$(cut -d' ' -f1-3 /proc/loadavg)"
      start=$(date +%s.%N)
      "$RG" "$step" "${extra[@]}" "${args[@]}" > "$WORK/$backend-$step-$run.log" 2>&1 \
        || { echo "$backend $step failed, see $WORK/$backend-$step-$run.log"; exit 1; }
      s=$(echo "$(date +%s.%N) - $start" | bc)
      secs[$backend-$step]="${secs[$backend-$step]:-} $s"
      printf 'run %d %-8s %-8s %7.1f s (load before: %s)\n' "$run" "$backend" "$step" "$s" "$load"
    done
  done
done
echo "uptime after: $(uptime)"
echo "medians over $RUNS runs (wall seconds, JVM and store start included):"
for step in $STEPS; do
  for backend in neo4j gremlin; do
    m=$(tr ' ' '\n' <<<"${secs[$backend-$step]}" | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    printf '  %-8s %-8s %7.1f s   (%s)\n' "$step" "$backend" "$m" "${secs[$backend-$step]# }"
  done
done
