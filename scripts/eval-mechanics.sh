#!/usr/bin/env bash
# The grading models on cities that work differently (docs/generator.md, "Mechanics"): for each mechanics a fresh
# city and store, `ingest; analyze; grade` (the prior), then `learn --force; grade` (learned), each scored against the
# city's hidden truth.csv by scripts/auc-by-history.py (population AUC and lift, firms with and without events).
#   scripts/eval-mechanics.sh [ENTERPRISES=20000] [SEED=20251222] [WORK=target/eval-mechanics] [MECHANICS="default alt alt2"]
# RG: the riskgraph command to run (default: ./riskgraph of this checkout). SKIP_PRIOR=1 skips the prior's grade.
# Not part of the test suite: minutes per city at 20,000 firms.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
N="${1:-20000}"; SEED="${2:-20251222}"; WORK="${3:-$ROOT/target/eval-mechanics}"; MECH="${4:-default alt alt2}"
RG="${RG:-$ROOT/riskgraph}"
mkdir -p "$WORK"
echo "uptime before: $(uptime)"
for m in $MECH; do
  city="$WORK/city-$m-$N-$SEED"; store="$WORK/store-$m-$N-$SEED"
  if [ ! -f "$city/truth.csv" ]; then "$RG" generate --enterprises "$N" --seed "$SEED" --mechanics "$m" --out "$city" --force >/dev/null; fi
  if [ ! -d "$store" ]; then
    "$RG" ingest "$city" --store "$store" >/dev/null
    "$RG" analyze --store "$store" >/dev/null
  fi
  if [ -z "${SKIP_PRIOR:-}" ]; then
    "$RG" models activate prior --store "$store" >/dev/null 2>&1 || true
    "$RG" grade --store "$store" >/dev/null
    "$RG" export grades --store "$store" --out "$WORK/grades-$m-prior.csv" >/dev/null
    python3 "$ROOT/scripts/auc-by-history.py" "$WORK/grades-$m-prior.csv" "$city" "$m prior  "
  fi
  "$RG" learn --force --store "$store" > "$WORK/learn-$m.log"
  grep -E "^  learned|^  prior|^  baseline|cohort|OOT AUC" "$WORK/learn-$m.log" | sed "s/^/  $m: /" || true
  "$RG" grade --store "$store" >/dev/null
  "$RG" export grades --store "$store" --out "$WORK/grades-$m-learned.csv" >/dev/null
  python3 "$ROOT/scripts/auc-by-history.py" "$WORK/grades-$m-learned.csv" "$city" "$m learned"
done
echo "uptime after: $(uptime)"
