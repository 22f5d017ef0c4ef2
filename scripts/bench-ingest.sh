#!/usr/bin/env bash
# Ingest throughput: a generated city of about 1 million rows into a fresh embedded store over Bolt,
# RUNS times; prints each run's summary line and the median rows/s. Not part of the test suite.
#   scripts/bench-ingest.sh [ENTERPRISES] [RUNS] [extra ingest options, e.g. --writers 1]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
N="${1:-120000}"; RUNS="${2:-3}"; shift $(( $# > 2 ? 2 : $# )) || true
WORK="${BENCH_DIR:-$ROOT/target/bench-ingest}"
mkdir -p "$WORK"
CITY="$WORK/city-$N"
[ -f "$CITY/enterprises.csv" ] || "$ROOT/riskgraph" generate --enterprises "$N" --seed 1 --out "$CITY" --force >/dev/null
echo "dataset: $CITY ($(cat "$CITY"/*.csv | wc -l) lines incl. headers and truth.csv)"
rates=()
for i in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/store" "$WORK/store-rejects.csv"
  load="$(cut -d' ' -f1 /proc/loadavg)"
  out="$(/usr/bin/time -f 'cpu %U %S' -o "$WORK/time.txt" "$ROOT/riskgraph" ingest "$CITY" --store "$WORK/store" "$@" 2>/dev/null)"
  printf '%s\n' "$out" > "$WORK/run-$i.txt"
  line="$(grep -E 'rows/s\)' <<<"$out")"; heap="$(grep -E '^Peak heap' <<<"$out")"
  # process CPU seconds (client, driver and embedded server share the JVM; includes start-up): less sensitive
  # than wall time to other work on a shared machine
  cpu="$(awk '/^cpu/ {printf "%.1f", $2 + $3}' "$WORK/time.txt")"
  echo "run $i: $line; $heap; cpu ${cpu} s; load at start $load"
  rates+=("$(sed -E 's/.*\(([0-9,]+) rows\/s\).*/\1/' <<<"$line" | tr -d ,)")
done
printf '%s\n' "${rates[@]}" | sort -n | awk '{a[NR]=$1} END {print "median rows/s: " a[int((NR+1)/2)]}'
